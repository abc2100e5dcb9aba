import { z } from 'zod';
import { Locale } from '../../core/contracts.js';
import { AccountTier, IsoDate, PersonRef } from '../accounts/accounts.contracts.js';
import { Complaint } from './complaint-list.contracts.js';
import { ComplaintSeverity, SlaUnit } from './complaints.contracts.js';

/** The service desk's work on a complaint (D1): intake, replies, pauses, resolution, reopening. */

const text = (max: number) => z.string().trim().max(max);

export const NewComplaint = z.object({
  accountId: z.uuid(),
  severity: ComplaintSeverity.default('normal'),
  subject: text(200).min(1),
  description: text(10_000).optional(),
  category: text(100).optional(),
  contactId: z.uuid().optional(),
  contactEmail: z.email().max(200).optional(),
  contactName: text(200).optional(),
  /** the language of the acknowledgement; default: the company's */
  clientLocale: Locale.optional(),
  productId: z.uuid().optional(),
  orderId: text(100).optional(),
  legalClaim: z.boolean().default(false),
  /** when the client complained, if earlier than now (a phone call written down later) */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});
export type NewComplaint = z.infer<typeof NewComplaint>;

export const ComplaintPatch = z.object({
  severity: ComplaintSeverity.optional(),
  category: text(100).nullable().optional(),
  legalClaim: z.boolean().optional(),
  productId: z.uuid().nullable().optional(),
  orderId: text(100).nullable().optional(),
  handlerId: z.uuid().optional(),
});
export type ComplaintPatch = z.infer<typeof ComplaintPatch>;

/** A reply: the first one stops the response clock; `toClient` also e-mails it to the client. */
export const ComplaintReply = z.object({ message: text(10_000).min(1), toClient: z.boolean().default(false) });
export type ComplaintReply = z.infer<typeof ComplaintReply>;

/** Waiting for the client stops the clocks; back in progress starts them again. */
export const ComplaintWait = z.object({ waiting: z.boolean(), note: text(2000).optional() });
export type ComplaintWait = z.infer<typeof ComplaintWait>;

export const ResolveComplaint = z.object({
  justified: z.boolean(),
  rootCause: text(2000).min(1),
  correctiveAction: text(2000).optional(),
  resolution: text(4000).min(1),
});
export type ResolveComplaint = z.infer<typeof ResolveComplaint>;

export const ReopenComplaint = z.object({ reason: text(2000).min(1) });
export type ReopenComplaint = z.infer<typeof ReopenComplaint>;

export const ComplaintEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  actor: PersonRef.nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export const ComplaintDetail = Complaint.extend({
  description: z.string().nullable(),
  contact: z.object({ id: z.uuid().nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  clientLocale: Locale.nullable(),
  product: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  orderId: z.string().nullable(),
  rootCause: z.string().nullable(),
  correctiveAction: z.string().nullable(),
  resolution: z.string().nullable(),
  clientConfirmedAt: z.string().nullable(),
  reopenCount: z.number().int(),
  /** targets and what has run of them so far, in business minutes */
  responseTargetMinutes: z.number().int().nullable(),
  resolutionTargetMinutes: z.number().int().nullable(),
  responseElapsedMinutes: z.number().int().nullable(),
  resolutionElapsedMinutes: z.number().int().nullable(),
  events: z.array(ComplaintEvent),
  /** the caller may work it (handler, their deputy, their senior, the head) */
  canWork: z.boolean(),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

export const SlaTarget = z.object({
  tier: AccountTier,
  severity: ComplaintSeverity,
  responseAmount: z.number().int().min(1).max(1000),
  responseUnit: SlaUnit,
  resolutionAmount: z.number().int().min(1).max(1000),
  resolutionUnit: SlaUnit,
});
export type SlaTarget = z.infer<typeof SlaTarget>;
export const SlaSettings = z.object({ targets: z.array(SlaTarget), legalClaimDays: z.number().int().min(1).max(365) });
export type SlaSettings = z.infer<typeof SlaSettings>;

export const SlaSummaryQuery = z.object({ from: IsoDate, to: IsoDate }).refine((q) => q.from <= q.to, {
  message: 'from must not be after to',
  path: ['to'],
});
export const SlaSummary = z.object({
  /** complaints received in the period */
  received: z.number().int(),
  /** of those with a response (or a breached response clock): answered in time */
  responseMet: z.number().int(),
  responseBreached: z.number().int(),
  resolutionMet: z.number().int(),
  resolutionBreached: z.number().int(),
  /** met ÷ (met + breached), percent with one decimal; null when none */
  responseCompliancePct: z.number().nullable(),
  resolutionCompliancePct: z.number().nullable(),
  open: z.number().int(),
  breachedOpen: z.number().int(),
  byHandler: z.array(z.object({ handler: PersonRef, received: z.number().int(), breached: z.number().int() })),
  /** causes that came back: the same category at the same account or product two or more times */
  repeatByAccount: z.array(z.object({ account: z.object({ id: z.uuid(), name: z.string() }), cause: z.string(), count: z.number().int() })),
  repeatByProduct: z.array(z.object({ product: z.object({ id: z.uuid(), name: z.string() }), cause: z.string(), count: z.number().int() })),
});
export type SlaSummary = z.infer<typeof SlaSummary>;
