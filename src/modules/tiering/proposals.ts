import { impliedTier, type Thresholds, type Tier, tierChange } from './scoring.js';

/** An account as a re-tiering run sees it. */
export interface RunAccount {
  id: string;
  tier: Tier;
  /** hundredths; null = never scored (no proposal either way) */
  score: number | null;
  archived: boolean;
}

export interface OpenProposal {
  id: string;
  accountId: string;
  fromTier: Tier;
  toTier: Tier;
}

/** The last rejected proposal of an account, so that a run does not ask the same question again. */
export interface RejectedProposal {
  accountId: string;
  fromTier: Tier;
  toTier: Tier;
  score: number;
}

export interface NewProposal {
  accountId: string;
  fromTier: Tier;
  toTier: Tier;
  direction: 'promote' | 'demote';
  score: number;
}

export interface RunPlan {
  create: NewProposal[];
  /** pending proposals that no longer say what the account needs */
  supersede: string[];
  /** pending proposals that still hold */
  kept: number;
}

/**
 * The rules of a re-tiering run (A2): every scored, unarchived account whose tier differs from the
 * tier its score implies gets one pending proposal from its tier to the implied one. A pending
 * proposal that still says exactly that is kept; any other pending proposal is superseded. A change
 * the head rejected is not proposed again until the account's score changes.
 */
export function planRetiering(
  accounts: RunAccount[],
  pending: OpenProposal[],
  rejected: RejectedProposal[],
  thresholds: Thresholds,
): RunPlan {
  const pendingByAccount = new Map(pending.map((p) => [p.accountId, p]));
  const rejectedByAccount = new Map(rejected.map((r) => [r.accountId, r]));
  const plan: RunPlan = { create: [], supersede: [], kept: 0 };
  const seen = new Set<string>();
  for (const a of accounts) {
    seen.add(a.id);
    const implied = a.archived ? null : impliedTier(a.score, thresholds);
    const direction = implied ? tierChange(a.tier, implied) : null;
    const open = pendingByAccount.get(a.id);
    if (open && direction && open.fromTier === a.tier && open.toTier === implied) {
      plan.kept++;
      continue;
    }
    if (open) plan.supersede.push(open.id);
    if (!implied || !direction || a.score === null) continue;
    const no = rejectedByAccount.get(a.id);
    if (no && no.fromTier === a.tier && no.toTier === implied && no.score === a.score) continue;
    plan.create.push({ accountId: a.id, fromTier: a.tier, toTier: implied, direction, score: a.score });
  }
  // pending proposals of accounts the run did not see (deleted meanwhile) are stale too
  for (const p of pending) if (!seen.has(p.accountId)) plan.supersede.push(p.id);
  return plan;
}
