import DecimalDefault from 'decimal.js';
import type { OpportunityStatus, Pipeline, ReviewState } from './plans.contracts.js';

/** The review counts as "due soon" this many days before its date. */
export const REVIEW_DUE_SOON_DAYS = 14;
/** "Mark reviewed" without a date schedules the next review this many months ahead. */
export const REVIEW_INTERVAL_MONTHS = 3;

// decimal.js ships CommonJS typings for an ES module: its default export is the class itself.
const Decimal = DecimalDefault as unknown as typeof import('decimal.js').Decimal;
const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** amount × probability %, to the cent (half up). */
export function weightedAmount(amount: string, probability: number): string {
  return new Money(amount).times(probability).dividedBy(100).toFixed(2);
}

/**
 * The pipeline is the open opportunities: their amount, and their amount weighted by probability
 * (summed exactly, rounded once). Won and lost amounts are totalled apart.
 */
export function pipelineTotals(items: readonly { amount: string; probability: number; status: OpportunityStatus }[]): Pipeline {
  let openAmount = new Money(0);
  let weighted = new Money(0);
  let wonAmount = new Money(0);
  let lostAmount = new Money(0);
  let openCount = 0;
  for (const o of items) {
    const amount = new Money(o.amount);
    if (o.status === 'open') {
      openCount++;
      openAmount = openAmount.plus(amount);
      weighted = weighted.plus(amount.times(o.probability).dividedBy(100));
    } else if (o.status === 'won') wonAmount = wonAmount.plus(amount);
    else lostAmount = lostAmount.plus(amount);
  }
  return {
    openCount,
    openAmount: openAmount.toFixed(2),
    weighted: weighted.toFixed(2),
    wonAmount: wonAmount.toFixed(2),
    lostAmount: lostAmount.toFixed(2),
  };
}

const DAY = 86_400_000;
const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY);
}

/** The calendar day it is now in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `months` calendar months after `iso`; the 31st becomes the last day of a shorter month. */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Where the periodic review stands on `today`. */
export function reviewStatus(nextReviewDate: string | null, today: string): { state: ReviewState; daysLeft: number | null } {
  if (!nextReviewDate) return { state: 'unscheduled', daysLeft: null };
  const daysLeft = daysBetween(today, nextReviewDate);
  const state: ReviewState = daysLeft < 0 ? 'overdue' : daysLeft <= REVIEW_DUE_SOON_DAYS ? 'due_soon' : 'scheduled';
  return { state, daysLeft };
}

/** A long-term goal is overdue when its deadline has passed and it is not reached. */
export function goalOverdue(deadline: string, progress: number, today: string): boolean {
  return progress < 100 && deadline < today;
}
