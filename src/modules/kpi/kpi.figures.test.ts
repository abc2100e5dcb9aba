import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFacts } from './kpi.facts.js';
import { figuresOf, monthOverlap, previousPeriod, proratedPlan } from './kpi.figures.js';

const DAY = 86_400_000;
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const dayNo = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;
const anyDay = fc.integer({ min: dayNo('2020-01-01'), max: dayNo('2030-12-31') });

describe('the previous period', () => {
  it('has the same length and ends the day before', () => {
    expect(previousPeriod('2026-01-01', '2026-03-31')).toEqual({ prevFrom: '2025-10-03', prevTo: '2025-12-31' });
    expect(previousPeriod('2026-03-01', '2026-03-01')).toEqual({ prevFrom: '2026-02-28', prevTo: '2026-02-28' });
    fc.assert(
      fc.property(anyDay, fc.nat(800), (from, extra) => {
        const { prevFrom, prevTo } = previousPeriod(iso(from), iso(from + extra));
        expect(dayNo(prevTo)).toBe(from - 1);
        expect(dayNo(prevTo) - dayNo(prevFrom)).toBe(extra);
      }),
    );
  });
});

describe('prorated plans', () => {
  it('counts the days of a month inside the period', () => {
    expect(monthOverlap('2026-02-01', '2026-01-16', '2026-02-14')).toEqual({ inside: 14, days: 28 });
    expect(monthOverlap('2024-02-01', '2024-01-01', '2024-12-31')).toEqual({ inside: 29, days: 29 });
    expect(monthOverlap('2026-04-01', '2026-01-01', '2026-03-31')).toEqual({ inside: 0, days: 30 });
  });

  it('gives the whole target for months wholly inside the period, and a share by days otherwise', () => {
    const plans = [
      { month: '2026-01-01', target: '1000.00' },
      { month: '2026-02-01', target: '1000.00' },
    ];
    expect(proratedPlan(plans, '2026-01-01', '2026-02-28').toFixed(2)).toBe('2000.00');
    expect(proratedPlan(plans, '2026-01-16', '2026-02-14').toFixed(2)).toBe('1016.13');
    // the shares of one month over a partition of it add up to the month's target exactly
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 10_000_000 }), (cut, cents) => {
        const target = (cents / 100).toFixed(2);
        const month = [{ month: '2026-01-01', target }];
        const sum = proratedPlan(month, '2026-01-01', iso(dayNo('2026-01-01') + cut - 1)).add(
          proratedPlan(month, iso(dayNo('2026-01-01') + cut), '2026-01-31'),
        );
        expect(sum.toFixed(2)).toBe(target);
      }),
    );
  });
});

describe('figures from the facts', () => {
  const p = { from: '2026-01-01', to: '2026-03-31' };

  it('rounds money to 2, rates to 4 and percentages to 2 decimals, half away from zero', () => {
    const f = figuresOf(
      {
        ...emptyFacts(),
        start_base: 3,
        churned: 1,
        revenue: '100.005',
        revenue_prev: '-200',
        receivables_outstanding: '3',
        receivables_overdue: '1',
      },
      p,
    );
    expect(f).toMatchObject({ retention_rate: 0.6667, churn_rate: 0.3333, revenue: 100.01, overdue_share: 0.3333 });
    // (100.005 − (−200)) / |−200| × 100 = 150.0025
    expect(f.revenue_growth_pct).toBe(150);
  });

  it('answers null where a ratio has no base', () => {
    const f = figuresOf(emptyFacts(), p);
    expect(f).toMatchObject({
      retention_rate: null,
      churn_rate: null,
      revenue_growth_pct: null,
      margin_growth_pct: null,
      plan_fulfilment_pct: null,
      overdue_share: null,
      first_response_median_hours: null,
      revenue: 0,
    });
  });

  it('takes the median response in hours from whole seconds', () => {
    expect(figuresOf({ ...emptyFacts(), response_seconds: ['3600', '5400'] }, p).first_response_median_hours).toBe(1.25);
    expect(figuresOf({ ...emptyFacts(), response_seconds: ['100'] }, p).first_response_median_hours).toBe(0.03);
  });

  it('rounds each rate on its own: 1/32 and 31/32 both round up', () => {
    const f = figuresOf({ ...emptyFacts(), start_base: 32, churned: 31 }, p);
    expect(f).toMatchObject({ retention_rate: 0.0313, churn_rate: 0.9688 });
  });
});
