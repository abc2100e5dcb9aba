import { z } from 'zod';
import { Page } from '../../core/contracts.js';
import { AccountTier, PersonRef } from '../accounts/accounts.contracts.js';
import { CRITERION_MAX, criteria, WEIGHT_MAX } from './scoring.js';

export const Criterion = z.enum(criteria);

const weight = z.number().int().min(0).max(WEIGHT_MAX);
/** One weight per criterion, all required. */
export const Weights = z.strictObject(
  Object.fromEntries(criteria.map((c) => [c, weight])) as Record<(typeof criteria)[number], typeof weight>,
);
export type WeightsT = z.infer<typeof Weights>;

const threshold = z.number().int().min(0).max(100);

export const ScoringSettings = z.object({
  weights: Weights,
  keyThreshold: z.number().int(),
  potentialThreshold: z.number().int(),
  /** 0 until someone saves the settings (the defaults apply) */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: PersonRef.nullable(),
});
export type ScoringSettings = z.infer<typeof ScoringSettings>;

export const UpdateScoringSettings = z.strictObject({
  weights: Weights,
  keyThreshold: threshold,
  potentialThreshold: threshold,
  /** the version read; another one answers 409 CONFLICT */
  version: z.number().int().min(0),
});
export type UpdateScoringSettings = z.infer<typeof UpdateScoringSettings>;

export const ScoringPreviewRequest = UpdateScoringSettings.omit({ version: true });
export type ScoringPreviewRequest = z.infer<typeof ScoringPreviewRequest>;

const tierCounts = z.object({ key: z.number().int(), potential: z.number().int(), regular: z.number().int() });
/** How the reader's visible, unarchived accounts would land with the given weights and thresholds. */
export const ScoringPreview = z.object({
  /** scored accounts by the tier their score would imply */
  implied: tierCounts,
  /** accounts by the tier they have now */
  current: tierCounts,
  /** accounts never assessed (they keep their tier) */
  unscored: z.number().int(),
  promote: z.number().int(),
  demote: z.number().int(),
});
export type ScoringPreview = z.infer<typeof ScoringPreview>;

export const CriterionInput = z.strictObject({
  value: z.number().int().min(0).max(CRITERION_MAX),
  comment: z.string().trim().max(1000).nullable().optional(),
});
export const UpdateScorecard = z.strictObject({
  values: z.strictObject(
    Object.fromEntries(criteria.map((c) => [c, CriterionInput])) as Record<(typeof criteria)[number], typeof CriterionInput>,
  ),
  /** the scorecard version read (0 when never assessed) */
  version: z.number().int().min(0),
});
export type UpdateScorecard = z.infer<typeof UpdateScorecard>;

export const ProposalStatus = z.enum(['pending', 'approved', 'rejected', 'superseded']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;
export const Direction = z.enum(['promote', 'demote']);

export const ProposalRef = z.object({
  id: z.uuid(),
  fromTier: AccountTier,
  toTier: AccountTier,
  direction: Direction,
  score: z.number(),
  createdAt: z.string(),
});
export type ProposalRef = z.infer<typeof ProposalRef>;

export const Scorecard = z.object({
  accountId: z.uuid(),
  tier: AccountTier,
  score: z.number().nullable(),
  /** the tier the score implies under today's thresholds; null when not assessed */
  impliedTier: AccountTier.nullable(),
  keyThreshold: z.number().int(),
  potentialThreshold: z.number().int(),
  criteria: z.array(
    z.object({
      criterion: Criterion,
      weight: z.number().int(),
      value: z.number().int().nullable(),
      comment: z.string().nullable(),
      /** points this criterion adds to the score */
      contribution: z.number(),
    }),
  ),
  /** 0 when never assessed */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: PersonRef.nullable(),
  canEdit: z.boolean(),
  pendingProposal: ProposalRef.nullable(),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const RetierRun = z.object({
  id: z.uuid(),
  kind: z.enum(['manual', 'monthly']),
  period: z.string().nullable(),
  startedAt: z.string(),
  startedBy: PersonRef.nullable(),
  created: z.number().int(),
  superseded: z.number().int(),
  kept: z.number().int(),
});
export type RetierRun = z.infer<typeof RetierRun>;

export const Proposal = ProposalRef.extend({
  account: z.object({ id: z.uuid(), name: z.string(), tier: AccountTier, score: z.number().nullable(), owner: PersonRef.nullable() }),
  status: ProposalStatus,
  run: z.object({ id: z.uuid(), kind: z.enum(['manual', 'monthly']) }),
  decidedBy: PersonRef.nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const proposalSortFields = ['createdAt', 'account', 'score'] as const;
export const ProposalListQuery = Page.extend({
  status: z.enum(['pending', 'approved', 'rejected', 'superseded', 'all']).default('pending'),
  direction: Direction.optional(),
  toTier: AccountTier.optional(),
  /** account name */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(proposalSortFields).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;
export const ProposalList = z.object({ items: z.array(Proposal), total: z.number().int() });

export const DecisionRequest = z.strictObject({ note: z.string().trim().max(1000).nullable().optional() });
export const DecisionResult = z.object({
  proposal: Proposal,
  /** set when a promotion to key was approved: the account should now go to a KAM (A2 hand-over) */
  handover: z.object({ accountId: z.uuid(), owner: PersonRef.nullable() }).nullable(),
});
export type DecisionResult = z.infer<typeof DecisionResult>;

export const BulkApproveRequest = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });
export const BulkApproveResult = z.object({ approved: z.number().int(), skipped: z.number().int() });

export const RetieringSummary = z.object({
  pending: z.number().int(),
  promotions: z.number().int(),
  demotions: z.number().int(),
  lastRun: RetierRun.nullable(),
});
export type RetieringSummary = z.infer<typeof RetieringSummary>;
export const RunList = z.object({ items: z.array(RetierRun) });
