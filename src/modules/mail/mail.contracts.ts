import { z } from 'zod';

export const mailStatuses = ['pending', 'sent', 'failed'] as const;
export const MailStatus = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof MailStatus>;
