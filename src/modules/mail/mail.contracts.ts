import { z } from 'zod';

export const mailStatuses = ['pending', 'sent', 'failed'] as const;
export const MailStatus = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof MailStatus>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
const optionalEmail = z
  .union([z.literal(''), z.email().max(320)])
  .nullable()
  .transform((v) => (v ? v.toLowerCase() : null));

/** Outgoing SMTP and the complaints mailbox as the admin sees them; the password is never returned. */
export const MailSettings = z.object({
  enabled: z.boolean(),
  smtpHost: z.string().nullable(),
  smtpPort: z.number().int().nullable(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  /** whether a password is stored (it is write-only) */
  smtpPasswordSet: z.boolean(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  complaintsAddress: z.string().nullable(),
  /** Grove's own SMTP endpoint for the complaints mailbox (GROVE_SMTP_PORT); null when it is off */
  inbound: z.object({ port: z.number().int(), host: z.string() }).nullable(),
});
export type MailSettings = z.infer<typeof MailSettings>;

export const MailSettingsInput = z.strictObject({
  enabled: z.boolean(),
  /** a host name or an IP address */
  smtpHost: z
    .string()
    .trim()
    .max(253)
    .regex(/^[A-Za-z0-9._:[\]-]*$/)
    .nullable()
    .transform((v) => (v ? v : null)),
  smtpPort: z.number().int().min(1).max(65535).nullable(),
  smtpSecure: z.boolean(),
  smtpUser: optionalText(320),
  /** omitted: keep the stored one; null or empty: remove it */
  smtpPassword: z.string().max(1000).nullable().optional(),
  fromAddress: optionalEmail,
  fromName: optionalText(200),
  complaintsAddress: optionalEmail,
});
export type MailSettingsInput = z.infer<typeof MailSettingsInput>;

export const MailTestRequest = z.strictObject({ to: z.email().max(320) });
export type MailTestRequest = z.infer<typeof MailTestRequest>;
