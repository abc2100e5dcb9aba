import { z } from 'zod';
import { IsoDate, Money, PersonRef } from '../accounts/accounts.contracts.js';

/** The account plan (A4): business goals, needs, solutions, long-term goals, SWOT, opportunities, review. */

export const needStatuses = ['open', 'in_progress', 'met', 'dropped'] as const;
export const NeedStatus = z.enum(needStatuses);
export type NeedStatus = z.infer<typeof NeedStatus>;

export const solutionStatuses = ['proposed', 'agreed', 'delivered'] as const;
export const SolutionStatus = z.enum(solutionStatuses);
export type SolutionStatus = z.infer<typeof SolutionStatus>;

export const swotQuadrants = ['strength', 'weakness', 'opportunity', 'threat'] as const;
export const SwotQuadrant = z.enum(swotQuadrants);
export type SwotQuadrant = z.infer<typeof SwotQuadrant>;

export const opportunityKinds = ['upsell', 'cross_sell', 'new_product', 'renewal'] as const;
export const OpportunityKind = z.enum(opportunityKinds);
export type OpportunityKind = z.infer<typeof OpportunityKind>;

export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export const OpportunityStatus = z.enum(opportunityStatuses);
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

/** The lists of a plan; each has its own item routes under /api/accounts/:id/plan/<section>. */
export const itemSections = ['needs', 'solutions', 'goals', 'swot', 'opportunities'] as const;
export type ItemSection = (typeof itemSections)[number];
/** What a `plan.updated` timeline event names as changed. */
export const planSections = ['businessGoals', 'review', ...itemSections] as const;
export type PlanSection = (typeof planSections)[number];

/**
 * Where the periodic review stands: `unscheduled` (no next review date), `scheduled`, `due_soon`
 * (within REVIEW_DUE_SOON_DAYS), `overdue` (the date has passed without a review).
 */
export const reviewStates = ['unscheduled', 'scheduled', 'due_soon', 'overdue'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** At most this many items in one list of one plan: a plan is read by people. */
export const MAX_SECTION_ITEMS = 200;

const title = z.string().trim().min(1).max(300);
const longText = (max: number) => z.string().trim().max(max).nullable().optional();
/** A whole percentage, 0..100. */
export const Percent = z.number().int().min(0).max(100);
/** A business day within a sensible range (no year 0001 or 9999 by a slip of the keyboard). */
export const PlanDate = IsoDate.refine((d) => d >= '1990-01-01' && d <= '2100-12-31', 'a date between 1990 and 2100');
const version = z.number().int().min(1);

const itemMeta = {
  id: z.uuid(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const Need = z.object({ ...itemMeta, title: z.string(), detail: z.string().nullable(), status: NeedStatus });
export type Need = z.infer<typeof Need>;
const needFields = { title, detail: longText(5000), status: NeedStatus };
export const CreateNeedRequest = z.strictObject({ ...needFields, status: NeedStatus.optional() });
export const UpdateNeedRequest = z.strictObject({ ...needFields, title: title.optional(), status: NeedStatus.optional(), version });

export const Solution = z.object({ ...itemMeta, title: z.string(), description: z.string().nullable(), status: SolutionStatus });
export type Solution = z.infer<typeof Solution>;
const solutionFields = { title, description: longText(5000), status: SolutionStatus };
export const CreateSolutionRequest = z.strictObject({ ...solutionFields, status: SolutionStatus.optional() });
export const UpdateSolutionRequest = z.strictObject({
  ...solutionFields,
  title: title.optional(),
  status: SolutionStatus.optional(),
  version,
});

export const Goal = z.object({
  ...itemMeta,
  title: z.string(),
  description: z.string().nullable(),
  deadline: z.string(),
  progress: z.number().int(),
  /** the deadline has passed and the goal is not reached */
  overdue: z.boolean(),
});
export type Goal = z.infer<typeof Goal>;
const goalFields = { title, description: longText(5000), deadline: PlanDate, progress: Percent };
export const CreateGoalRequest = z.strictObject({ ...goalFields, progress: Percent.optional() });
export const UpdateGoalRequest = z.strictObject({
  ...goalFields,
  title: title.optional(),
  deadline: PlanDate.optional(),
  progress: Percent.optional(),
  version,
});

export const SwotItem = z.object({ ...itemMeta, quadrant: SwotQuadrant, text: z.string() });
export type SwotItem = z.infer<typeof SwotItem>;
const swotText = z.string().trim().min(1).max(1000);
export const CreateSwotRequest = z.strictObject({ quadrant: SwotQuadrant, text: swotText });
export const UpdateSwotRequest = z.strictObject({ quadrant: SwotQuadrant.optional(), text: swotText.optional(), version });

export const Opportunity = z.object({
  ...itemMeta,
  title: z.string(),
  kind: OpportunityKind,
  /** in the account's currency */
  amount: z.string(),
  probability: z.number().int(),
  /** amount × probability, for open opportunities; null once won or lost */
  weighted: z.string().nullable(),
  expectedCloseDate: z.string().nullable(),
  status: OpportunityStatus,
  notes: z.string().nullable(),
});
export type Opportunity = z.infer<typeof Opportunity>;
const opportunityFields = {
  title,
  kind: OpportunityKind,
  amount: Money,
  probability: Percent,
  expectedCloseDate: PlanDate.nullable().optional(),
  status: OpportunityStatus,
  notes: longText(2000),
};
export const CreateOpportunityRequest = z.strictObject({ ...opportunityFields, status: OpportunityStatus.optional() });
export const UpdateOpportunityRequest = z.strictObject({
  ...opportunityFields,
  title: title.optional(),
  kind: OpportunityKind.optional(),
  amount: Money.optional(),
  probability: Percent.optional(),
  status: OpportunityStatus.optional(),
  version,
});

/** Totals of the opportunities, exact decimals in the account currency. */
export const Pipeline = z.object({
  openCount: z.number().int(),
  /** Σ amount of open opportunities */
  openAmount: z.string(),
  /** Σ amount × probability of open opportunities */
  weighted: z.string(),
  wonAmount: z.string(),
  lostAmount: z.string(),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const Plan = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  currency: z.string(),
  /** false until someone starts the plan (or adds the first item) */
  started: z.boolean(),
  /** the version of the plan's head (business goals, review date); 0 before it is started */
  version: z.number().int(),
  businessGoals: z.string().nullable(),
  nextReviewDate: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  lastReviewedBy: PersonRef.nullable(),
  review: z.object({
    state: z.enum(reviewStates),
    /** days until the next review (negative: days overdue); null when unscheduled */
    daysLeft: z.number().int().nullable(),
  }),
  updatedAt: z.string().nullable(),
  updatedBy: PersonRef.nullable(),
  needs: z.array(Need),
  solutions: z.array(Solution),
  goals: z.array(Goal),
  swot: z.array(SwotItem),
  opportunities: z.array(Opportunity),
  pipeline: Pipeline,
  can: z.object({ edit: z.boolean() }),
});
export type Plan = z.infer<typeof Plan>;

/** The plan's head: send the version you read (0 starts a new plan); a newer one answers 409. */
export const UpdatePlanRequest = z.strictObject({
  businessGoals: longText(10_000),
  nextReviewDate: PlanDate.nullable().optional(),
  version: z.number().int().min(0),
});
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

/** "Mark reviewed": the next review defaults to REVIEW_INTERVAL_MONTHS from today. */
export const ReviewPlanRequest = z.strictObject({
  nextReviewDate: PlanDate.optional(),
  note: z.string().trim().min(1).max(1000).optional(),
});
export type ReviewPlanRequest = z.infer<typeof ReviewPlanRequest>;

export const PlanItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export const PlanPdfQuery = z.strictObject({ lang: z.enum(['en', 'ru']).optional() });
