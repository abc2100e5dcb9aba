import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CriterionValues,
  contributionHundredths,
  criteria,
  decimalToHundredths,
  defaultWeights,
  hundredthsToDecimal,
  impliedTier,
  scoreHundredths,
  tierChange,
  validThresholds,
  type Weights,
} from './scoring.js';

const weightArb = fc.integer({ min: 0, max: 100 });
const weightsArb: fc.Arbitrary<Weights> = fc
  .tuple(...criteria.map(() => weightArb))
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws) => Object.fromEntries(criteria.map((c, i) => [c, ws[i]])) as Weights);
const valuesArb: fc.Arbitrary<CriterionValues> = fc.record(
  Object.fromEntries(criteria.map((c) => [c, fc.integer({ min: 0, max: 5 })])) as Record<string, fc.Arbitrary<number>>,
  { requiredKeys: [] },
);
const thresholdsArb = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 100 }))
  .filter(([p, k]) => p < k)
  .map(([potential, key]) => ({ potential, key }));

/** The definition, in exact decimals: Σ(weight × value / 5) / Σ weights × 100, half up to 0.01. */
function reference(weights: Weights, values: CriterionValues): number {
  let weighted = new Decimal(0);
  let total = new Decimal(0);
  for (const c of criteria) {
    weighted = weighted.plus(new Decimal(weights[c]).times(values[c] ?? 0).div(5));
    total = total.plus(weights[c]);
  }
  return weighted.div(total).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber();
}

describe('the weighted score', () => {
  it('is 0 with nothing assessed and 100 with every criterion at 5', () => {
    expect(scoreHundredths(defaultWeights, {})).toBe(0);
    expect(scoreHundredths(defaultWeights, Object.fromEntries(criteria.map((c) => [c, 5])))).toBe(10_000);
  });

  it('weighs the criteria: 5 on a criterion weighing a quarter gives 25 points', () => {
    expect(scoreHundredths(defaultWeights, { revenue_loyalty: 5 })).toBe(2500);
    expect(scoreHundredths(defaultWeights, { revenue_loyalty: 4, early_adopter: 3 })).toBe(2600);
  });

  it('has no score when no criterion weighs anything', () => {
    const zero = Object.fromEntries(criteria.map((c) => [c, 0])) as Weights;
    expect(scoreHundredths(zero, { revenue_loyalty: 5 })).toBeNull();
  });

  it('rounds half up to a hundredth: 1/3 of the weight at 1 gives 6.67', () => {
    const weights = { ...(Object.fromEntries(criteria.map((c) => [c, 0])) as Weights), revenue_loyalty: 1, early_adopter: 2 };
    expect(scoreHundredths(weights, { revenue_loyalty: 1 })).toBe(667);
    expect(scoreHundredths({ ...weights, early_adopter: 7 }, { revenue_loyalty: 1 })).toBe(250);
  });

  it('equals the exact decimal definition', () => {
    fc.assert(fc.property(weightsArb, valuesArb, (w, v) => scoreHundredths(w, v) === reference(w, v)));
  });

  it('stays within 0..100', () => {
    fc.assert(
      fc.property(weightsArb, valuesArb, (w, v) => {
        const s = scoreHundredths(w, v)!;
        return s >= 0 && s <= 10_000;
      }),
    );
  });

  it('never falls when a criterion rises', () => {
    fc.assert(
      fc.property(weightsArb, valuesArb, fc.constantFrom(...criteria), fc.integer({ min: 1, max: 5 }), (w, v, c, step) => {
        const before = scoreHundredths(w, v)!;
        const raised = { ...v, [c]: Math.min(5, (v[c] ?? 0) + step) };
        return scoreHundredths(w, raised)! >= before;
      }),
    );
  });

  it('rises strictly when a weighted criterion rises, before rounding can hide it', () => {
    fc.assert(
      fc.property(weightsArb, valuesArb, fc.constantFrom(...criteria), (w, v, c) => {
        fc.pre(w[c] > 0 && (v[c] ?? 0) < 5);
        // one step on a criterion adds 20·w/Σw points ≥ 20/700 > 0.02: always visible at 0.01
        return scoreHundredths(w, { ...v, [c]: (v[c] ?? 0) + 1 })! > scoreHundredths(w, v)!;
      }),
    );
  });

  it('does not change when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(weightsArb, valuesArb, (w, v) => {
        const small = Object.fromEntries(criteria.map((c) => [c, w[c]])) as Weights;
        if (criteria.some((c) => small[c] > 50)) return true;
        const doubled = Object.fromEntries(criteria.map((c) => [c, w[c] * 2])) as Weights;
        return scoreHundredths(doubled, v) === scoreHundredths(small, v);
      }),
    );
  });

  it('contributions add up to the score within the rounding of each', () => {
    fc.assert(
      fc.property(weightsArb, valuesArb, (w, v) => {
        const sum = criteria.reduce((s, c) => s + contributionHundredths(w, c, v[c] ?? 0), 0);
        return Math.abs(sum - scoreHundredths(w, v)!) <= criteria.length;
      }),
    );
  });
});

describe('the tier a score implies', () => {
  const t = { key: 65, potential: 40 };

  it('is key at the key threshold and above, potential from the potential threshold, else regular', () => {
    expect(impliedTier(6500, t)).toBe('key');
    expect(impliedTier(10_000, t)).toBe('key');
    expect(impliedTier(6499, t)).toBe('potential');
    expect(impliedTier(4000, t)).toBe('potential');
    expect(impliedTier(3999, t)).toBe('regular');
    expect(impliedTier(0, t)).toBe('regular');
    expect(impliedTier(null, t)).toBeNull();
  });

  it('never goes down as the score goes up', () => {
    const rank = { regular: 0, potential: 1, key: 2 } as const;
    fc.assert(
      fc.property(thresholdsArb, fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (th, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return rank[impliedTier(lo, th)!] <= rank[impliedTier(hi, th)!];
      }),
    );
  });

  it('follows the thresholds exactly', () => {
    fc.assert(
      fc.property(thresholdsArb, fc.integer({ min: 0, max: 10_000 }), (th, s) => {
        const tier = impliedTier(s, th);
        if (s >= th.key * 100) return tier === 'key';
        if (s >= th.potential * 100) return tier === 'potential';
        return tier === 'regular';
      }),
    );
  });

  it('accepts only thresholds with potential below key, within 0..100', () => {
    expect(validThresholds({ key: 65, potential: 40 })).toBe(true);
    expect(validThresholds({ key: 100, potential: 0 })).toBe(true);
    expect(validThresholds({ key: 40, potential: 40 })).toBe(false);
    expect(validThresholds({ key: 30, potential: 40 })).toBe(false);
    expect(validThresholds({ key: 101, potential: 40 })).toBe(false);
  });
});

describe('proposal direction and decimals', () => {
  it('promotes upward and demotes downward', () => {
    expect(tierChange('regular', 'key')).toBe('promote');
    expect(tierChange('potential', 'key')).toBe('promote');
    expect(tierChange('key', 'potential')).toBe('demote');
    expect(tierChange('potential', 'regular')).toBe('demote');
    expect(tierChange('key', 'key')).toBeNull();
  });

  it('writes and reads numeric(5,2) text without loss', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (h) => decimalToHundredths(hundredthsToDecimal(h)) === h));
    expect(hundredthsToDecimal(7205)).toBe('72.05');
    expect(hundredthsToDecimal(10_000)).toBe('100.00');
  });
});
