import { z } from 'zod';

export const complaintSeverities = ['low', 'normal', 'high', 'critical'] as const;
export const ComplaintSeverity = z.enum(complaintSeverities);
export type ComplaintSeverity = z.infer<typeof ComplaintSeverity>;
