import { and, asc, count, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { containsPattern, type Executor } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import { accounts } from '../accounts/accounts.schema.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { users } from '../users/users.schema.js';
import { type RunRow, runNow } from './retiering.run.js';
import type { DecisionResult, Proposal, ProposalListQuery, RetieringSummary, RetierRun } from './tiering.contracts.js';
import { retierProposals, retierRuns } from './tiering.schema.js';

const owner = alias(users, 'owner');
const decider = alias(users, 'decider');
const starter = alias(users, 'starter');

const proposalColumns = {
  p: retierProposals,
  account: { id: accounts.id, name: accounts.name, tier: accounts.tier, score: accounts.score },
  owner: { id: owner.id, name: owner.name },
  decider: { id: decider.id, name: decider.name },
  runKind: retierRuns.kind,
};

type ProposalRow = {
  p: typeof retierProposals.$inferSelect;
  account: { id: string; name: string; tier: 'key' | 'potential' | 'regular'; score: string | null };
  owner: { id: string; name: string } | null;
  decider: { id: string; name: string } | null;
  runKind: 'manual' | 'monthly';
};

function toProposal(r: ProposalRow): Proposal {
  return {
    id: r.p.id,
    fromTier: r.p.fromTier,
    toTier: r.p.toTier,
    direction: r.p.direction,
    score: Number(r.p.score),
    createdAt: r.p.createdAt.toISOString(),
    account: {
      id: r.account.id,
      name: r.account.name,
      tier: r.account.tier,
      score: r.account.score === null ? null : Number(r.account.score),
      owner: r.owner?.id ? r.owner : null,
    },
    status: r.p.status,
    run: { id: r.p.runId, kind: r.runKind },
    decidedBy: r.decider?.id ? r.decider : null,
    decidedAt: r.p.decidedAt?.toISOString() ?? null,
    note: r.p.note,
  };
}

function proposalsQuery(ex: Executor) {
  return ex
    .select(proposalColumns)
    .from(retierProposals)
    .innerJoin(accounts, eq(accounts.id, retierProposals.accountId))
    .innerJoin(retierRuns, eq(retierRuns.id, retierProposals.runId))
    .leftJoin(owner, eq(owner.id, accounts.ownerId))
    .leftJoin(decider, eq(decider.id, retierProposals.decidedBy));
}

const sorts = {
  createdAt: retierProposals.createdAt,
  account: sql`lower(${accounts.name})`,
  score: retierProposals.score,
};

export async function listProposals(ctx: Ctx, q: ProposalListQuery): Promise<{ items: Proposal[]; total: number }> {
  assertCan(actorOf(ctx), 'accounts.retier');
  const where: (SQL | undefined)[] = [await visibleAccountsSql(ctx)];
  if (q.status !== 'all') where.push(eq(retierProposals.status, q.status));
  if (q.direction) where.push(eq(retierProposals.direction, q.direction));
  if (q.toTier) where.push(eq(retierProposals.toTier, q.toTier));
  if (q.q) where.push(ilike(accounts.name, containsPattern(q.q)));
  const cond = and(...where);
  const dir = q.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    proposalsQuery(ctx.db).where(cond).orderBy(dir(sorts[q.sort]), dir(retierProposals.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(retierProposals).innerJoin(accounts, eq(accounts.id, retierProposals.accountId)).where(cond),
  ]);
  return { items: rows.map(toProposal), total: total?.n ?? 0 };
}

async function proposalById(ctx: Ctx, id: string, ex: Executor = ctx.db): Promise<Proposal> {
  const [row] = await proposalsQuery(ex)
    .where(and(eq(retierProposals.id, id), await visibleAccountsSql(ctx)))
    .limit(1);
  if (!row) throw notFound();
  return toProposal(row);
}

type Outcome = 'approved' | 'stale' | 'decided';

/**
 * Applies one pending proposal inside the caller's transaction: the account gets the proposed tier
 * (timeline tier.changed with reason 'retiering', audit). A proposal whose account changed tier
 * meanwhile is superseded instead.
 */
async function approveIn(ctx: Ctx, tx: Executor, id: string, note: string | null): Promise<Outcome> {
  const actor = actorOf(ctx);
  const [p] = await tx.select().from(retierProposals).where(eq(retierProposals.id, id)).for('update');
  if (!p) throw notFound();
  if (p.status !== 'pending') return 'decided';
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, p.accountId)).for('update');
  if (!account || account.tier !== p.fromTier || account.archivedAt) {
    await tx.update(retierProposals).set({ status: 'superseded', decidedAt: sql`now()` }).where(eq(retierProposals.id, id));
    return 'stale';
  }
  const [after] = await tx
    .update(accounts)
    .set({ tier: p.toTier, version: sql`${accounts.version} + 1`, updatedAt: sql`now()` })
    .where(eq(accounts.id, p.accountId))
    .returning();
  await tx
    .update(retierProposals)
    .set({ status: 'approved', decidedBy: actor.userId, decidedAt: sql`now()`, note })
    .where(eq(retierProposals.id, id));
  await recordAccountEvent(tx, {
    accountId: p.accountId,
    kind: 'tier.changed',
    actorId: actor.userId,
    data: { from: p.fromTier, to: p.toTier, reason: 'retiering', score: Number(p.score), note },
  });
  await recordAudit(
    ctx,
    { action: 'account.retier', entity: 'account', entityId: p.accountId, before: account, after: { ...after, proposalId: id, note } },
    tx,
  );
  return 'approved';
}

export async function approveProposal(ctx: Ctx, id: string, note: string | null = null): Promise<DecisionResult> {
  assertCan(actorOf(ctx), 'accounts.retier');
  await proposalById(ctx, id);
  const outcome = await ctx.db.transaction((tx) => approveIn(ctx, tx, id, note));
  if (outcome === 'decided') throw new AppError('PROPOSAL_DECIDED', 409);
  if (outcome === 'stale') throw new AppError('PROPOSAL_STALE', 409);
  const proposal = await proposalById(ctx, id);
  const handover = proposal.toTier === 'key' ? { accountId: proposal.account.id, owner: proposal.account.owner } : null;
  return { proposal, handover };
}

export async function rejectProposal(ctx: Ctx, id: string, note: string | null = null): Promise<DecisionResult> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.retier');
  await proposalById(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(retierProposals).where(eq(retierProposals.id, id)).for('update');
    if (!p) throw notFound();
    if (p.status !== 'pending') throw new AppError('PROPOSAL_DECIDED', 409);
    await tx
      .update(retierProposals)
      .set({ status: 'rejected', decidedBy: actor.userId, decidedAt: sql`now()`, note })
      .where(eq(retierProposals.id, id));
    await recordAudit(
      ctx,
      { action: 'retier.reject', entity: 'retier_proposal', entityId: id, before: p, after: { status: 'rejected', note } },
      tx,
    );
  });
  return { proposal: await proposalById(ctx, id), handover: null };
}

/** Approves the pending demotions among `ids` in one transaction; anything else is skipped. */
export async function approveDemotions(ctx: Ctx, ids: string[]): Promise<{ approved: number; skipped: number }> {
  assertCan(actorOf(ctx), 'accounts.retier');
  const visible = await visibleAccountsSql(ctx);
  const unique = [...new Set(ids)];
  const eligible = await ctx.db
    .select({ id: retierProposals.id })
    .from(retierProposals)
    .innerJoin(accounts, eq(accounts.id, retierProposals.accountId))
    .where(
      and(inArray(retierProposals.id, unique), eq(retierProposals.status, 'pending'), eq(retierProposals.direction, 'demote'), visible),
    )
    .orderBy(retierProposals.id);
  let approved = 0;
  await ctx.db.transaction(async (tx) => {
    for (const { id } of eligible) if ((await approveIn(ctx, tx, id, null)) === 'approved') approved++;
  });
  return { approved, skipped: unique.length - approved };
}

async function toRun(ex: Executor, run: RunRow): Promise<RetierRun> {
  const [by] = run.startedBy ? await ex.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, run.startedBy)) : [];
  return {
    id: run.id,
    kind: run.kind,
    period: run.period,
    startedAt: run.startedAt.toISOString(),
    startedBy: by ?? null,
    created: run.created,
    superseded: run.superseded,
    kept: run.kept,
  };
}

export async function startRun(ctx: Ctx): Promise<RetierRun> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.retier');
  return toRun(ctx.db, await runNow(ctx, actor.userId));
}

export async function listRuns(ctx: Ctx, limit = 10): Promise<RetierRun[]> {
  assertCan(actorOf(ctx), 'accounts.retier');
  const rows = await ctx.db
    .select({ r: retierRuns, by: { id: starter.id, name: starter.name } })
    .from(retierRuns)
    .leftJoin(starter, eq(starter.id, retierRuns.startedBy))
    .orderBy(desc(retierRuns.startedAt), desc(retierRuns.id))
    .limit(limit);
  return rows.map(({ r, by }) => ({
    id: r.id,
    kind: r.kind,
    period: r.period,
    startedAt: r.startedAt.toISOString(),
    startedBy: by?.id ? by : null,
    created: r.created,
    superseded: r.superseded,
    kept: r.kept,
  }));
}

/** For the head's home page: what waits for a decision. */
export async function retieringSummary(ctx: Ctx): Promise<RetieringSummary> {
  assertCan(actorOf(ctx), 'accounts.retier');
  const visible = await visibleAccountsSql(ctx);
  const [[counts], [lastRun]] = await Promise.all([
    ctx.db
      .select({
        promotions: sql<number>`count(*) FILTER (WHERE ${retierProposals.direction} = 'promote')::int`,
        demotions: sql<number>`count(*) FILTER (WHERE ${retierProposals.direction} = 'demote')::int`,
      })
      .from(retierProposals)
      .innerJoin(accounts, eq(accounts.id, retierProposals.accountId))
      .where(and(eq(retierProposals.status, 'pending'), visible)),
    listRuns(ctx, 1),
  ]);
  const promotions = counts?.promotions ?? 0;
  const demotions = counts?.demotions ?? 0;
  return { pending: promotions + demotions, promotions, demotions, lastRun: lastRun ?? null };
}
