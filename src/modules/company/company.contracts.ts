import { z } from 'zod';
import { Locale } from '../../core/contracts.js';

/** W of kpi.md: an account is active on a day when it ordered in the W days up to that day. */
export const ActivityWindowDays = z.number().int().min(1).max(3660);

export const Company = z.object({
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  defaultLocale: Locale,
  activityWindowDays: ActivityWindowDays,
});
export type Company = z.infer<typeof Company>;

const timeZone = z
  .string()
  .max(64)
  .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', { message: 'unknown time zone' });
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine((c) => Intl.supportedValuesOf('currency').includes(c), { message: 'unknown currency' });

export const CompanyInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  currency,
  timeZone,
  defaultLocale: Locale,
  /** default 90 */
  activityWindowDays: ActivityWindowDays.optional(),
});
export type CompanyInput = z.infer<typeof CompanyInput>;

export const SetupStatus = z.object({ needed: z.boolean(), demo: z.boolean() });
export const SetupRequest = z.strictObject({
  company: CompanyInput,
  admin: z.strictObject({
    email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(10).max(1024),
  }),
});
export type SetupRequest = z.infer<typeof SetupRequest>;
export const DemoInfo = z.object({
  password: z.string(),
  users: z.array(z.object({ email: z.string(), name: z.string(), role: z.string() })),
});
