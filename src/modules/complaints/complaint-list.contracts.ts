import { z } from 'zod';
import { Page } from '../../core/contracts.js';
import { IsoDate, PersonRef } from '../accounts/accounts.contracts.js';
import { ComplaintChannel, ComplaintSeverity, ComplaintStatus } from './complaints.contracts.js';

/** Reading client complaints (D1): lists with filters and one complaint. */

export const Complaint = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  /** the account and its owner today, who handles its complaints */
  account: z.object({ id: z.uuid(), name: z.string(), owner: PersonRef.nullable() }),
  receivedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  severity: ComplaintSeverity,
  justified: z.boolean().nullable(),
  category: z.string().nullable(),
  /** hours from receipt to the first response, 2 decimals; null without one */
  firstResponseHours: z.number().nullable(),
  /** hours from receipt to resolution, 2 decimals; null while open */
  resolutionHours: z.number().nullable(),
  /** the number the client quotes */
  reference: z.string(),
  status: ComplaintStatus,
  channel: ComplaintChannel,
  subject: z.string().nullable(),
  handler: PersonRef.nullable(),
  /** the clocks: deadlines (null while paused or once met), when the clock stopped, breaches */
  responseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  pausedSince: z.string().nullable(),
  responseBreachedAt: z.string().nullable(),
  resolutionBreachedAt: z.string().nullable(),
  legalClaim: z.boolean(),
  legalDueAt: z.string().nullable(),
  legalBreachedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Complaint = z.infer<typeof Complaint>;

export const ComplaintListQuery = Page.extend({
  accountId: z.uuid().optional(),
  severity: ComplaintSeverity.optional(),
  state: z.enum(['open', 'resolved']).optional(),
  status: ComplaintStatus.optional(),
  /** with a breached clock (response, resolution or legal) */
  breached: z.enum(['true']).optional(),
  /** handled by me (or the colleague I cover) */
  mine: z.enum(['true']).optional(),
  /** unknown: not decided yet */
  justified: z.enum(['true', 'false', 'unknown']).optional(),
  /** received on these calendar days of the company time zone, inclusive */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** part of the reference, subject or category */
  q: z.string().trim().max(200).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

export const ComplaintList = z.object({
  items: z.array(Complaint),
  total: z.number().int(),
  /** of the complaints matching every filter but `state`: how many are open */
  open: z.number().int(),
});
export type ComplaintList = z.infer<typeof ComplaintList>;
