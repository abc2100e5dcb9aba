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
  /** accounts the actor's account scope covers (accountScope below) */
  'accounts.read': ['admin', 'executive', 'head', 'senior_kam', 'kam', 'sales_support', 'department'],
  'accounts.write': ['admin', 'head', 'senior_kam', 'kam'],
  'accounts.export': ['admin', 'executive', 'head', 'senior_kam', 'kam'],
  /** hand accounts over to a new owner and change account teams of any account */
  'accounts.assign': ['admin', 'head'],
  /** change tiers, approve re-tiering, set the scoring weights */
  'accounts.retier': ['admin', 'head'],
  'imports.run': ['admin', 'head'],
  /** the competitor catalogue and the threats list (A6); presence at an account follows the account's access */
  'competitors.read': ['admin', 'executive', 'head', 'senior_kam', 'kam'],
  'competitors.write': ['admin', 'head', 'senior_kam', 'kam'],
  /** interactions and complaints of the accounts the actor's scope covers, in full */
  'interactions.read': ['admin', 'executive', 'head', 'senior_kam', 'kam'],
  /** log and plan one's own interactions (C1, C2) */
  'interactions.write': ['head', 'senior_kam', 'kam'],
  /** the weekly plan, adherence and coverage: one's own, a senior's line, the head everyone (C2) */
  'plan.read': ['admin', 'executive', 'head', 'senior_kam', 'kam'],
  /** contact cadences per tier and the checklists of trainings and merchandising checks */
  'plan.configure': ['admin', 'head'],
  'complaints.read': ['admin', 'executive', 'head', 'senior_kam', 'kam'],
  /** take complaints in and work them: the handler, their senior, the head (D1) */
  'complaints.write': ['admin', 'head', 'senior_kam', 'kam'],
  /** SLA targets per tier and severity, the legal claim period */
  'sla.configure': ['admin', 'head'],
  /** KPI figures (kpi.md) of the managers kpiScope covers; HR sees the figures, never the rows behind them */
  'kpi.read': ['admin', 'executive', 'head', 'senior_kam', 'kam', 'hr'],
  /** the orders, invoices, interactions and complaints behind a KPI figure (F3 drill-down) */
  'kpi.drill': ['admin', 'executive', 'head', 'senior_kam', 'kam'],
  /** the department's and the managers' monthly plans (F1) */
  'targets.read': ['admin', 'executive', 'head', 'senior_kam', 'kam', 'hr'],
  'targets.write': ['admin', 'head'],
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

/** The users whose own records the actor handles: themselves and, inside an absence window, whom they cover. */
export function selvesOf(actor: Actor): string[] {
  return [actor.userId, ...actor.actingFor.map((p) => p.userId)];
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

/** Roles that see every account; the others see the accounts their scope names. */
const seesAllAccounts: readonly Role[] = ['admin', 'executive', 'head'];
/** Roles that see an account's relationship and plan details, not just its basic data. */
const fullAccountRoles: readonly Role[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];

/**
 * Which accounts an actor may see (design.md): every account, or those owned by `ownerIds`, owned by
 * anyone in the reporting line below `lineOf`, or with one of `teamUserIds` on the account team.
 * A deputy holds the scope of the colleague they cover.
 */
export type AccountScope = { all: true } | { all: false; ownerIds: string[]; lineOf: string[]; teamUserIds: string[] };

export function accountScope(actor: Actor): AccountScope {
  const people = [{ userId: actor.userId, role: actor.role }, ...actor.actingFor];
  if (people.some((p) => seesAllAccounts.includes(p.role))) return { all: true };
  const reading = people.filter((p) => (grants['accounts.read'] as readonly Role[]).includes(p.role));
  return {
    all: false,
    ownerIds: reading.filter((p) => fullAccountRoles.includes(p.role)).map((p) => p.userId),
    lineOf: reading.filter((p) => p.role === 'senior_kam').map((p) => p.userId),
    teamUserIds: reading.map((p) => p.userId),
  };
}

/** Sales support and departments see the basic data of the accounts they serve. */
export function accountAccessLevel(actor: Actor): 'full' | 'basic' {
  const people = [actor.role, ...actor.actingFor.map((a) => a.role)];
  return people.some((r) => fullAccountRoles.includes(r)) ? 'full' : 'basic';
}

/** Whose KPI figures an actor may see: everyone's, or their own and their reporting line's (F2). */
export type KpiScope = { all: true } | { all: false; selfIds: string[]; lineOf: string[] };

const seesAllKpis: readonly Role[] = ['admin', 'executive', 'head', 'hr'];

export function kpiScope(actor: Actor): KpiScope {
  const people = [{ userId: actor.userId, role: actor.role }, ...actor.actingFor];
  if (people.some((p) => seesAllKpis.includes(p.role))) return { all: true };
  return {
    all: false,
    selfIds: people.map((p) => p.userId),
    lineOf: people.filter((p) => p.role === 'senior_kam').map((p) => p.userId),
  };
}
