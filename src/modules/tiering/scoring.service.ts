import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { users } from '../users/users.schema.js';
import { criteria, totalWeight, validThresholds } from './scoring.js';
import { ensureSettings, impliedTierSql, readSettings, recomputeScores, scoresRelation } from './scoring.sql.js';
import type { ScoringPreview, ScoringPreviewRequest, ScoringSettings, UpdateScoringSettings } from './tiering.contracts.js';
import { scoringSettings, scoringWeights } from './tiering.schema.js';

export async function getScoringSettings(ctx: Ctx): Promise<ScoringSettings> {
  assertCan(actorOf(ctx), 'accounts.read');
  const s = await readSettings(ctx.db);
  const [by] = s.updatedBy ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, s.updatedBy)) : [];
  return {
    weights: s.weights,
    keyThreshold: s.thresholds.key,
    potentialThreshold: s.thresholds.potential,
    version: s.version,
    updatedAt: s.updatedAt?.toISOString() ?? null,
    updatedBy: by ?? null,
  };
}

function checkSettings(input: ScoringPreviewRequest): void {
  if (totalWeight(input.weights) <= 0) throw new AppError('WEIGHTS_ALL_ZERO', 400);
  if (!validThresholds({ key: input.keyThreshold, potential: input.potentialThreshold }))
    throw new AppError('THRESHOLDS_INVALID', 400, { key: input.keyThreshold, potential: input.potentialThreshold });
}

/** Saves weights and thresholds and recomputes every account's score in the same transaction. */
export async function updateScoringSettings(ctx: Ctx, input: UpdateScoringSettings): Promise<ScoringSettings> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.retier');
  checkSettings(input);
  await ctx.db.transaction(async (tx) => {
    await ensureSettings(tx);
    await tx.execute(sql`SELECT 1 FROM scoring_settings WHERE id = 1 FOR UPDATE`);
    const before = await readSettings(tx);
    if (before.version !== input.version) throw new AppError('CONFLICT', 409);
    for (const criterion of criteria) {
      await tx.update(scoringWeights).set({ weight: input.weights[criterion] }).where(eq(scoringWeights.criterion, criterion));
    }
    await tx
      .update(scoringSettings)
      .set({
        keyThreshold: input.keyThreshold,
        potentialThreshold: input.potentialThreshold,
        version: sql`${scoringSettings.version} + 1`,
        updatedBy: actor.userId,
        updatedAt: sql`now()`,
      })
      .where(eq(scoringSettings.id, 1));
    const rescored = await recomputeScores(tx);
    await recordAudit(
      ctx,
      {
        action: 'scoring.settings',
        entity: 'scoring_settings',
        before: { weights: before.weights, keyThreshold: before.thresholds.key, potentialThreshold: before.thresholds.potential },
        after: { weights: input.weights, keyThreshold: input.keyThreshold, potentialThreshold: input.potentialThreshold, rescored },
      },
      tx,
    );
  });
  return getScoringSettings(ctx);
}

/** How the reader's visible accounts would land under other weights and thresholds (nothing is saved). */
export async function previewScoring(ctx: Ctx, input: ScoringPreviewRequest): Promise<ScoringPreview> {
  assertCan(actorOf(ctx), 'accounts.retier');
  checkSettings(input);
  const visible = await visibleAccountsSql(ctx);
  const implied = impliedTierSql(sql`s.score`, { key: input.keyThreshold, potential: input.potentialThreshold });
  const { rows } = await ctx.db.execute<{ tier: string; implied: string | null; n: string }>(sql`
    SELECT accounts.tier::text AS tier, ${implied} AS implied, count(*) AS n
    FROM accounts LEFT JOIN ${scoresRelation(input.weights)} s ON s.account_id = accounts.id
    WHERE accounts.archived_at IS NULL ${visible ? sql`AND ${visible}` : sql``}
    GROUP BY 1, 2`);
  const preview: ScoringPreview = {
    implied: { key: 0, potential: 0, regular: 0 },
    current: { key: 0, potential: 0, regular: 0 },
    unscored: 0,
    promote: 0,
    demote: 0,
  };
  const rank: Record<string, number> = { regular: 0, potential: 1, key: 2 };
  for (const r of rows) {
    const n = Number(r.n);
    preview.current[r.tier as 'key'] += n;
    if (r.implied === null) {
      preview.unscored += n;
      continue;
    }
    preview.implied[r.implied as 'key'] += n;
    if (rank[r.implied]! > rank[r.tier]!) preview.promote += n;
    if (rank[r.implied]! < rank[r.tier]!) preview.demote += n;
  }
  return preview;
}
