import type { AccountTier } from '../accounts/accounts.contracts.js';
import type { Cadence, DueReason } from './contact-plan.contracts.js';

/**
 * The rules of the weekly plan (C2): when an account is due for contact, how urgent it is, and how
 * "Suggest my week" lays due accounts into free slots. Pure functions; the service feeds them facts.
 */

const DAY = 86_400_000;

export interface AccountFacts {
  accountId: string;
  name: string;
  tier: AccountTier;
  /** whole days since the last done visit-like interaction (meeting, visit, presentation, negotiation, training); null: never */
  daysSinceVisit: number | null;
  daysSinceCall: number | null;
  /** a visit-like / call item is already planned from now on */
  visitPlanned: boolean;
  callPlanned: boolean;
  unmetDecisionMakers: { contactId: string; name: string; daysSince: number | null }[];
  openComplaints: number;
  overdueDebt: { amount: string; currency: string } | null;
  renewals: { title: string; date: string }[];
}

export interface Due {
  accountId: string;
  name: string;
  tier: AccountTier;
  reasons: DueReason[];
  score: number;
  /** what kind of contact the reasons call for */
  contact: 'visit' | 'call';
}

const tierWeight: Record<AccountTier, number> = { key: 3, potential: 2, regular: 1 };

/** Overdue by how many cadences (0 when just due, capped), so long-forgotten accounts come first. */
function lateness(daysSince: number | null, every: number): number {
  if (daysSince === null) return 3;
  return Math.min(3, (daysSince - every) / every);
}

function reasonWeight(r: DueReason): number {
  switch (r.kind) {
    case 'visit_due':
      return 3 + lateness(r.daysSince, r.everyDays);
    case 'call_due':
      return 1.5 + lateness(r.daysSince, r.everyDays) / 2;
    case 'decision_maker_not_met':
      return 2;
    case 'open_complaints':
      return 3 + Math.min(r.count - 1, 3);
    case 'overdue_debt':
      return 2.5;
    case 'renewal':
      return 2;
  }
}

/** Why an account needs contact now, or null when it does not. */
export function dueFor(f: AccountFacts, cadence: Cadence | undefined): Due | null {
  const reasons: DueReason[] = [];
  const visitEvery = cadence?.visitEveryDays ?? null;
  const callEvery = cadence?.callEveryDays ?? null;
  if (visitEvery && !f.visitPlanned && (f.daysSinceVisit === null || f.daysSinceVisit >= visitEvery))
    reasons.push({ kind: 'visit_due', everyDays: visitEvery, daysSince: f.daysSinceVisit });
  // a visit also counts as contact for the call cadence
  const sinceAnyContact = minKnown(f.daysSinceCall, f.daysSinceVisit);
  if (callEvery && !f.callPlanned && !f.visitPlanned && (sinceAnyContact === null || sinceAnyContact >= callEvery))
    reasons.push({ kind: 'call_due', everyDays: callEvery, daysSince: f.daysSinceCall });
  for (const dm of f.unmetDecisionMakers.slice(0, 3))
    reasons.push({ kind: 'decision_maker_not_met', contactId: dm.contactId, name: dm.name, daysSince: dm.daysSince });
  if (f.openComplaints > 0) reasons.push({ kind: 'open_complaints', count: f.openComplaints });
  if (f.overdueDebt) reasons.push({ kind: 'overdue_debt', ...f.overdueDebt });
  for (const r of f.renewals) reasons.push({ kind: 'renewal', title: r.title, date: r.date });
  if (!reasons.length) return null;
  const score = Math.round(tierWeight[f.tier] * reasons.reduce((s, r) => s + reasonWeight(r), 0) * 100) / 100;
  const inPerson = reasons.some((r) => r.kind === 'visit_due' || r.kind === 'decision_maker_not_met');
  return { accountId: f.accountId, name: f.name, tier: f.tier, reasons, score, contact: inPerson ? 'visit' : 'call' };
}

function minKnown(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Most urgent first; equal scores by name, so the list is stable. */
export function byUrgency(a: Due, b: Due): number {
  return b.score - a.score || a.name.localeCompare(b.name);
}

export interface Slot {
  /** minutes after midnight, company wall clock */
  minute: number;
  duration: number;
}

/** The day's slots for visits and for calls: visits mid-morning and afternoon, calls around them. */
export const visitSlots: Slot[] = [
  { minute: 10 * 60, duration: 60 },
  { minute: 13 * 60, duration: 60 },
  { minute: 15 * 60 + 30, duration: 60 },
];
export const callSlots: Slot[] = [9 * 60, 9 * 60 + 20, 9 * 60 + 40, 17 * 60, 17 * 60 + 20, 17 * 60 + 40].map((minute) => ({
  minute,
  duration: 15,
}));

export interface Busy {
  start: number;
  end: number;
}

export interface SuggestInput {
  due: Due[];
  /** the working days to fill (ISO dates), in order */
  days: string[];
  /** the instant a wall-clock minute of a day starts (company time zone) */
  at: (day: string, minute: number) => number;
  /** what is already on the calendar (epoch ms) */
  busy: Busy[];
  /** nothing is suggested before this instant (epoch ms) */
  notBefore: number;
}

export interface Suggested {
  due: Due;
  type: 'visit' | 'call';
  start: number;
  duration: number;
}

const overlaps = (a: Busy, b: Busy) => a.start < b.end && b.start < a.end;

/**
 * Lays the due accounts, most urgent first, into free slots of the week: each account once, visits
 * spread over the days (the emptiest day first), never over something already planned, never in the past.
 */
export function suggestWeek(input: SuggestInput): Suggested[] {
  const busy = [...input.busy];
  const perDay = new Map(input.days.map((d) => [d, 0]));
  const out: Suggested[] = [];
  const free = (day: string, slot: Slot): Busy | null => {
    const start = input.at(day, slot.minute);
    const b = { start, end: start + slot.duration * 60_000 };
    if (start < input.notBefore || busy.some((x) => overlaps(x, b))) return null;
    return b;
  };
  for (const due of [...input.due].sort(byUrgency)) {
    const slots = due.contact === 'visit' ? visitSlots : callSlots;
    // the day with the fewest suggestions first, then the earliest
    const days = [...input.days].sort((a, b) => (perDay.get(a) ?? 0) - (perDay.get(b) ?? 0) || a.localeCompare(b));
    let placed: Busy | null = null;
    let slotUsed: Slot | null = null;
    for (const day of days) {
      for (const slot of slots) {
        placed = free(day, slot);
        if (placed) {
          slotUsed = slot;
          perDay.set(day, (perDay.get(day) ?? 0) + 1);
          break;
        }
      }
      if (placed) break;
    }
    if (!placed || !slotUsed) continue;
    busy.push(placed);
    out.push({ due, type: due.contact, start: placed.start, duration: slotUsed.duration });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whole days between two instants by the company calendar days they fall on. */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY);
}

/**
 * The working days of the week of `weekStart` (any day of it: its Monday is used): the days the
 * company calendar works (`works`), Monday to Friday when none is given.
 */
export function workingDaysOfWeek(weekStart: string, works: (day: string, isoWeekday: number) => boolean = (_d, w) => w <= 5): string[] {
  const d = new Date(`${weekStart}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  return [0, 1, 2, 3, 4, 5, 6]
    .map((i) => ({ day: new Date(monday.getTime() + i * DAY).toISOString().slice(0, 10), weekday: i + 1 }))
    .filter((x) => works(x.day, x.weekday))
    .map((x) => x.day);
}

/** done ÷ (planned − upcoming) in percent with one decimal; null when nothing was due yet. */
export function adherencePct(planned: number, done: number, upcoming: number): number | null {
  const due = planned - upcoming;
  if (due <= 0) return null;
  return Math.round((done / due) * 1000) / 10;
}
