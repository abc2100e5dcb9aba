import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { addComplaint, addInteraction, addInvoice } from '../../../test/helpers/commercial.js';
import { makeAccount, makeContact, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { companyDay } from '../absences/absences.service.js';
import type { Adherence, Cadences, Coverage, DueList, Suggestions, Week } from './contact-plan.contracts.js';

let t: TestApp;
let head: TestUser;
let senior: TestUser;
let kam: TestUser;
let stranger: TestUser;
let kamS: Session;
const accounts = {} as Record<'fresh' | 'forgotten' | 'never' | 'regular' | 'strangers', { id: string; name: string }>;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);
/** Monday of next week, so every suggested slot is in the future */
const nextMonday = (() => {
  const d = new Date();
  return date(d.getTime() + ((8 - d.getUTCDay()) % 7 || 7) * DAY);
})();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  head = await makeUser(db, { role: 'head' });
  senior = await makeUser(db, { role: 'senior_kam', managerId: head.id });
  kam = await makeUser(db, { role: 'kam', managerId: senior.id });
  stranger = await makeUser(db, { role: 'kam' });
  // key accounts: fresh (visited yesterday, called today), forgotten (visited 40 days ago), never contacted
  accounts.fresh = await makeAccount(db, { ownerId: kam.id, tier: 'key', name: 'Fresh Foods' });
  accounts.forgotten = await makeAccount(db, { ownerId: kam.id, tier: 'key', name: 'Forgotten Farms' });
  accounts.never = await makeAccount(db, { ownerId: kam.id, tier: 'key', name: 'Never Met' });
  accounts.regular = await makeAccount(db, { ownerId: kam.id, tier: 'regular', name: 'Regular Retail' });
  accounts.strangers = await makeAccount(db, { ownerId: stranger.id, tier: 'key', name: 'Stranger Stores' });
  await addInteraction(db, { accountId: accounts.fresh.id, userId: kam.id, type: 'visit', occurredAt: iso(Date.now() - DAY) });
  await addInteraction(db, { accountId: accounts.fresh.id, userId: kam.id, type: 'call', occurredAt: iso(Date.now() - 60_000) });
  await addInteraction(db, { accountId: accounts.forgotten.id, userId: kam.id, type: 'visit', occurredAt: iso(Date.now() - 40 * DAY) });
  await addInteraction(db, { accountId: accounts.regular.id, userId: kam.id, type: 'call', occurredAt: iso(Date.now() - 10 * DAY) });
  // the regular account has a complaint open and overdue debt, the fresh one a decision maker never met
  await addComplaint(db, { accountId: accounts.regular.id, receivedAt: iso(Date.now() - 3 * DAY) });
  await addInvoice(db, {
    accountId: accounts.regular.id,
    issueDate: date(Date.now() - 60 * DAY),
    dueDate: date(Date.now() - 30 * DAY),
    amount: '1500.00',
  });
  await makeContact(db, { accountId: accounts.fresh.id, fullName: 'Olga Director', patch: { buyingRole: 'decision_maker' } });
  kamS = await signedIn(t.app, kam);
});
afterAll(() => t.close());

async function ok<T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>): Promise<T> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('what is due (C2)', () => {
  it('lists the accounts past their cadence and the other reasons, the most urgent first, never a hidden account', async () => {
    const due = await ok<DueList>(kamS.get('/api/plan/due'));
    const byName = Object.fromEntries(due.items.map((d) => [d.account.name, d.reasons.map((r) => r.kind)]));
    expect(byName).toEqual({
      'Never Met': ['visit_due', 'call_due'],
      'Forgotten Farms': ['visit_due', 'call_due'],
      'Fresh Foods': ['decision_maker_not_met'],
      'Regular Retail': ['open_complaints', 'overdue_debt'],
    });
    expect(due.items[0]?.account.name).toBe('Never Met');
    const debt = due.items.find((d) => d.account.name === 'Regular Retail')?.reasons.find((r) => r.kind === 'overdue_debt');
    expect(debt).toEqual({ kind: 'overdue_debt', amount: '1500.00', currency: 'RUB' });
  });

  it('follows the cadence the head sets, and refuses it from a KAM', async () => {
    expect((await kamS.put('/api/plan/cadences', { items: [{ tier: 'key', visitEveryDays: 60, callEveryDays: null }] })).statusCode).toBe(
      403,
    );
    const h = await signedIn(t.app, head);
    const saved = await ok<Cadences>(h.put('/api/plan/cadences', { items: [{ tier: 'key', visitEveryDays: 60, callEveryDays: null }] }));
    expect(saved.items.find((c) => c.tier === 'key')).toEqual({ tier: 'key', visitEveryDays: 60, callEveryDays: null });
    const due = await ok<DueList>(kamS.get('/api/plan/due'));
    expect(due.items.map((d) => d.account.name)).not.toContain('Forgotten Farms');
    await ok(h.put('/api/plan/cadences', { items: [{ tier: 'key', visitEveryDays: 14, callEveryDays: 7 }] }));
  });
});

describe('suggest my week, then plan vs done', () => {
  it('suggests visits and calls in free weekday slots, adds them in one go, and they no longer come up as due', async () => {
    const s = await ok<Suggestions>(kamS.post('/api/plan/suggest', { weekStart: nextMonday }));
    expect(s.items.map((i) => [i.account.name, i.type]).sort()).toEqual([
      ['Forgotten Farms', 'visit'],
      ['Fresh Foods', 'visit'],
      ['Never Met', 'visit'],
      ['Regular Retail', 'call'],
    ]);
    for (const i of s.items) {
      const day = new Date(i.occurredAt).getUTCDay();
      expect(day >= 1 && day <= 5).toBe(true);
    }
    const accepted = await ok<{ ids: string[] }>(
      kamS.post('/api/plan/accept', { items: s.items.map((i) => ({ accountId: i.account.id, type: i.type, occurredAt: i.occurredAt })) }),
    );
    expect(accepted.ids).toHaveLength(4);
    const week = await ok<Week>(kamS.get(`/api/plan/week?from=${nextMonday}&to=${date(Date.parse(nextMonday) + 6 * DAY)}`));
    expect(week.items.map((i) => [i.status, i.origin])).toEqual(Array(4).fill(['planned', 'plan']));
    expect(week.canPlan).toBe(true);
    const due = await ok<DueList>(kamS.get('/api/plan/due'));
    expect(due.items.find((d) => d.account.name === 'Never Met')).toBeUndefined();
    // a second suggestion never double-books the accepted slots
    const again = await ok<Suggestions>(kamS.post('/api/plan/suggest', { weekStart: nextMonday }));
    const taken = new Set(s.items.map((i) => i.occurredAt));
    expect(again.items.filter((i) => taken.has(i.occurredAt))).toEqual([]);
  });

  it('gives the senior and the head adherence per KAM; a KAM sees only their own row', async () => {
    const now = Date.now();
    const mk = async (hoursAgo: number) => {
      const res = await kamS.post('/api/interactions', {
        accountId: accounts.fresh.id,
        type: 'call',
        status: 'planned',
        occurredAt: iso(now - hoursAgo * 3_600_000),
      });
      return (res.json() as { id: string }).id;
    };
    const [a, b, c] = [await mk(5), await mk(4), await mk(3)];
    await ok(kamS.post(`/api/interactions/${a}/complete`, { outcome: 'Fine' }));
    await ok(kamS.post(`/api/interactions/${b}/cancel`, { reason: 'Buyer ill' }));
    void c; // missed: its time passed, neither done nor cancelled
    await ok(
      kamS.post('/api/interactions', { accountId: accounts.fresh.id, type: 'visit', status: 'done', occurredAt: iso(now - 2 * 3_600_000) }),
    );
    const from = date(now - 2 * DAY);
    // up to today: next week's accepted items stay out whatever the weekday
    const to = date(now);
    const seniorView = await ok<Adherence>((await signedIn(t.app, senior)).get(`/api/plan/adherence?from=${from}&to=${to}`));
    const row = seniorView.rows.find((r) => r.user.id === kam.id);
    expect(row).toMatchObject({ planned: 3, done: 1, cancelled: 1, missed: 1, upcoming: 0, offPlan: 1, adherencePct: 33.3 });
    expect(seniorView.rows.map((r) => r.user.id)).not.toContain(stranger.id);
    const headView = await ok<Adherence>((await signedIn(t.app, head)).get(`/api/plan/adherence?from=${from}&to=${to}`));
    expect(headView.rows.map((r) => r.user.id)).toEqual(expect.arrayContaining([kam.id, stranger.id, senior.id]));
    const own = await ok<Adherence>(kamS.get(`/api/plan/adherence?from=${from}&to=${to}`));
    expect(own.rows.map((r) => r.user.id)).toEqual([kam.id]);
  });
});

describe('coverage and whose plan one may see', () => {
  it('lists key accounts without contact for N days, never contacted first', async () => {
    const h = await signedIn(t.app, head);
    const cov = await ok<Coverage>(h.get('/api/plan/coverage?days=30&tier=key'));
    const names = cov.rows.map((r) => r.account.name);
    expect(names.slice(0, 2)).toEqual(['Stranger Stores', 'Never Met'].sort((x, y) => x.localeCompare(y)));
    expect(names).toContain('Forgotten Farms');
    expect(names).not.toContain('Fresh Foods');
    expect(cov.rows.find((r) => r.account.name === 'Forgotten Farms')?.daysSince).toBeGreaterThanOrEqual(39);
    const mine = await ok<Coverage>(kamS.get('/api/plan/coverage?days=30'));
    expect(mine.rows.map((r) => r.account.name)).not.toContain('Stranger Stores');
  });

  it('shows a senior their junior’s week read-only and refuses a stranger’s', async () => {
    const s = await signedIn(t.app, senior);
    const range = `from=${nextMonday}&to=${date(Date.parse(nextMonday) + 6 * DAY)}`;
    const w = await ok<Week>(s.get(`/api/plan/week?userId=${kam.id}&${range}`));
    expect(w.canPlan).toBe(false);
    expect(w.items.length).toBeGreaterThan(0);
    const refused = await s.get(`/api/plan/week?userId=${stranger.id}&${range}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PLAN_PERSON_NOT_VISIBLE');
    const tooLong = await kamS.get(`/api/plan/week?from=2026-01-01&to=2026-06-01`);
    expect(tooLong.json().error.code).toBe('PLAN_RANGE_TOO_LONG');
  });
});

describe('a deputy plans for the colleague they cover (B3)', () => {
  it('accepts suggestions into the absent colleague’s plan inside the window, and is refused once the absence ends', async () => {
    const db = t.database.db;
    const away = await makeUser(db, { role: 'kam', managerId: senior.id, name: 'Alla Away' });
    const deputy = await makeUser(db, { role: 'kam', managerId: senior.id, name: 'Dmitry Deputy' });
    const account = await makeAccount(db, { ownerId: away.id, tier: 'key', name: 'Covered Cafe' });
    const awayS = await signedIn(t.app, away);
    const deputyS = await signedIn(t.app, deputy);
    const today = await companyDay(db);
    const absence = await awayS.post('/api/absences', { kind: 'vacation', deputyId: deputy.id, firstDay: today, lastDay: nextMonday });
    expect(absence.statusCode, absence.body).toBe(200);

    const range = `from=${nextMonday}&to=${date(Date.parse(nextMonday) + 6 * DAY)}`;
    const before = await ok<Week>(deputyS.get(`/api/plan/week?userId=${away.id}&${range}`));
    expect(before.canPlan).toBe(true);
    const s = await ok<Suggestions>(deputyS.post('/api/plan/suggest', { weekStart: nextMonday, userId: away.id }));
    const mine = s.items.filter((i) => i.account.id === account.id);
    expect(mine.length).toBeGreaterThan(0);
    const body = { userId: away.id, items: mine.map((i) => ({ accountId: i.account.id, type: i.type, occurredAt: i.occurredAt })) };
    const accepted = await ok<{ ids: string[] }>(deputyS.post('/api/plan/accept', body));
    expect(accepted.ids).toHaveLength(mine.length);
    // the items are the absent colleague's, not the deputy's
    const theirs = await ok<Week>(awayS.get(`/api/plan/week?${range}`));
    expect(theirs.items.filter((i) => i.account.id === account.id).map((i) => [i.status, i.origin])).toEqual(
      Array(mine.length).fill(['planned', 'plan']),
    );
    const deputysOwn = await ok<Week>(deputyS.get(`/api/plan/week?${range}`));
    expect(deputysOwn.items).toEqual([]);

    const ended = await awayS.post(`/api/absences/${absence.json().id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    const later = mine.map((i) => ({ accountId: i.account.id, type: i.type, occurredAt: iso(Date.parse(i.occurredAt) + 3_600_000) }));
    const refused = await deputyS.post('/api/plan/accept', { userId: away.id, items: later });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('INTERACTION_OWNER_NOT_ALLOWED');
    const after = await ok<Week>(awayS.get(`/api/plan/week?${range}`));
    expect(after.items.filter((i) => i.account.id === account.id)).toHaveLength(mine.length);
  });
});
