import { Exact, median } from './exact.js';
import type { KpiFigures } from './kpi.contracts.js';
import type { Period, RawFacts } from './kpi.facts.js';

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The previous period of equal length (kpi.md): [from − L, from − 1]. */
export function previousPeriod(from: string, to: string): { prevFrom: string; prevTo: string } {
  const length = dayNumber(to) - dayNumber(from) + 1;
  return { prevFrom: isoOf(dayNumber(from) - length), prevTo: isoOf(dayNumber(from) - 1) };
}

/** The days of the month starting on `monthStart` that fall inside [from, to], and its length. */
export function monthOverlap(monthStart: string, from: string, to: string): { inside: number; days: number } {
  const first = dayNumber(monthStart);
  const d = new Date(first * DAY);
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
  const inside = Math.max(0, Math.min(next - 1, dayNumber(to)) - Math.max(first, dayNumber(from)) + 1);
  return { inside, days: next - first };
}

/** Σ target(m) × (days of m inside P) / (days in m), exact. */
export function proratedPlan(plans: RawFacts['plans'], from: string, to: string): Exact {
  return plans.reduce((sum, p) => {
    const { inside, days } = monthOverlap(p.month, from, to);
    return sum.add(Exact.decimal(p.target).mul(Exact.of(inside, days)));
  }, Exact.ZERO);
}

const ratio = (a: Exact, b: Exact) => (b.isZero() ? null : a.div(b));
const growth = (x: Exact, prev: Exact) => (prev.isZero() ? null : x.sub(prev).div(prev.abs()).mul(Exact.of(100)));
const money = (x: Exact) => x.round(2);
const rate = (x: Exact | null) => (x ? x.round(4) : null);
const pct = (x: Exact | null) => (x ? x.round(2) : null);

/** The figures of kpi.md from what the database counted, every one rounded once, here. */
export function figuresOf(f: RawFacts, p: Pick<Period, 'from' | 'to'>): KpiFigures {
  const base = Exact.of(f.start_base);
  const churned = Exact.of(f.churned);
  const revenue = Exact.decimal(f.revenue);
  const margin = Exact.decimal(f.margin);
  const revenuePrev = Exact.decimal(f.revenue_prev);
  const marginPrev = Exact.decimal(f.margin_prev);
  const plan = proratedPlan(f.plans, p.from, p.to);
  const outstanding = Exact.decimal(f.receivables_outstanding);
  const overdue = Exact.decimal(f.receivables_overdue);
  const responseHours = median(f.response_seconds.map((s) => BigInt(s)))?.div(Exact.of(3600)) ?? null;
  return {
    start_base: f.start_base,
    churned: f.churned,
    retention_rate: rate(ratio(base.sub(churned), base)),
    churn_rate: rate(ratio(churned, base)),
    new_clients: f.new_clients,
    active_clients_end: f.active_clients_end,
    upsell_pairs: f.upsell_pairs,
    additional_services: f.additional_services,
    meetings: f.meetings,
    calls: f.calls,
    revenue: money(revenue),
    margin: money(margin),
    revenue_prev: money(revenuePrev),
    margin_prev: money(marginPrev),
    revenue_growth_pct: pct(growth(revenue, revenuePrev)),
    margin_growth_pct: pct(growth(margin, marginPrev)),
    revenue_plan: money(plan),
    plan_fulfilment_pct: pct(plan.isZero() ? null : revenue.div(plan).mul(Exact.of(100))),
    receivables_outstanding: money(outstanding),
    receivables_overdue: money(overdue),
    overdue_share: rate(ratio(overdue, outstanding)),
    complaints: f.complaints,
    complaints_justified: f.complaints_justified,
    first_response_median_hours: responseHours ? responseHours.round(2) : null,
  };
}
