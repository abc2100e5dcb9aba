import { z } from 'zod';
import { AccountTier, IsoDate, PersonRef } from '../accounts/accounts.contracts.js';
import { ChecklistKind, InteractionOrigin, InteractionStatus, InteractionType } from '../interactions/interactions.contracts.js';

/** The weekly visit and call plan (C2): cadences, what is due, suggestions, adherence and coverage. */

export const Cadence = z.object({
  tier: AccountTier,
  visitEveryDays: z.number().int().min(1).max(365).nullable(),
  callEveryDays: z.number().int().min(1).max(365).nullable(),
});
export type Cadence = z.infer<typeof Cadence>;
export const Cadences = z.object({ items: z.array(Cadence) });
export type Cadences = z.infer<typeof Cadences>;

export const ChecklistTemplate = z.object({
  kind: ChecklistKind,
  items: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  /** false: the built-in list in the reader's language */
  custom: z.boolean(),
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;
export const ChecklistTemplates = z.object({ items: z.array(ChecklistTemplate) });
export const ChecklistTemplateUpdate = z.object({ items: z.array(z.string().trim().min(1).max(200)).min(1).max(30) });
export const ChecklistKindParams = z.object({ kind: ChecklistKind });

const AccountBrief = z.object({ id: z.uuid(), name: z.string(), tier: AccountTier });

/** Whose plan: the caller by default; a senior their line; the head anyone. */
export const PlanOwnerQuery = z.object({ userId: z.uuid().optional() });

export const WeekQuery = PlanOwnerQuery.extend({ from: IsoDate, to: IsoDate }).refine((q) => q.from <= q.to, {
  message: 'from must not be after to',
  path: ['to'],
});
export type WeekQuery = z.infer<typeof WeekQuery>;

export const PlanItem = z.object({
  id: z.uuid(),
  account: AccountBrief,
  type: InteractionType,
  status: InteractionStatus,
  origin: InteractionOrigin,
  occurredAt: z.string(),
  durationMinutes: z.number().int(),
  allDay: z.boolean(),
  subject: z.string().nullable(),
  plannedFor: z.string().nullable(),
  /** planned and moved at least once */
  moved: z.boolean(),
  checklistKind: ChecklistKind.nullable(),
});
export type PlanItem = z.infer<typeof PlanItem>;
export const Week = z.object({ user: PersonRef, items: z.array(PlanItem), canPlan: z.boolean() });
export type Week = z.infer<typeof Week>;

/** Why an account is due for contact. */
export const DueReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visit_due'), everyDays: z.number().int(), daysSince: z.number().int().nullable() }),
  z.object({ kind: z.literal('call_due'), everyDays: z.number().int(), daysSince: z.number().int().nullable() }),
  z.object({ kind: z.literal('decision_maker_not_met'), contactId: z.uuid(), name: z.string(), daysSince: z.number().int().nullable() }),
  z.object({ kind: z.literal('open_complaints'), count: z.number().int() }),
  z.object({ kind: z.literal('overdue_debt'), amount: z.string(), currency: z.string() }),
  z.object({ kind: z.literal('renewal'), title: z.string(), date: IsoDate }),
]);
export type DueReason = z.infer<typeof DueReason>;

export const DueAccount = z.object({
  account: AccountBrief,
  reasons: z.array(DueReason),
  /** higher: more urgent */
  score: z.number(),
  lastVisitAt: z.string().nullable(),
  lastCallAt: z.string().nullable(),
  nextPlannedAt: z.string().nullable(),
});
export type DueAccount = z.infer<typeof DueAccount>;
export const DueList = z.object({ items: z.array(DueAccount) });
export type DueList = z.infer<typeof DueList>;

export const SuggestRequest = PlanOwnerQuery.extend({ weekStart: IsoDate });
export type SuggestRequest = z.infer<typeof SuggestRequest>;
export const Suggestion = z.object({
  account: AccountBrief,
  type: z.enum(['visit', 'call']),
  occurredAt: z.string(),
  durationMinutes: z.number().int(),
  reasons: z.array(DueReason),
});
export type Suggestion = z.infer<typeof Suggestion>;
export const Suggestions = z.object({ items: z.array(Suggestion) });
export type Suggestions = z.infer<typeof Suggestions>;

/** Accepting (some of) the suggestions adds them to the plan in one go. */
export const AcceptPlan = z.object({
  /** whose plan: the caller, or the colleague they cover (B3) */
  userId: z.uuid().optional(),
  items: z
    .array(
      z.object({
        accountId: z.uuid(),
        type: InteractionType,
        occurredAt: z.iso.datetime({ offset: true }),
        durationMinutes: z.number().int().min(5).max(1440).optional(),
        subject: z.string().trim().max(200).optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type AcceptPlan = z.infer<typeof AcceptPlan>;
export const Accepted = z.object({ ids: z.array(z.uuid()) });

export const PeriodQuery = z.object({ from: IsoDate, to: IsoDate }).refine((q) => q.from <= q.to, {
  message: 'from must not be after to',
  path: ['to'],
});
export const AdherenceRow = z.object({
  user: PersonRef,
  /** items first planned for a day in the period */
  planned: z.number().int(),
  done: z.number().int(),
  moved: z.number().int(),
  cancelled: z.number().int(),
  /** planned, its time passed, neither done nor cancelled */
  missed: z.number().int(),
  upcoming: z.number().int(),
  /** done interactions of the period logged without a plan */
  offPlan: z.number().int(),
  /** done ÷ (planned − upcoming), in percent with one decimal; null when nothing was due */
  adherencePct: z.number().nullable(),
});
export type AdherenceRow = z.infer<typeof AdherenceRow>;
export const Adherence = z.object({ rows: z.array(AdherenceRow) });
export type Adherence = z.infer<typeof Adherence>;

export const CoverageQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
  tier: AccountTier.default('key'),
  userId: z.uuid().optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;
export const CoverageRow = z.object({
  account: AccountBrief,
  owner: PersonRef.nullable(),
  lastContactAt: z.string().nullable(),
  /** whole days since the last done interaction; null: never */
  daysSince: z.number().int().nullable(),
  nextPlannedAt: z.string().nullable(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;
export const Coverage = z.object({ rows: z.array(CoverageRow), accountsInTier: z.number().int() });
export type Coverage = z.infer<typeof Coverage>;
