import { z } from 'zod';

export const complaintSeverities = ['low', 'normal', 'high', 'critical'] as const;
export const ComplaintSeverity = z.enum(complaintSeverities);
export type ComplaintSeverity = z.infer<typeof ComplaintSeverity>;

/** The complaint's way through the service desk (D1); resolved waits for the client's confirmation (closed). */
export const complaintStatuses = ['new', 'in_progress', 'waiting_client', 'resolved', 'closed'] as const;
export const ComplaintStatus = z.enum(complaintStatuses);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

export const complaintChannels = ['web', 'email', 'api', 'import'] as const;
export const ComplaintChannel = z.enum(complaintChannels);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** SLA targets are in business hours or business days of the company calendar. */
export const slaUnits = ['hours', 'business_days'] as const;
export const SlaUnit = z.enum(slaUnits);
export type SlaUnit = z.infer<typeof SlaUnit>;
