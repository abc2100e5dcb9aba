import DecimalDefault from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opportunityStatuses } from './plans.contracts.js';
import { addMonths, daysBetween, goalOverdue, pipelineTotals, reviewStatus, todayIn, weightedAmount } from './plans.rules.js';

const Decimal = DecimalDefault as unknown as typeof import('decimal.js').Decimal;

const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }), fc.integer({ min: 0, max: 99 }))
  .map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`);
const opportunity = fc.record({
  amount,
  probability: fc.integer({ min: 0, max: 100 }),
  status: fc.constantFrom(...opportunityStatuses),
});

describe('the weighted pipeline', () => {
  it('is the exact sum of amount × probability over open opportunities, rounded once to the cent', () => {
    fc.assert(
      fc.property(fc.array(opportunity, { maxLength: 30 }), (items) => {
        const open = items.filter((o) => o.status === 'open');
        const exact = open.reduce((sum, o) => sum.plus(new Decimal(o.amount).times(o.probability).div(100)), new Decimal(0));
        const totals = pipelineTotals(items);
        expect(totals.weighted).toBe(exact.toFixed(2, Decimal.ROUND_HALF_UP));
        expect(totals.openCount).toBe(open.length);
        expect(new Decimal(totals.weighted).lte(totals.openAmount)).toBe(true);
        const won = items.filter((o) => o.status === 'won').reduce((s, o) => s.plus(o.amount), new Decimal(0));
        expect(totals.wonAmount).toBe(won.toFixed(2));
      }),
    );
  });

  it('does not depend on the order of the opportunities', () => {
    fc.assert(
      fc.property(fc.array(opportunity, { maxLength: 20 }), (items) => {
        expect(pipelineTotals([...items].reverse())).toEqual(pipelineTotals(items));
      }),
    );
  });

  it('keeps cents a float would lose', () => {
    const items = Array.from({ length: 10 }, () => ({ amount: '0.10', probability: 100, status: 'open' as const }));
    expect(pipelineTotals(items)).toMatchObject({ openAmount: '1.00', weighted: '1.00' });
    expect(pipelineTotals([{ amount: '9999999999999999.99', probability: 100, status: 'open' }]).weighted).toBe('9999999999999999.99');
    expect(weightedAmount('1000.10', 33)).toBe('330.03');
    expect(weightedAmount('0.05', 50)).toBe('0.03'); // half up
  });

  it('is empty for no opportunities', () => {
    expect(pipelineTotals([])).toEqual({ openCount: 0, openAmount: '0.00', weighted: '0.00', wonAmount: '0.00', lostAmount: '0.00' });
  });
});

describe('the periodic review', () => {
  it('is unscheduled without a date, due soon within two weeks, overdue after the date', () => {
    expect(reviewStatus(null, '2026-05-10')).toEqual({ state: 'unscheduled', daysLeft: null });
    expect(reviewStatus('2026-06-30', '2026-05-10')).toEqual({ state: 'scheduled', daysLeft: 51 });
    expect(reviewStatus('2026-05-24', '2026-05-10')).toEqual({ state: 'due_soon', daysLeft: 14 });
    expect(reviewStatus('2026-05-10', '2026-05-10')).toEqual({ state: 'due_soon', daysLeft: 0 });
    expect(reviewStatus('2026-05-09', '2026-05-10')).toEqual({ state: 'overdue', daysLeft: -1 });
  });

  it('counts days across a daylight-saving change and a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('schedules months ahead, keeping the day or the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 24 }),
        (d, n) => {
          const from = d.toISOString().slice(0, 10);
          const to = addMonths(from, n);
          expect(to >= from).toBe(true);
          expect(daysBetween(from, to)).toBeLessThanOrEqual(n * 31);
        },
      ),
    );
  });

  it("takes today in the company's time zone", () => {
    const lateEvening = new Date('2026-03-31T22:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-31');
    expect(todayIn('Europe/Moscow', lateEvening)).toBe('2026-04-01');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-03-31');
  });
});

describe('long-term goals', () => {
  it('are overdue after the deadline unless reached', () => {
    expect(goalOverdue('2026-05-09', 99, '2026-05-10')).toBe(true);
    expect(goalOverdue('2026-05-09', 100, '2026-05-10')).toBe(false);
    expect(goalOverdue('2026-05-10', 0, '2026-05-10')).toBe(false);
  });
});
