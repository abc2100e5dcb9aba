import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cadence } from './contact-plan.contracts.js';
import { type AccountFacts, adherencePct, type Due, dueFor, suggestWeek, visitSlots, workingDaysOfWeek } from './contact-plan.rules.js';

const key: Cadence = { tier: 'key', visitEveryDays: 14, callEveryDays: 7 };
const facts = (over: Partial<AccountFacts> = {}): AccountFacts => ({
  accountId: 'a',
  name: 'Alfa',
  tier: 'key',
  daysSinceVisit: 3,
  daysSinceCall: 2,
  visitPlanned: false,
  callPlanned: false,
  unmetDecisionMakers: [],
  openComplaints: 0,
  overdueDebt: null,
  renewals: [],
  ...over,
});
const kinds = (d: Due | null) => d?.reasons.map((r) => r.kind) ?? [];

describe('when an account is due for contact', () => {
  it('is due for a visit on the day its cadence runs out, not the day before', () => {
    expect(kinds(dueFor(facts({ daysSinceVisit: 13 }), key))).toEqual([]);
    expect(kinds(dueFor(facts({ daysSinceVisit: 14 }), key))).toEqual(['visit_due']);
  });

  it('is due for a visit when it was never visited', () => {
    const due = dueFor(facts({ daysSinceVisit: null }), key);
    expect(due?.reasons[0]).toEqual({ kind: 'visit_due', everyDays: 14, daysSince: null });
    expect(due?.contact).toBe('visit');
  });

  it('counts a recent visit as contact for the call cadence', () => {
    expect(kinds(dueFor(facts({ daysSinceCall: 30, daysSinceVisit: 2 }), key))).toEqual([]);
    expect(kinds(dueFor(facts({ daysSinceCall: 7, daysSinceVisit: 8 }), key))).toEqual(['call_due']);
  });

  it('is not due when the contact is already planned', () => {
    expect(dueFor(facts({ daysSinceVisit: 40, daysSinceCall: 40, visitPlanned: true }), key)).toBeNull();
    expect(kinds(dueFor(facts({ daysSinceVisit: 40, daysSinceCall: 40, callPlanned: true }), key))).toEqual(['visit_due']);
  });

  it('has no cadence reasons for a tier without a cadence', () => {
    expect(dueFor(facts({ tier: 'regular', daysSinceVisit: null, daysSinceCall: null }), undefined)).toBeNull();
  });

  it('calls for a visit to meet a decision maker and a call for debt or complaints', () => {
    const dm = dueFor(facts({ unmetDecisionMakers: [{ contactId: 'c', name: 'Ivan', daysSince: null }] }), key);
    expect(dm?.contact).toBe('visit');
    const debt = dueFor(facts({ overdueDebt: { amount: '1200.00', currency: 'RUB' }, openComplaints: 2 }), key);
    expect(kinds(debt)).toEqual(['open_complaints', 'overdue_debt']);
    expect(debt?.contact).toBe('call');
  });

  it('ranks a key account above a regular one with the same reasons, and a long-forgotten one higher', () => {
    const regular = dueFor(facts({ tier: 'regular', daysSinceVisit: 20 }), { ...key, tier: 'regular' });
    const keyDue = dueFor(facts({ daysSinceVisit: 20 }), key);
    const forgotten = dueFor(facts({ daysSinceVisit: 60 }), key);
    expect(keyDue!.score).toBeGreaterThan(regular!.score);
    expect(forgotten!.score).toBeGreaterThan(keyDue!.score);
  });
});

describe('suggest my week', () => {
  const days = workingDaysOfWeek('2026-11-30');
  const at = (day: string, minute: number) => Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  const due = (n: number, contact: 'visit' | 'call' = 'visit'): Due[] =>
    Array.from({ length: n }, (_, i) => ({
      accountId: `a${i}`,
      name: `Account ${String(i).padStart(3, '0')}`,
      tier: 'key',
      reasons: [],
      score: 100 - i,
      contact,
    }));

  it('works Monday to Friday of the week of any of its days', () => {
    expect(workingDaysOfWeek('2026-12-03')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(workingDaysOfWeek('2026-12-06')).toEqual(days);
    // the company calendar decides: 4 November 2026 is a holiday, a Saturday may be a working day
    const works = (day: string, weekday: number) => (day === '2026-11-07' ? true : day !== '2026-11-04' && weekday <= 5);
    expect(workingDaysOfWeek('2026-11-02', works)).toEqual(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06', '2026-11-07']);
  });

  it('spreads visits over the days, most urgent first on the earliest day', () => {
    const out = suggestWeek({ due: due(5), days, at, busy: [], notBefore: 0 });
    expect(new Set(out.map((s) => new Date(s.start).toISOString().slice(0, 10))).size).toBe(5);
    expect(out[0]?.due.accountId).toBe('a0');
  });

  it('never books over what is planned and never in the past', () => {
    const busy = [{ start: at(days[0]!, 600), end: at(days[0]!, 660) }];
    const out = suggestWeek({ due: due(3), days, at, busy, notBefore: at(days[1]!, 0) });
    for (const s of out) {
      expect(s.start).toBeGreaterThanOrEqual(at(days[1]!, 0));
      expect(s.start >= busy[0]!.end || s.start + s.duration * 60_000 <= busy[0]!.start).toBe(true);
    }
  });

  it('stops when the week is full, and suggests each account once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (visits, calls) => {
        const list = [...due(visits, 'visit'), ...due(calls, 'call').map((d) => ({ ...d, accountId: `c${d.accountId}` }))];
        const out = suggestWeek({ due: list, days, at, busy: [], notBefore: 0 });
        const ids = out.map((s) => s.due.accountId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(out.filter((s) => s.type === 'visit').length).toBe(Math.min(visits, days.length * visitSlots.length));
        for (let i = 0; i < out.length; i++)
          for (let j = i + 1; j < out.length; j++) {
            const a = out[i]!;
            const b = out[j]!;
            expect(a.start + a.duration * 60_000 <= b.start || b.start + b.duration * 60_000 <= a.start).toBe(true);
          }
      }),
    );
  });
});

describe('plan adherence', () => {
  it('is done over what was due, leaving out what is still ahead', () => {
    expect(adherencePct(10, 7, 0)).toBe(70);
    expect(adherencePct(10, 6, 2)).toBe(75);
    expect(adherencePct(3, 0, 3)).toBeNull();
    expect(adherencePct(3, 1, 0)).toBe(33.3);
  });
});
