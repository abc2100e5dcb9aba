import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromUnits, type Scale, splitEvenly, splitProportionally, splitUnits, sumDecimals, toUnits } from './targets.split.js';

const money = fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }).map((u) => fromUnits(u, 2));
const count = fc.integer({ min: 0, max: 1_000_000 }).map(String);

describe('splitting a department target', () => {
  it('shares money to the kopeck, the remainder to the first managers', () => {
    expect(splitEvenly('1000.00', 3, 2)).toEqual(['333.34', '333.33', '333.33']);
    expect(splitEvenly('0.02', 3, 2)).toEqual(['0.01', '0.01', '0.00']);
    expect(splitEvenly('10', 4, 0)).toEqual(['3', '3', '2', '2']);
    expect(splitEvenly('5', 0, 0)).toEqual([]);
  });

  it("shares in proportion to last year's plans, by the largest remainders", () => {
    // 100.00 × 1/6, 2/6, 3/6 = 16.666…, 33.333…, 50 → the kopeck left over goes to the largest remainder
    expect(splitProportionally('100.00', ['100.00', '200.00', '300.00'], 2)).toEqual(['16.67', '33.33', '50.00']);
    // a manager without a plan last year gets nothing
    expect(splitProportionally('90', [null, '1', '2'], 0)).toEqual(['0', '30', '60']);
    // nobody had a plan: evenly
    expect(splitProportionally('7', [null, 0, '0.00'], 0)).toEqual(['3', '2', '2']);
  });

  it('refuses what is not a plan', () => {
    expect(() => toUnits('-1', 2)).toThrow();
    expect(() => toUnits('1.234', 2)).toThrow();
    expect(() => toUnits('1.5', 0)).toThrow();
    expect(toUnits('1.50', 2)).toBe(150n);
    expect(toUnits('2.00', 0)).toBe(2n);
  });

  it('always adds up exactly to the target and never goes negative (evenly)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Scale>(0, 2), money, count, fc.integer({ min: 1, max: 60 }), (scale, m, c, n) => {
        const total = scale === 2 ? m : c;
        const parts = splitEvenly(total, n, scale);
        expect(parts).toHaveLength(n);
        expect(toUnits(sumDecimals(parts, scale), scale)).toBe(toUnits(total, scale));
        for (const p of parts) expect(toUnits(p, scale) >= 0n).toBe(true);
        // evenly: no two parts differ by more than one unit
        const units = parts.map((p) => toUnits(p, scale));
        const sorted = [...units].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const spread = (sorted.at(-1) ?? 0n) - (sorted[0] ?? 0n);
        expect(spread <= 1n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('always adds up exactly to the target and never goes negative (in proportion)', () => {
    const weight = fc.oneof(fc.constant(null), money, count);
    fc.assert(
      fc.property(fc.constantFrom<Scale>(0, 2), money, count, fc.array(weight, { minLength: 1, maxLength: 40 }), (scale, m, c, weights) => {
        const total = scale === 2 ? m : c;
        const parts = splitProportionally(total, weights, scale);
        expect(parts).toHaveLength(weights.length);
        expect(toUnits(sumDecimals(parts, scale), scale)).toBe(toUnits(total, scale));
        for (const p of parts) expect(toUnits(p, scale) >= 0n).toBe(true);
        // a manager with no weight gets nothing, unless nobody has any
        const anyWeight = weights.some((w) => w !== null && toUnits(String(w), 2) > 0n);
        weights.forEach((w, i) => {
          if (anyWeight && (w === null || toUnits(String(w), 2) === 0n)) expect(parts[i]).toBe(scale === 2 ? '0.00' : '0');
        });
      }),
      { numRuns: 500 },
    );
  });

  it('gives each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = splitUnits(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            const exactFloor = (total * (weights[i] ?? 0n)) / sum;
            expect(p === exactFloor || p === exactFloor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});
