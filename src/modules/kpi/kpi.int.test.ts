import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import {
  addComplaint,
  addInteraction,
  addInvoice,
  addLine,
  addReturn,
  makeProduct,
  setTarget,
  transfer,
} from '../../../test/helpers/commercial.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { runCli } from '../../../test/helpers/server.js';
import type { DrillResult, KpiFigures, KpiReport } from './kpi.contracts.js';

/*
 * Hand-made cases of kpi.md in a company whose time zone is UTC−2 (America/Noronha, no summer time).
 * Q1 2026 is the period: P = [2026-01-01, 2026-03-31], L = 90, previous = [2025-10-03, 2025-12-31],
 * W = 90, so "active on from − 1" means an order in [2025-10-03, 2025-12-31] and "active on to" one in
 * [2026-01-01, 2026-03-31]. Every expected figure below is worked out by hand in the comments.
 */

let t: TestApp;
let head: Session;
let ann: TestUser;
let bob: TestUser;
let cat: TestUser;
let dan: TestUser;
let a1: string;
let a1Line: { orderId: string; lineNo: number };
const Q1 = 'from=2026-01-01&to=2026-03-31';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await db.execute(sql`UPDATE company SET time_zone = 'America/Noronha', currency = 'RUB'`);
  const senior = await makeUser(db, { role: 'senior_kam', name: 'Sam Senior' });
  ann = await makeUser(db, { role: 'kam', name: 'Ann Lee', managerId: senior.id });
  bob = await makeUser(db, { role: 'kam', name: 'Bob Roe' });
  cat = await makeUser(db, { role: 'kam', name: 'Cat Plan-only' });
  dan = await makeUser(db, { role: 'kam', name: 'Dan Calls-only' });
  await makeUser(db, { role: 'kam', name: 'Eve Nothing' });
  head = await signedIn(t.app, await makeUser(db, { role: 'head' }));

  const p1 = await makeProduct(db, { unitCost: '6' });
  const p2 = await makeProduct(db, { unitCost: '10' });
  const s1 = await makeProduct(db, { type: 'service', unitCost: '0' });
  const line = (
    accountId: string,
    productId: string,
    date: string,
    quantity: string,
    unitPrice: string,
    unitCost: string,
    discountPct = '0',
  ) => addLine(db, { accountId, productId, date, quantity, unitPrice, unitCost, discountPct });

  // A1 (Ann): a customer before Q1; in Q1 45 (5 × 10 less 10 %) + a first service 50; 2 units returned in Q2
  a1 = (await makeAccount(db, { ownerId: ann.id, name: 'A1' })).id;
  await line(a1, p1.id, '2025-12-10', '10', '10', '6');
  a1Line = await line(a1, p1.id, '2026-02-01', '5', '10', '6', '10');
  await line(a1, s1.id, '2026-02-01', '1', '50', '0');
  await addReturn(db, { ...a1Line, date: '2026-04-10', quantity: '2' });
  // A2: Ann's until Bob takes it on the first day of Q1
  const a2 = (await makeAccount(db, { ownerId: ann.id, name: 'A2' })).id;
  await transfer(db, a2, bob.id, '2026-01-01');
  await line(a2, p1.id, '2025-11-15', '10', '10', '6');
  await line(a2, p2.id, '2026-01-01', '2', '100', '10');
  // A3: Ann's until Bob takes it on the last day of Q1
  const a3 = (await makeAccount(db, { ownerId: ann.id, name: 'A3' })).id;
  await line(a3, p1.id, '2025-12-20', '1', '100', '6');
  await line(a3, p1.id, '2026-03-31', '1', '100', '6');
  await transfer(db, a3, bob.id, '2026-03-31');
  // A4: Ann's, marked lost in Q1 and still ordering
  const a4 = (await makeAccount(db, { ownerId: ann.id, name: 'A4', patch: { status: 'lost', lostDate: '2026-02-15' } })).id;
  await line(a4, p1.id, '2025-12-01', '1', '10', '6');
  await line(a4, p1.id, '2026-03-01', '1', '10', '6');
  // A5: Bob's, ordered in October and never again
  const a5 = (await makeAccount(db, { ownerId: bob.id, name: 'A5' })).id;
  await line(a5, p1.id, '2025-10-05', '1', '10', '6');
  // A6: Bob's new client in March; a cancelled line counts for nothing
  const a6 = (await makeAccount(db, { ownerId: bob.id, name: 'A6' })).id;
  await line(a6, p1.id, '2026-03-10', '3', '10', '6');
  await addLine(db, {
    accountId: a6,
    productId: p2.id,
    date: '2026-03-11',
    quantity: '9',
    unitPrice: '999',
    unitCost: '1',
    status: 'cancelled',
  });
  // A7: nobody's until Ann takes it on 1 February; its first order (20 January) has no owner
  const a7 = (await makeAccount(db, { ownerId: ann.id, name: 'A7' })).id;
  await db.execute(sql`DELETE FROM account_owners WHERE account_id = ${a7}`);
  await transfer(db, a7, ann.id, '2026-02-01');
  await line(a7, p1.id, '2026-01-20', '1', '20', '6');

  // receivables at 2026-03-31
  await addInvoice(db, {
    accountId: a1,
    issueDate: '2026-02-01',
    dueDate: '2026-03-01',
    amount: '95.00',
    payments: [{ date: '2026-04-05', amount: '95.00' }],
  });
  await addInvoice(db, {
    accountId: a1,
    issueDate: '2026-03-20',
    dueDate: '2026-04-19',
    amount: '40.00',
    payments: [{ date: '2026-03-25', amount: '15.00' }],
  });
  await addInvoice(db, {
    accountId: a2,
    issueDate: '2026-01-05',
    dueDate: '2026-02-04',
    amount: '200.00',
    payments: [{ date: '2026-02-01', amount: '200.00' }],
  });
  await addInvoice(db, { accountId: a3, issueDate: '2026-03-31', dueDate: '2026-03-31', amount: '100.00' });
  await addInvoice(db, { accountId: a5, issueDate: '2026-04-01', dueDate: '2026-05-01', amount: '70.00' });

  // interactions count for the user, on their date in the company's time zone
  const meet = (userId: string, type: string, occurredAt: string, status = 'done') =>
    addInteraction(db, { accountId: a1, userId, type, status, occurredAt });
  await meet(ann.id, 'meeting', '2026-01-10T10:00:00-02:00');
  await meet(ann.id, 'visit', '2026-03-31T23:30:00-02:00'); // 1 April in UTC, 31 March here
  await meet(ann.id, 'call', '2026-01-01T00:30:00-02:00');
  await meet(ann.id, 'call', '2025-12-31T23:30:00-02:00'); // 1 January in UTC, 31 December here
  await meet(ann.id, 'email', '2026-01-11T10:00:00-02:00');
  await meet(ann.id, 'meeting', '2026-01-12T10:00:00-02:00', 'planned');
  await meet(ann.id, 'training', '2026-02-02T10:00:00-02:00');
  await meet(dan.id, 'call', '2026-02-10T10:00:00-02:00');

  // complaints count for the owner on their date here; first response in whole seconds
  await addComplaint(db, {
    accountId: a1,
    receivedAt: '2026-03-31T23:30:00-02:00',
    firstResponseAt: '2026-04-01T01:30:00-02:00',
    justified: true,
  });
  await addComplaint(db, {
    accountId: a1,
    receivedAt: '2026-01-01T01:00:00-02:00',
    firstResponseAt: '2026-01-01T06:00:00-02:00',
    justified: false,
  });
  await addComplaint(db, { accountId: a1, receivedAt: '2025-12-31T23:00:00-02:00', firstResponseAt: '2026-01-01T00:00:00-02:00' });
  await addComplaint(db, { accountId: a2, receivedAt: '2026-02-10T12:00:00-02:00' });

  for (const m of ['2026-01', '2026-02', '2026-03']) await setTarget(db, ann.id, m, '1000');
  await setTarget(db, cat.id, '2026-02', '500');
});
afterAll(() => t.close());

async function report(query: string): Promise<KpiReport> {
  const res = await head.get(`/api/kpi?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as KpiReport;
}
const figuresOf = (r: KpiReport, u: TestUser) => r.managers.find((m) => m.manager === u.email) as KpiFigures;

describe('the KPI report of Q1', () => {
  it('lists the managers who owned, planned or met in the period, by e-mail', async () => {
    const r = await report(Q1);
    expect(r).toMatchObject({ from: '2026-01-01', to: '2026-03-31', activity_window_days: 90, currency: 'RUB' });
    expect(r.managers.map((m) => m.manager)).toEqual([ann, bob, cat, dan].map((u) => u.email).sort());
    expect(r.managers.find((m) => m.manager === ann.email)?.name).toBe('Ann Lee');
  });

  it("counts Ann's figures", async () => {
    expect(figuresOf(await report(Q1), ann)).toMatchObject({
      // S = {A1, A3, A4}; A3 goes to Bob on 31 March, so S' = {A1, A4}; A4 is marked lost in Q1
      start_base: 2,
      churned: 1,
      retention_rate: 0.5,
      churn_rate: 0.5,
      // A7's first order fell on a day without an owner
      new_clients: 0,
      // A1, A4 (lost, yet ordering) and A7 are hers on 31 March and active
      active_clients_end: 3,
      upsell_pairs: 1,
      additional_services: 1,
      meetings: 3,
      calls: 1,
      // 45 + 50 + 10; margin (45 − 30) + 50 + (10 − 6)
      revenue: 105,
      margin: 69,
      // A1 100, A2 100 (hers then), A3 100, A4 10; margins 40 + 40 + 94 + 4
      revenue_prev: 310,
      margin_prev: 178,
      revenue_growth_pct: -66.13,
      margin_growth_pct: -61.24,
      revenue_plan: 3000,
      plan_fulfilment_pct: 3.5,
      // 95 paid after the period + 25 left of 40; 95 is past due
      receivables_outstanding: 120,
      receivables_overdue: 95,
      overdue_share: 0.7917,
      // 23:30 on 31 March and 01:00 on 1 January here; 23:00 on 31 December is not in Q1
      complaints: 2,
      complaints_justified: 1,
      first_response_median_hours: 3.5,
    });
  });

  it("counts Bob's figures", async () => {
    expect(figuresOf(await report(Q1), bob)).toMatchObject({
      // S = {A2 (his from the first day), A5}; A5 has no order in the window
      start_base: 2,
      churned: 1,
      retention_rate: 0.5,
      new_clients: 1,
      active_clients_end: 3,
      upsell_pairs: 1,
      additional_services: 0,
      meetings: 0,
      calls: 0,
      // A2 200, A3 on its last day 100, A6 30
      revenue: 330,
      margin: 286,
      revenue_prev: 10,
      margin_prev: 4,
      revenue_growth_pct: 3200,
      margin_growth_pct: 7050,
      revenue_plan: 0,
      plan_fulfilment_pct: null,
      // A3's invoice, due on the last day: not overdue
      receivables_outstanding: 100,
      receivables_overdue: 0,
      overdue_share: 0,
      complaints: 1,
      complaints_justified: 0,
      first_response_median_hours: null,
    });
  });

  it('gives nulls where a ratio has nothing to divide by', async () => {
    const r = await report(Q1);
    expect(figuresOf(r, dan)).toMatchObject({
      calls: 1,
      start_base: 0,
      retention_rate: null,
      churn_rate: null,
      revenue_growth_pct: null,
      overdue_share: null,
    });
    expect(figuresOf(r, cat)).toMatchObject({ revenue_plan: 500, plan_fulfilment_pct: 0 });
  });

  it('counts the company total without the owner conditions', async () => {
    expect((await report(Q1)).total).toMatchObject({
      // S = S' = {A1..A5}: a change of owner inside the company keeps A3 in the cohort
      start_base: 5,
      churned: 2,
      retention_rate: 0.6,
      churn_rate: 0.4,
      new_clients: 2,
      active_clients_end: 6,
      upsell_pairs: 2,
      additional_services: 1,
      meetings: 3,
      calls: 2,
      // 105 + 330 + A7's 20 on a day without an owner
      revenue: 455,
      margin: 369,
      revenue_prev: 320,
      margin_prev: 182,
      revenue_growth_pct: 42.19,
      margin_growth_pct: 102.75,
      revenue_plan: 3500,
      plan_fulfilment_pct: 13,
      receivables_outstanding: 220,
      receivables_overdue: 95,
      overdue_share: 0.4318,
      complaints: 3,
      complaints_justified: 1,
      first_response_median_hours: 3.5,
    });
  });

  it('takes a return in the period of its return date, at the net unit price', async () => {
    const q2 = figuresOf(await report('from=2026-04-01&to=2026-06-30'), ann);
    // 2 × 9 (10 less 10 %); margin 2 × (9 − 6)
    expect(q2).toMatchObject({ revenue: -18, margin: -6, revenue_prev: 105 });
  });

  it('prorates a plan month that is half inside the period', async () => {
    // 1000 × 16/31 + 1000 × 14/28
    expect(figuresOf(await report('from=2026-01-16&to=2026-02-14'), ann).revenue_plan).toBe(1016.13);
  });

  it('narrows to one manager and answers 404 for an unknown one', async () => {
    const one = await report(`${Q1}&manager=${encodeURIComponent(bob.email.toUpperCase())}`);
    expect(one.managers.map((m) => m.manager)).toEqual([bob.email]);
    expect(one.total.revenue).toBe(455);
    expect((await head.get(`/api/kpi?${Q1}&manager=nobody@example.test`)).statusCode).toBe(404);
    // a user with nothing in the period is not a manager of it
    const eve = (await t.database.db.execute<{ email: string }>(sql`SELECT email FROM users WHERE name = 'Eve Nothing'`)).rows[0]?.email;
    expect((await report(`${Q1}&manager=${eve}`)).managers).toEqual([]);
    expect((await head.get('/api/kpi?from=2026-03-01&to=2026-02-01')).statusCode).toBe(400);
  });

  it('follows the activity window setting of the company', async () => {
    const admin = await signedIn(t.app, await makeUser(t.database.db, { role: 'admin' }));
    const settings = { name: 'Test Company', currency: 'RUB', timeZone: 'America/Noronha', defaultLocale: 'en' };
    expect((await admin.put('/api/company', { ...settings, activityWindowDays: 0 })).statusCode).toBe(400);
    expect((await admin.put('/api/company', { ...settings, activityWindowDays: 30 })).json()).toMatchObject({ activityWindowDays: 30 });
    const r = await report(Q1);
    // an order in [2025-12-02, 2025-12-31]: A1 and A3 (which leaves), not A4 (1 December); A1's last
    // order (1 February) is not in [2026-03-02, 2026-03-31], so it churns
    expect(r.activity_window_days).toBe(30);
    expect(figuresOf(r, ann)).toMatchObject({ start_base: 1, churned: 1 });
    await admin.put('/api/company', { ...settings, activityWindowDays: 90 });
  });

  it('re-assigns the figures when a transfer is back-dated, and back when it is undone', async () => {
    const db = t.database.db;
    await transfer(db, a1, bob.id, '2025-12-01');
    const moved = await report(Q1);
    expect(figuresOf(moved, ann)).toMatchObject({ revenue: 10, revenue_prev: 210, start_base: 1 });
    expect(figuresOf(moved, bob)).toMatchObject({ revenue: 425, revenue_prev: 110, start_base: 3 });
    expect(moved.total.revenue).toBe(455);
    await db.execute(sql`DELETE FROM account_owners WHERE account_id = ${a1} AND start_date = '2025-12-01'`);
    expect(figuresOf(await report(Q1), ann)).toMatchObject({ revenue: 105, revenue_prev: 310, start_base: 2 });
  });
});

describe('who sees which figures', () => {
  it('shows a KAM their own figures only, a senior their line, and HR the figures without the rows', async () => {
    const kam = await signedIn(t.app, ann);
    const own = (await kam.get(`/api/kpi?${Q1}`)).json() as KpiReport;
    expect(own.managers.map((m) => m.manager)).toEqual([ann.email]);
    expect(own.total.revenue).toBe(105);
    expect((await kam.get(`/api/kpi?${Q1}&manager=${bob.email}`)).statusCode).toBe(404);

    const hr = await signedIn(t.app, await makeUser(t.database.db, { role: 'hr' }));
    expect(((await hr.get(`/api/kpi?${Q1}`)).json() as KpiReport).managers).toHaveLength(4);
    expect((await hr.get(`/api/kpi/drill?key=revenue&${Q1}&manager=${ann.email}`)).statusCode).toBe(403);
  });

  it("counts a senior's team as one owner", async () => {
    const lead = (await head.get(`/api/kpi?${Q1}&manager=${ann.email}`)).json() as KpiReport;
    expect(lead.managers).toHaveLength(1);
    const seniorEmail = (
      await t.database.db.execute<{ email: string }>(
        sql`SELECT s.email FROM users s JOIN users a ON a.manager_id = s.id WHERE a.id = ${ann.id}`,
      )
    ).rows[0]?.email as string;
    const team = (await head.get(`/api/kpi/team?${Q1}&lead=${seniorEmail}`)).json();
    expect(team.members.map((m: { manager: string }) => m.manager)).toEqual([seniorEmail, ann.email]);
    expect(team.team).toMatchObject({ revenue: 105, start_base: 2 });
  });
});

describe('drill-down', () => {
  async function drill(query: string): Promise<DrillResult> {
    const res = await head.get(`/api/kpi/drill?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DrillResult;
  }

  it('shows the churned accounts and why', async () => {
    const churned = await drill(`key=churned&${Q1}&manager=${ann.email}`);
    expect(churned.figure).toBe(1);
    expect(churned.rows).toEqual([expect.objectContaining({ account: expect.objectContaining({ name: 'A4' }), reason: 'marked_lost' })]);
    const total = await drill(`key=churned&${Q1}`);
    expect(total.rows.map((r) => [(r.account as { name: string }).name, r.reason])).toEqual([
      ['A4', 'marked_lost'],
      ['A5', 'no_order_in_window'],
    ]);
  });

  it('adds up to the revenue by account, product and line', async () => {
    const sum = (d: DrillResult) => d.rows.reduce((s, r) => s + Number(r.revenue), 0);
    for (const by of ['account', 'product', 'line']) {
      const d = await drill(`key=revenue&${Q1}&manager=${bob.email}&by=${by}`);
      expect(sum(d)).toBeCloseTo(330, 6);
      expect(d.figure).toBe(330);
    }
  });

  it('lists receivables with aging and the prorated plan', async () => {
    const r = await drill(`key=receivables_outstanding&${Q1}&manager=${ann.email}`);
    expect(r.rows.map((x) => [x.outstanding, x.days_overdue, x.bucket])).toEqual([
      ['95.00', 30, 'd1_30'],
      ['25.00', 0, 'current'],
    ]);
    const plan = await drill(`key=revenue_plan&from=2026-01-16&to=2026-02-14&manager=${ann.email}`);
    expect(plan.rows.map((x) => x.prorated)).toEqual(['516.13', '500.00']);
  });

  it('lists the complaints, interactions, new clients and upsell pairs behind the counts', async () => {
    expect((await drill(`key=complaints&${Q1}&manager=${ann.email}`)).rows).toHaveLength(2);
    expect((await drill(`key=meetings&${Q1}&manager=${ann.email}`)).rows.map((r) => r.type)).toEqual(['meeting', 'training', 'visit']);
    expect((await drill(`key=new_clients&${Q1}`)).rows.map((r) => (r.account as { name: string }).name)).toEqual(['A7', 'A6']);
    expect((await drill(`key=additional_services&${Q1}`)).rows).toHaveLength(1);
  });
});

describe('the CLI', () => {
  it('prints the same JSON as the API', async () => {
    const cli = await runCli({ DATABASE_URL: t.database.url }, ['kpi', '--from', '2026-01-01', '--to', '2026-03-31', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout.trim()).toBe(JSON.stringify(await report(Q1), null, 2));
    const text = await runCli({ DATABASE_URL: t.database.url }, [
      'kpi',
      '--from',
      '2026-01-01',
      '--to',
      '2026-03-31',
      '--manager',
      ann.email,
    ]);
    expect(text.stdout).toContain('retention_rate');
    expect(text.stdout).toContain(ann.email);
  });
});
