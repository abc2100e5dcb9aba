import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { can } from '../../core/policy/policy.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { users } from '../users/users.schema.js';
import { contributionHundredths, criteria, decimalToHundredths, impliedTier } from './scoring.js';
import { ensureSettings, readSettings, recomputeScores } from './scoring.sql.js';
import type { ProposalRef, Scorecard, UpdateScorecard } from './tiering.contracts.js';
import { accountCriteria, accountScorecards, retierProposals } from './tiering.schema.js';

const scoreOf = (v: string | null) => (v === null ? null : Number(v));

/** The account's score, explained: weights, values, contributions and the tier it implies (A2). */
export async function getScorecard(ctx: Ctx, accountId: string): Promise<Scorecard> {
  const actor = actorOf(ctx);
  const account = await requireAccount(ctx, accountId, 'full');
  const [settings, [card], rows, [pending]] = await Promise.all([
    readSettings(ctx.db),
    ctx.db
      .select({ version: accountScorecards.version, updatedAt: accountScorecards.updatedAt, by: { id: users.id, name: users.name } })
      .from(accountScorecards)
      .leftJoin(users, eq(users.id, accountScorecards.updatedBy))
      .where(eq(accountScorecards.accountId, accountId)),
    ctx.db.select().from(accountCriteria).where(eq(accountCriteria.accountId, accountId)),
    ctx.db
      .select()
      .from(retierProposals)
      .where(and(eq(retierProposals.accountId, accountId), eq(retierProposals.status, 'pending'))),
  ]);
  const byCriterion = new Map(rows.map((r) => [r.criterion, r]));
  const hundredths = account.score === null ? null : decimalToHundredths(account.score);
  const pendingProposal: ProposalRef | null = pending
    ? {
        id: pending.id,
        fromTier: pending.fromTier,
        toTier: pending.toTier,
        direction: pending.direction,
        score: Number(pending.score),
        createdAt: pending.createdAt.toISOString(),
      }
    : null;
  return {
    accountId,
    tier: account.tier,
    score: scoreOf(account.score),
    impliedTier: card ? impliedTier(hundredths, settings.thresholds) : null,
    keyThreshold: settings.thresholds.key,
    potentialThreshold: settings.thresholds.potential,
    criteria: criteria.map((criterion) => {
      const row = byCriterion.get(criterion);
      return {
        criterion,
        weight: settings.weights[criterion],
        value: row?.value ?? null,
        comment: row?.comment ?? null,
        contribution: contributionHundredths(settings.weights, criterion, row?.value ?? 0) / 100,
      };
    }),
    version: card?.version ?? 0,
    updatedAt: card?.updatedAt.toISOString() ?? null,
    updatedBy: card?.by?.id ? card.by : null,
    canEdit: can(actor, 'accounts.write'),
    pendingProposal,
  };
}

/** Sets all seven criteria of an account and recomputes its score in the same transaction. */
export async function updateScorecard(ctx: Ctx, accountId: string, input: UpdateScorecard): Promise<Scorecard> {
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const account = await requireAccount(ctx, accountId, 'write', tx);
    await ensureSettings(tx);
    const before = await tx.select().from(accountCriteria).where(eq(accountCriteria.accountId, accountId));
    if (input.version === 0) {
      const [created] = await tx
        .insert(accountScorecards)
        .values({ accountId, updatedBy: actor.userId })
        .onConflictDoNothing()
        .returning({ v: accountScorecards.version });
      if (!created) throw new AppError('CONFLICT', 409);
    } else {
      const [updated] = await tx
        .update(accountScorecards)
        .set({ version: sql`${accountScorecards.version} + 1`, updatedBy: actor.userId, updatedAt: sql`now()` })
        .where(and(eq(accountScorecards.accountId, accountId), eq(accountScorecards.version, input.version)))
        .returning({ v: accountScorecards.version });
      if (!updated) throw new AppError('CONFLICT', 409);
    }
    const values = criteria.map((criterion) => ({
      accountId,
      criterion,
      value: input.values[criterion].value,
      comment: input.values[criterion].comment || null,
    }));
    await tx.delete(accountCriteria).where(eq(accountCriteria.accountId, accountId));
    await tx.insert(accountCriteria).values(values);
    await recomputeScores(tx, accountId);
    const [after] = (await tx.execute<{ score: string | null }>(sql`SELECT score::text AS score FROM accounts WHERE id = ${accountId}`))
      .rows;
    const from = scoreOf(account.score);
    const to = scoreOf(after?.score ?? null);
    if (from !== to) {
      const changed = criteria.filter((c) => before.find((b) => b.criterion === c)?.value !== input.values[c].value);
      await recordAccountEvent(tx, { accountId, kind: 'score.changed', actorId: actor.userId, data: { from, to, criteria: changed } });
    }
    await recordAudit(
      ctx,
      {
        action: 'account.score',
        entity: 'account',
        entityId: accountId,
        before: { score: from, criteria: before.map(({ criterion, value, comment }) => ({ criterion, value, comment })) },
        after: { score: to, criteria: values.map(({ criterion, value, comment }) => ({ criterion, value, comment })) },
      },
      tx,
    );
  });
  return getScorecard(ctx, accountId);
}
