/**
 * Splitting a department target into individual plans (F1). Pure and exact: amounts are decimal
 * strings turned into integer minor units (kopecks for money, whole clients for counts), divided by
 * the largest-remainder method, so the parts always add up to the target exactly and none is negative.
 * The web app runs these rules in the plans grid; the server tests them.
 */

/** Decimal places of a metric: money has kopecks, client counts are whole. */
export type Scale = 0 | 2;

const pattern = /^(\d+)(?:\.(\d+))?$/;

/** "1250.5" → 125050n at scale 2. Refuses a negative value or more decimals than the scale. */
export function toUnits(value: string, scale: Scale): bigint {
  const m = pattern.exec(value.trim());
  if (!m) throw new Error(`not a non-negative decimal: ${value}`);
  const whole = m[1] ?? '0';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > scale) throw new Error(`more than ${scale} decimals: ${value}`);
  return BigInt(whole) * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, '0') || '0');
}

/** 125050n at scale 2 → "1250.50"; at scale 0 → "125050". */
export function fromUnits(units: bigint, scale: Scale): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  if (scale === 0) return `${negative ? '-' : ''}${abs}`;
  const s = abs.toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/**
 * `total` units shared in proportion to `weights` (largest remainder; ties go to the earlier part).
 * When every weight is zero the total is shared evenly.
 */
export function splitUnits(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new Error('a target cannot be negative');
  if (weights.some((w) => w < 0n)) throw new Error('a weight cannot be negative');
  const n = weights.length;
  if (n === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0n);
  const w = sum === 0n ? weights.map(() => 1n) : [...weights];
  const denominator = sum === 0n ? BigInt(n) : sum;
  const parts = w.map((x) => (total * x) / denominator);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = w
    .map((x, i) => ({ i, rest: (total * x) % denominator }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts;
}

/** The target shared equally among `n` managers: "1000.00" over 3 → 333.34, 333.33, 333.33. */
export function splitEvenly(total: string, n: number, scale: Scale): string[] {
  return splitUnits(
    toUnits(total, scale),
    Array.from({ length: n }, () => 1n),
  ).map((u) => fromUnits(u, scale));
}

/**
 * The target shared in proportion to `weights` (e.g. each manager's plan for the same month last
 * year; null counts as zero). All weights zero: shared evenly.
 */
export function splitProportionally(total: string, weights: readonly (string | number | null)[], scale: Scale): string[] {
  const units = weights.map((w) => (w === null ? 0n : toUnits(String(w), 2)));
  return splitUnits(toUnits(total, scale), units).map((u) => fromUnits(u, scale));
}

/** Exact sum of decimal strings (nulls skipped), at the given scale. */
export function sumDecimals(values: readonly (string | number | null | undefined)[], scale: Scale): string {
  let total = 0n;
  for (const v of values) if (v !== null && v !== undefined && v !== '') total += toUnits(String(v), scale);
  return fromUnits(total, scale);
}

/** a − b exactly, at the given scale (may be negative). */
export function subtractDecimals(a: string, b: string, scale: Scale): string {
  return fromUnits(toUnits(a, scale) - toUnits(b, scale), scale);
}
