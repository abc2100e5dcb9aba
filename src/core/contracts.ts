import { z } from 'zod';

export const roles = ['admin', 'executive', 'head', 'senior_kam', 'kam', 'sales_support', 'department', 'hr'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const departments = ['marketing', 'customer_service', 'design', 'advertising', 'sales', 'logistics', 'finance'] as const;
export const Department = z.enum(departments);
export type Department = z.infer<typeof Department>;

export const locales = ['en', 'ru'] as const;
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

/** Roles that must use two-factor sign-in (design.md: admin, head and HR). */
export const rolesRequiringTotp: readonly Role[] = ['admin', 'head', 'hr'];

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Uuid = z.uuid();
export const IdParams = z.strictObject({ id: z.uuid() });

export const Page = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const Ok = z.object({ ok: z.literal(true) });
