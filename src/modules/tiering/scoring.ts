/**
 * The key-account score (A2), as pure integer arithmetic shared by the server, the web app and the
 * tests. A score is kept in hundredths (0..10000) so that nothing depends on binary floating point;
 * the database computes the same number with `round(20 * Σ(w·v) / Σw, 2)` (see scoring.sql.ts).
 */

/** Why a client is key (the articles behind A2), in the order the web app lists them. */
export const criteria = [
  'revenue_loyalty',
  'large_interested',
  'growth_potential',
  'brand_authority',
  'industry_expert',
  'early_adopter',
  'creditworthy_prospect',
] as const;
export type Criterion = (typeof criteria)[number];

/** Every criterion is assessed 0..5. */
export const CRITERION_MAX = 5;
/** Weights are 0..100 each; thresholds are whole points 0..100. */
export const WEIGHT_MAX = 100;

export type Weights = Record<Criterion, number>;
/** Assessed values; a criterion not assessed counts as 0. */
export type CriterionValues = Partial<Record<Criterion, number>>;
export type Tier = 'key' | 'potential' | 'regular';
export interface Thresholds {
  key: number;
  potential: number;
}

export const defaultWeights: Weights = {
  revenue_loyalty: 25,
  large_interested: 15,
  growth_potential: 15,
  brand_authority: 15,
  industry_expert: 10,
  early_adopter: 10,
  creditworthy_prospect: 10,
};
export const defaultThresholds: Thresholds = { key: 70, potential: 40 };

export function totalWeight(weights: Weights): number {
  return criteria.reduce((sum, c) => sum + weights[c], 0);
}

/** a / b rounded half up, for a ≥ 0 and b > 0 */
function divRound(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/**
 * The weighted score in hundredths of a point: Σ(weight × value / 5) / Σ weights × 100, rounded half
 * up to 0.01. Null when no criterion has a weight (the settings forbid that).
 */
export function scoreHundredths(weights: Weights, values: CriterionValues): number | null {
  const total = totalWeight(weights);
  if (total <= 0) return null;
  let weighted = 0;
  for (const c of criteria) weighted += weights[c] * (values[c] ?? 0);
  // score = 20 · Σ(w·v) / Σw points = 2000 · Σ(w·v) / Σw hundredths
  return divRound((100 * 100 * weighted) / CRITERION_MAX, total);
}

/** What one criterion adds to the score, in hundredths of a point (rounded on its own). */
export function contributionHundredths(weights: Weights, criterion: Criterion, value: number): number {
  const total = totalWeight(weights);
  if (total <= 0) return 0;
  return divRound((100 * 100 * weights[criterion] * value) / CRITERION_MAX, total);
}

/** The tier a score implies: ≥ key threshold → key, ≥ potential threshold → potential, else regular. */
export function impliedTier(hundredths: number | null, thresholds: Thresholds): Tier | null {
  if (hundredths === null) return null;
  if (hundredths >= thresholds.key * 100) return 'key';
  if (hundredths >= thresholds.potential * 100) return 'potential';
  return 'regular';
}

const rank: Record<Tier, number> = { regular: 0, potential: 1, key: 2 };

/** A change of tier is a promotion or a demotion; no change is neither. */
export function tierChange(from: Tier, to: Tier): 'promote' | 'demote' | null {
  if (rank[to] > rank[from]) return 'promote';
  if (rank[to] < rank[from]) return 'demote';
  return null;
}

/** Hundredths as the decimal text stored in `numeric(5,2)` ("72.50"). */
export function hundredthsToDecimal(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths % 100;
  return `${whole}.${cents.toString().padStart(2, '0')}`;
}

/** "72.50" (or a number from JSON) → 7250. */
export function decimalToHundredths(value: string | number): number {
  return Math.round(Number(value) * 100);
}

export function validThresholds(t: Thresholds): boolean {
  return Number.isInteger(t.key) && Number.isInteger(t.potential) && t.potential >= 0 && t.key <= 100 && t.potential < t.key;
}
