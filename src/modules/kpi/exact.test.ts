import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, median } from './exact.js';

describe('Exact', () => {
  it('reads PostgreSQL decimals exactly', () => {
    expect(Exact.decimal('123.4500').toFixed(4)).toBe('123.4500');
    expect(Exact.decimal('-0.1').add(Exact.decimal('0.3')).toFixed(2)).toBe('0.20');
    expect(Exact.decimal(null).isZero()).toBe(true);
    expect(() => Exact.decimal('1e3')).toThrow();
  });

  it('rounds half away from zero, once', () => {
    expect(Exact.decimal('0.125').toFixed(2)).toBe('0.13');
    expect(Exact.decimal('-0.125').toFixed(2)).toBe('-0.13');
    expect(Exact.decimal('0.124999').toFixed(2)).toBe('0.12');
    expect(Exact.of(1, 3).toFixed(4)).toBe('0.3333');
    expect(Exact.of(2, 3).toFixed(4)).toBe('0.6667');
    expect(Exact.of(-1, 300).toFixed(2)).toBe('0.00');
    // 11/12 of a 0.0833… churn: the rate is computed from exact values
    expect(Exact.of(11, 12).round(4)).toBe(0.9167);
  });

  it('keeps sums of prorated thirds exact (no drift before the final rounding)', () => {
    // 100 × 15/31 + 100 × 16/31 = 100 exactly
    const plan = Exact.of(100 * 15, 31).add(Exact.of(100 * 16, 31));
    expect(plan.toFixed(2)).toBe('100.00');
    expect(Exact.decimal('50.00').div(plan).mul(Exact.of(100)).toFixed(2)).toBe('50.00');
  });

  it('agrees with a decimal reference on random fractions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const text = Exact.of(n, d).toFixed(2);
        // reference: scale by 1000 with truncation, then apply the half-away rule on the exact remainder
        const abs = n < 0n ? -n : n;
        const cents = (abs * 100n) / d;
        const rest = abs * 100n - cents * d;
        const rounded = 2n * rest >= d ? cents + 1n : cents;
        const expected = `${n < 0n && rounded !== 0n ? '-' : ''}${rounded / 100n}.${(rounded % 100n).toString().padStart(2, '0')}`;
        expect(text).toBe(expected);
      }),
    );
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5n])?.toFixed(0)).toBe('5');
    expect(median([7n, 1n, 3n])?.toFixed(0)).toBe('3');
    expect(median([1n, 4n, 2n, 3n])?.toFixed(2)).toBe('2.50');
  });
});
