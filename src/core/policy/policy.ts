import type { Department, Locale, Role } from '../contracts.js';
import { AppError, forbidden } from '../errors.js';

/**
 * The one access policy of Grove (design.md, firm). Every route declares an `Access`; every read path
 * of a service asks this module which objects and fields the actor may see. Deny by default: a
 * permission not granted here is refused, and a route without a declaration does not start.
 */
export const grants = {
  'company.read': ['admin', 'executive', 'head', 'senior_kam', 'kam', 'sales_support', 'department', 'hr'],
  'company.manage': ['admin'],
  'users.read': ['admin', 'executive', 'head', 'senior_kam', 'kam', 'sales_support', 'department', 'hr'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export type Access =
  /** anyone, signed in or not */
  | { public: true }
  /** any signed-in user; `enrolment: true` also while a required second factor is not set up yet */
  | { signedIn: true; enrolment?: boolean }
  | { permission: Permission };

/** Someone whose rights the actor holds today, e.g. as the deputy of an absent colleague (B3). */
export interface ActingFor {
  userId: string;
  role: Role;
  until: string;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: Role;
  department: Department | null;
  locale: Locale;
  via: 'session' | 'token' | 'cli';
  /** filled by the absence module (issue B3); empty until then */
  actingFor: ActingFor[];
  totpEnrolmentRequired: boolean;
}

export function can(actor: Actor, permission: Permission): boolean {
  const allowed: readonly Role[] = grants[permission];
  return allowed.includes(actor.role) || actor.actingFor.some((a) => allowed.includes(a.role));
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(grants) as Permission[]).filter((p) => can(actor, p));
}

/** Which users an actor may see: everyone, or the listed ids (the rest answer 404). */
export type UserScope = { all: true } | { all: false; selfAndReportsOf: string[]; alsoIds: string[] };

const seesAllUsers: readonly Role[] = ['admin', 'executive', 'head', 'hr'];

export function userScope(actor: Actor, managerId: string | null): UserScope {
  const people = [{ userId: actor.userId, role: actor.role }, ...actor.actingFor];
  if (people.some((p) => seesAllUsers.includes(p.role))) return { all: true };
  // A senior KAM sees their reporting line; everyone sees themselves and their own manager.
  const lines = people.filter((p) => p.role === 'senior_kam').map((p) => p.userId);
  const selves = people.map((p) => p.userId);
  return { all: false, selfAndReportsOf: lines, alsoIds: [...selves, ...(managerId ? [managerId] : [])] };
}

/** Fields of a user record that only administrators may read, filter or sort by. */
const adminOnlyUserFields = ['lastSignInAt', 'totpEnabled'] as const;

export function readableUserFields(actor: Actor): (field: string) => boolean {
  const isAdmin = actor.role === 'admin';
  return (field) => isAdmin || !(adminOnlyUserFields as readonly string[]).includes(field);
}

export function assertFieldReadable(readable: (field: string) => boolean, field: string): void {
  if (!readable(field)) throw new AppError('FIELD_FORBIDDEN', 403, { field });
}
