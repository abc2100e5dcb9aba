import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { type RefCompany, referenceKpis, referenceManagers } from '../../../test/helpers/kpi-reference.js';
import type { KpiReport } from './kpi.contracts.js';

/*
 * Random small companies: the set-based engine (summaries, ranges, exact arithmetic in SQL) must give
 * exactly what kpi.md read literally gives (test/helpers/kpi-reference.ts), for managers and the total.
 */

let t: TestApp;
let head: Session;
let managers: TestUser[];

beforeAll(async () => {
  t = await createTestApp();
  head = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
  managers = [];
  for (let i = 0; i < 3; i++) managers.push(await makeUser(t.database.db, { role: 'kam' }));
});
afterAll(() => t.close());

const DAY = 86_400_000;
const start = Date.UTC(2025, 8, 1) / DAY; // 2025-09-01
const span = 300;
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const day = fc.integer({ min: start, max: start + span }).map(iso);
const money = (max: number) => fc.integer({ min: 1, max: max * 100 }).map((c) => (c / 100).toFixed(2));
const instant = fc.integer({ min: start * 24 * 60, max: (start + span) * 24 * 60 }).map((m) => new Date(m * 60_000).toISOString());

const company = fc
  .record({
    timeZone: fc.constantFrom('UTC', 'America/Noronha', 'Asia/Kamchatka', 'Europe/Moscow'),
    windowDays: fc.integer({ min: 1, max: 120 }),
    accounts: fc.array(
      fc.record({
        lost: fc.option(day, { nil: null }),
        assignments: fc.uniqueArray(fc.record({ start: fc.option(day, { nil: null }), owner: fc.nat(2) }), {
          minLength: 0,
          maxLength: 3,
          selector: (a) => a.start,
        }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    lines: fc.array(
      fc.record({
        account: fc.nat(4),
        product: fc.nat(2),
        date: day,
        quantity: fc.integer({ min: 1, max: 2000 }).map((q) => (q / 4).toString()),
        unitPrice: money(200),
        discountPct: fc.constantFrom('0', '10', '12.5', '33.3333'),
        unitCost: money(100),
        cancelled: fc.boolean(),
        returned: fc.option(fc.record({ after: fc.nat(60), share: fc.integer({ min: 1, max: 4 }) }), { nil: null }),
      }),
      { maxLength: 25 },
    ),
    invoices: fc.array(
      fc.record({
        account: fc.nat(4),
        issue: day,
        terms: fc.nat(60),
        amount: money(1000),
        payments: fc.array(fc.record({ after: fc.nat(120), amount: money(600) }), { maxLength: 3 }),
      }),
      { maxLength: 8 },
    ),
    interactions: fc.array(
      fc.record({
        user: fc.nat(2),
        type: fc.constantFrom('meeting', 'visit', 'call', 'email', 'presentation', 'negotiation', 'training'),
        status: fc.constantFrom('planned', 'done', 'cancelled'),
        at: instant,
      }),
      { maxLength: 10 },
    ),
    complaints: fc.array(
      fc.record({
        account: fc.nat(4),
        at: instant,
        response: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
        justified: fc.option(fc.boolean(), { nil: null }),
      }),
      { maxLength: 6 },
    ),
    plans: fc.uniqueArray(fc.record({ user: fc.nat(2), month: fc.integer({ min: 0, max: 10 }), revenue: money(5000) }), {
      maxLength: 6,
      selector: (p) => `${p.user}|${p.month}`,
    }),
    from: fc.integer({ min: start + 30, max: start + span - 10 }),
    length: fc.integer({ min: 1, max: 120 }),
  })
  .map((g) => g);

type Generated = typeof company extends fc.Arbitrary<infer T> ? T : never;

async function load(g: Generated): Promise<RefCompany> {
  const db = t.database.db;
  for (const table of [
    'order_returns',
    'order_lines',
    'payments',
    'invoices',
    'interactions',
    'complaints',
    'manager_targets',
    'kpi_owner_days',
    'kpi_first_lines',
    'kpi_account_firsts',
    'account_owners',
    'account_events',
    'accounts',
    'products',
  ])
    await db.execute(sql.raw(`DELETE FROM ${table}`));
  await db.execute(sql`UPDATE company SET time_zone = ${g.timeZone}, activity_window_days = ${g.windowDays}`);
  const c: RefCompany = {
    timeZone: g.timeZone,
    windowDays: g.windowDays,
    users: managers.map((m) => ({ id: m.id, email: m.email })),
    accounts: [],
    products: [],
    lines: [],
    returns: [],
    invoices: [],
    payments: [],
    interactions: [],
    complaints: [],
    plans: [],
  };
  const ids = (
    await db.execute<{ id: string }>(sql`
    INSERT INTO products (sku, name, type, unit_cost, base_price)
    VALUES ('P0', 'P0', 'product', 1, 1), ('P1', 'P1', 'product', 1, 1), ('S2', 'S2', 'service', 1, 1) RETURNING id`)
  ).rows;
  c.products = ids.map((r, i) => ({ id: r.id, type: i === 2 ? 'service' : 'product' }));
  const ownerOf = (n: number) => managers[n]?.id as string;
  for (const a of g.accounts) {
    const [row] = (
      await db.execute<{ id: string }>(sql`
      INSERT INTO accounts (name, status, lost_date, currency, owner_id)
      VALUES (${`Account ${c.accounts.length}`}, ${a.lost ? 'lost' : 'active'}, ${a.lost}, 'RUB', ${a.assignments[0] ? ownerOf(a.assignments[0].owner) : null})
      RETURNING id`)
    ).rows;
    const id = row?.id as string;
    for (const s of a.assignments)
      await db.execute(
        sql`INSERT INTO account_owners (account_id, owner_id, start_date) VALUES (${id}, ${ownerOf(s.owner)}, ${s.start ?? '-infinity'})`,
      );
    c.accounts.push({
      id,
      status: a.lost ? 'lost' : 'active',
      lostDate: a.lost,
      assignments: a.assignments.map((s) => ({ start: s.start, ownerId: ownerOf(s.owner) })),
    });
  }
  const accountOf = (n: number) => c.accounts[n % c.accounts.length]?.id as string;
  let k = 0;
  for (const l of g.lines) {
    const key = `O${++k}`;
    const line = {
      key,
      accountId: accountOf(l.account),
      productId: c.products[l.product]?.id as string,
      date: l.date,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPct: l.discountPct,
      unitCost: l.unitCost,
      status: l.cancelled ? ('cancelled' as const) : ('confirmed' as const),
    };
    c.lines.push(line);
    await db.execute(sql`
      INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, status, owner_id)
      VALUES (${key}, 1, ${line.accountId}, ${line.date}, ${line.productId}, ${line.quantity}, ${line.unitPrice}, ${line.discountPct},
              ${line.unitCost}, ${line.status}, kpi_owner_on(${line.accountId}::uuid, ${line.date}::date))`);
    if (l.returned && !l.cancelled) {
      const r = {
        lineKey: key,
        date: iso(Date.parse(`${l.date}T00:00:00Z`) / DAY + l.returned.after),
        quantity: (Math.max(1, Math.floor((Number(l.quantity) * 4) / l.returned.share)) / 4).toString(),
      };
      c.returns.push(r);
      await db.execute(sql`
        INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, owner_id)
        VALUES (${`R${k}`}, ${key}, 1, ${line.accountId}, ${r.date}, ${r.quantity}, kpi_owner_on(${line.accountId}::uuid, ${r.date}::date))`);
    }
  }
  let n = 0;
  for (const i of g.invoices) {
    const id = `I${++n}`;
    const issue = Date.parse(`${i.issue}T00:00:00Z`) / DAY;
    const inv = { id, accountId: accountOf(i.account), issueDate: i.issue, dueDate: iso(issue + i.terms), amount: i.amount };
    c.invoices.push(inv);
    await db.execute(
      sql`INSERT INTO invoices (invoice_id, account_id, issue_date, due_date, amount) VALUES (${id}, ${inv.accountId}, ${inv.issueDate}, ${inv.dueDate}, ${inv.amount})`,
    );
    let m = 0;
    for (const p of i.payments) {
      const pay = { invoiceId: id, date: iso(issue + p.after), amount: p.amount };
      c.payments.push(pay);
      await db.execute(
        sql`INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount) VALUES (${`${id}-${++m}`}, ${id}, ${inv.accountId}, ${pay.date}, ${pay.amount})`,
      );
    }
  }
  for (const i of g.interactions) {
    const row = { userId: ownerOf(i.user), type: i.type, status: i.status, occurredAt: i.at };
    c.interactions.push(row);
    await db.execute(
      sql`INSERT INTO interactions (account_id, user_id, type, status, occurred_at) VALUES (${accountOf(0)}, ${row.userId}, ${row.type}, ${row.status}, ${row.occurredAt})`,
    );
  }
  for (const x of g.complaints) {
    const row = {
      accountId: accountOf(x.account),
      receivedAt: x.at,
      firstResponseAt: x.response === null ? null : new Date(Date.parse(x.at) + x.response * 1000).toISOString(),
      justified: x.justified,
    };
    c.complaints.push(row);
    await db.execute(
      sql`INSERT INTO complaints (account_id, received_at, first_response_at, justified) VALUES (${row.accountId}, ${row.receivedAt}, ${row.firstResponseAt}, ${row.justified})`,
    );
  }
  for (const p of g.plans) {
    const d = new Date(Date.UTC(2025, 8 + p.month, 1));
    const row = { userId: ownerOf(p.user), month: d.toISOString().slice(0, 7), revenue: p.revenue };
    c.plans.push(row);
    await db.execute(
      sql`INSERT INTO manager_targets (user_id, month, revenue_target) VALUES (${row.userId}, ${`${row.month}-01`}, ${row.revenue})`,
    );
  }
  // the upkeep every writer runs
  await db.execute(sql`SELECT kpi_refresh_days(ARRAY(SELECT generate_series('2025-08-01'::date, '2026-12-31'::date, '1 day')::date))`);
  await db.execute(sql`SELECT kpi_refresh_firsts(ARRAY(SELECT id FROM accounts))`);
  await db.execute(sql`SELECT invoices_settle(ARRAY(SELECT invoice_id FROM invoices))`);
  return c;
}

describe('the KPI engine against kpi.md read literally', () => {
  it('agrees on random companies, for every manager and the total', async () => {
    await fc.assert(
      fc.asyncProperty(company, async (g) => {
        const c = await load(g);
        const from = iso(g.from);
        const to = iso(g.from + g.length - 1);
        const res = await head.get(`/api/kpi?from=${from}&to=${to}`);
        expect(res.statusCode, res.body).toBe(200);
        const report = res.json() as KpiReport;
        const expected = referenceManagers(c, from, to)
          .map((id) => c.users.find((u) => u.id === id)?.email as string)
          .sort();
        expect(report.managers.map((m) => m.manager)).toEqual(expected);
        for (const m of report.managers) {
          const id = c.users.find((u) => u.email === m.manager)?.id as string;
          const { manager: _m, name: _n, ...figures } = m;
          expect(figures, `${m.manager} ${from}..${to}`).toEqual(referenceKpis(c, from, to, id));
        }
        expect(report.total, `total ${from}..${to}`).toEqual(referenceKpis(c, from, to, null));
      }),
      { numRuns: Number(process.env.KPI_RUNS ?? 25), endOnFailure: true },
    );
  }, 240_000);
});
