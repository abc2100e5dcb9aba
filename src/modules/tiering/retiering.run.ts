import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { companyToday } from '../accounts/ownership.js';
import { accounts } from '../accounts/accounts.schema.js';
import { planRetiering } from './proposals.js';
import { decimalToHundredths, hundredthsToDecimal } from './scoring.js';
import { ensureSettings, readSettings } from './scoring.sql.js';
import { retierProposals, retierRuns } from './tiering.schema.js';

export type RunRow = typeof retierRuns.$inferSelect;

/** Re-tiering runs take turns: two at once would race for the one pending proposal per account. */
const RUN_LOCK = sql`pg_advisory_xact_lock(hashtext('grove.retiering'))`;

/** Creates the run's proposals (A2): compares every account's tier with the tier its score implies. */
async function fillRun(tx: Executor, runId: string): Promise<{ created: number; superseded: number; kept: number }> {
  await ensureSettings(tx);
  const { thresholds } = await readSettings(tx);
  const scored = await tx
    .select({ id: accounts.id, tier: accounts.tier, score: accounts.score })
    .from(accounts)
    .where(sql`${accounts.score} IS NOT NULL AND ${accounts.archivedAt} IS NULL`);
  const pending = await tx.select().from(retierProposals).where(eq(retierProposals.status, 'pending'));
  // the latest decision per account: a rejection counts only until something is approved
  const decided = await tx
    .selectDistinctOn([retierProposals.accountId])
    .from(retierProposals)
    .where(inArray(retierProposals.status, ['approved', 'rejected']))
    .orderBy(retierProposals.accountId, desc(retierProposals.decidedAt));
  const plan = planRetiering(
    scored.map((a) => ({ id: a.id, tier: a.tier, score: a.score === null ? null : decimalToHundredths(a.score), archived: false })),
    pending,
    decided.filter((r) => r.status === 'rejected').map((r) => ({ ...r, score: decimalToHundredths(r.score) })),
    thresholds,
  );
  if (plan.supersede.length)
    await tx
      .update(retierProposals)
      .set({ status: 'superseded', decidedAt: sql`now()` })
      .where(and(inArray(retierProposals.id, plan.supersede), eq(retierProposals.status, 'pending')));
  for (let i = 0; i < plan.create.length; i += 1000) {
    await tx
      .insert(retierProposals)
      .values(plan.create.slice(i, i + 1000).map((p) => ({ ...p, runId, score: hundredthsToDecimal(p.score) })));
  }
  const counts = { created: plan.create.length, superseded: plan.supersede.length, kept: plan.kept };
  await tx.update(retierRuns).set(counts).where(eq(retierRuns.id, runId));
  return counts;
}

/** A run on demand (admin or head from the re-tiering page). */
export async function runNow(ctx: Ctx, userId: string): Promise<RunRow> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT ${RUN_LOCK}`);
    const [run] = await tx.insert(retierRuns).values({ kind: 'manual', startedBy: userId }).returning();
    if (!run) throw new Error('run not created');
    const counts = await fillRun(tx, run.id);
    await recordAudit(ctx, { action: 'retier.run', entity: 'retier_run', entityId: run.id, after: { kind: 'manual', ...counts } }, tx);
    return { ...run, ...counts };
  });
}

/**
 * The monthly run: exactly once per month of the company's calendar, however many `grove serve`
 * processes share the database. The month is claimed by the unique (kind, period) in the same
 * transaction that makes the proposals, so a failed run leaves the month unclaimed for a retry.
 * Answers the run, or null when this month's run has already happened.
 */
export async function runMonthlyRetiering(db: Db, period?: string): Promise<RunRow | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT ${RUN_LOCK}`);
    // before the first-run set-up there is no company and nothing to re-tier: leave the month unclaimed
    if (!(await tx.execute(sql`SELECT 1 FROM company WHERE id = 1`)).rowCount) return null;
    const month = period ?? (await tx.execute<{ p: string }>(sql`SELECT to_char(${companyToday}, 'YYYY-MM') AS p`)).rows[0]!.p;
    const [run] = await tx.insert(retierRuns).values({ kind: 'monthly', period: month }).onConflictDoNothing().returning();
    if (!run) return null;
    const counts = await fillRun(tx, run.id);
    const ctx: Ctx = { db, actor: null, locale: 'en', ip: null, requestId: null, publicUrl: '' };
    await recordAudit(
      ctx,
      { action: 'retier.run', entity: 'retier_run', entityId: run.id, after: { kind: 'monthly', period: month, ...counts } },
      tx,
    );
    return { ...run, ...counts };
  });
}
