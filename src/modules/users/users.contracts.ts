import { z } from 'zod';
import { Department, Locale, Page, Role } from '../../core/contracts.js';

export const UserRef = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

/** A user as a reader may see them; admin-only fields are absent for others. */
export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  department: Department.nullable(),
  locale: Locale,
  manager: UserRef.nullable(),
  disabled: z.boolean(),
  totpEnabled: z.boolean().optional(),
  lastSignInAt: z.string().nullable().optional(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  department: Department.nullable(),
  locale: Locale,
  manager: UserRef.nullable(),
  totpEnabled: z.boolean(),
  /** true while a user whose role requires two-factor has not enrolled: only enrolment is allowed */
  totpEnrolmentRequired: z.boolean(),
  csrfToken: z.string().nullable(),
  company: z.object({ name: z.string(), currency: z.string(), timeZone: z.string() }),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const UpdateProfileRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
});

export const userSortFields = ['name', 'email', 'role', 'createdAt', 'lastSignInAt'] as const;
export const UserListQuery = Page.extend({
  q: z.string().trim().max(200).optional(),
  role: Role.optional(),
  department: Department.optional(),
  managerId: z.uuid().optional(),
  disabled: z.enum(['true', 'false']).optional(),
  sort: z.enum(userSortFields).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
export const UserList = z.object({ items: z.array(User), total: z.number().int() });

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320));

export const CreateUserRequest = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  role: Role,
  department: Department.nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  locale: Locale.optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
/** A created user has no password yet: the invitation link lets them set one. */
export const CreatedUser = z.object({ user: User, invitationUrl: z.string() });

export const UpdateUserRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  department: Department.nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  locale: Locale.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
export const InvitationLink = z.object({ invitationUrl: z.string() });
