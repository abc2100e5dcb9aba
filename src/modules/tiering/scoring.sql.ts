import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/tx.js';
import { criteria, defaultThresholds, defaultWeights, type Thresholds, type Weights } from './scoring.js';
import { scoringSettings, scoringWeights } from './tiering.schema.js';

export interface StoredSettings {
  weights: Weights;
  thresholds: Thresholds;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The scoring settings; the defaults for whatever has never been saved. */
export async function readSettings(ex: Executor): Promise<StoredSettings> {
  // one after the other: `ex` may be a transaction, which is one connection
  const [row] = await ex.select().from(scoringSettings).limit(1);
  const weightRows = await ex.select().from(scoringWeights);
  const weights = { ...defaultWeights };
  for (const w of weightRows) weights[w.criterion] = w.weight;
  return {
    weights,
    thresholds: row ? { key: row.keyThreshold, potential: row.potentialThreshold } : { ...defaultThresholds },
    version: row?.version ?? 0,
    updatedAt: row && row.version > 0 ? row.updatedAt : null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** Stores the defaults where nothing was saved yet, so that SQL can read the settings (version stays 0). */
export async function ensureSettings(tx: Executor): Promise<void> {
  await tx
    .insert(scoringSettings)
    .values({ id: 1, keyThreshold: defaultThresholds.key, potentialThreshold: defaultThresholds.potential, version: 0 })
    .onConflictDoNothing();
  await tx
    .insert(scoringWeights)
    .values(criteria.map((criterion) => ({ criterion, weight: defaultWeights[criterion] })))
    .onConflictDoNothing();
}

/** SQL: the weights as a relation (criterion, weight), from the settings or from values given. */
export function weightsRelation(weights?: Weights): SQL {
  if (!weights) return sql`(SELECT criterion, weight FROM scoring_weights)`;
  const rows = criteria.map((c) => sql`(${c}::scoring_criterion, ${weights[c]}::int)`);
  return sql`(VALUES ${sql.join(rows, sql`, `)})`;
}

/**
 * SQL: (account_id, score) of every assessed account, or of one; the same arithmetic as
 * scoring.ts (round half up to 0.01 of 20 · Σ(weight · value) / Σ weights).
 */
export function scoresRelation(weights?: Weights, accountId?: string): SQL {
  const w = weightsRelation(weights);
  const only = accountId ? sql`WHERE sc.account_id = ${accountId}` : sql``;
  return sql`(
    SELECT sc.account_id,
      CASE WHEN tw.total > 0 THEN round(20 * coalesce(sum(w.weight * c.value), 0)::numeric / tw.total, 2) END AS score
    FROM account_scorecards sc
    CROSS JOIN (SELECT sum(weight) AS total FROM ${w} AS tw0(criterion, weight)) tw
    LEFT JOIN account_criteria c ON c.account_id = sc.account_id
    LEFT JOIN ${w} AS w(criterion, weight) ON w.criterion = c.criterion
    ${only}
    GROUP BY sc.account_id, tw.total)`;
}

/** Writes accounts.score from the criteria, for one account or (one statement) for all. Answers how many changed. */
export async function recomputeScores(tx: Executor, accountId?: string): Promise<number> {
  const result = await tx.execute(sql`
    UPDATE accounts a SET score = s.score
    FROM ${scoresRelation(undefined, accountId)} s
    WHERE a.id = s.account_id AND a.score IS DISTINCT FROM s.score`);
  return result.rowCount ?? 0;
}

/** SQL: the tier a score implies under the given thresholds. */
export function impliedTierSql(score: SQL, t: Thresholds): SQL {
  return sql`CASE WHEN ${score} IS NULL THEN NULL
    WHEN ${score} >= ${t.key} THEN 'key' WHEN ${score} >= ${t.potential} THEN 'potential' ELSE 'regular' END`;
}
