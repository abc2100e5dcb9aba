import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser } from '../../../test/helpers/factories.js';
import type { AccountInvoiceList } from '../invoices/receivables.contracts.js';
import type { AccountOrderList, AccountReturnList } from './account-sales.contracts.js';
import type { AccountCommercial } from './commercial.contracts.js';

let t: TestApp;
let kam: Session;
let kamId: string;
let accountId: string;
let today: string;

/** the company's today (Europe/Moscow) ± days / months, as YYYY-MM-DD */
const day = (offset: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const monthStart = (monthsBack: number) => {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - monthsBack);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const user = await makeUser(db, { role: 'kam' });
  kamId = user.id;
  kam = await signedIn(t.app, user);
  accountId = (await makeAccount(db, { ownerId: kamId, patch: { creditLimit: '2000.00', paymentTermsDays: 30 } })).id;
  today = (await db.execute<{ d: string }>(sql`SELECT (now() AT TIME ZONE 'Europe/Moscow')::date::text AS d`)).rows[0]!.d;

  const [product] = (
    await db.execute<{ id: string }>(
      sql`INSERT INTO products (sku, name, type, unit_cost, base_price) VALUES ('SKU-1', 'Pasta 500 g', 'product', 60, 100) RETURNING id`,
    )
  ).rows;
  const line = (order: string, no: number, date: string, qty: string, price: string, disc: string, cost: string, status = 'confirmed') =>
    db.execute(sql`INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, status, owner_id)
      VALUES (${order}, ${no}, ${accountId}, ${date}, ${product!.id}, ${qty}, ${price}, ${disc}, ${cost}, ${status}, ${kamId})`);
  // this month: 10 × 100 less 10 % = 900 (cost 600); 3 × 33.3333 = 99.9999 (cost 60); a cancelled line
  await line('O-1', 1, monthStart(0), '10', '100', '10', '60');
  await line('O-1', 2, monthStart(0), '3', '33.3333', '0', '20');
  await line('O-1', 3, monthStart(0), '5', '100', '0', '60', 'cancelled');
  // two months ago: 1000 (cost 60), half of it returned this month
  await line('O-2', 1, monthStart(2), '1', '1000', '0', '60');
  await db.execute(sql`INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, reason, owner_id)
    VALUES ('R-1', 'O-2', 1, ${accountId}, ${monthStart(0)}, 0.5, 'defect', ${kamId})`);
  // long before the period
  await line('O-0', 1, monthStart(30), '1', '5', '0', '1');

  const invoice = (id: string, issue: number, due: number, amount: string) =>
    db.execute(
      sql`INSERT INTO invoices (invoice_id, account_id, issue_date, due_date, amount) VALUES (${id}, ${accountId}, ${day(issue)}, ${day(due)}, ${amount})`,
    );
  const payment = (id: string, invoiceId: string, on: number, amount: string) =>
    db.execute(
      sql`INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount) VALUES (${id}, ${invoiceId}, ${accountId}, ${day(on)}, ${amount})`,
    );
  await invoice('I-1', -40, -10, '1000.00'); // 400 paid: 600 open, 10 days overdue
  await payment('P-1', 'I-1', -5, '400.00');
  await invoice('I-2', -5, 25, '250.50'); // not due yet
  await invoice('I-3', -120, -100, '300.00'); // paid a day early
  await payment('P-3', 'I-3', -101, '300.00');
  await invoice('I-4', -80, -70, '700.00'); // paid 10 days late
  await payment('P-4a', 'I-4', -65, '200.00');
  await payment('P-4b', 'I-4', -60, '500.00');
  await invoice('I-5', -200, -95, '100.00'); // unpaid, 95 days overdue
  await invoice('I-6', 3, 33, '999.00'); // issued after today: not yet a receivable
  await db.execute(sql`SELECT invoices_settle(ARRAY['I-1', 'I-2', 'I-3', 'I-4', 'I-5', 'I-6'])`);
});
afterAll(() => t.close());

describe("an account's commercial tab", () => {
  it('gives revenue and margin by month: confirmed lines less returns at net unit price, exact', async () => {
    const res = await kam.get(`/api/accounts/${accountId}/commercial?months=24`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as AccountCommercial;
    expect(c.currency).toBe('RUB');
    expect(c.sales.months).toHaveLength(24);
    expect(c.sales.from).toBe(monthStart(23));
    const last = c.sales.months[23]!;
    // 900 + 99.9999 − 500 = 499.9999; margin 300 + 39.9999 − 0.5 × 940 = −130.0001
    expect(last).toEqual({ month: today.slice(0, 7), revenue: '500.00', margin: '-130.00', returned: '500.00', orders: 1 });
    expect(c.sales.months[21]).toMatchObject({ revenue: '1000.00', margin: '940.00', orders: 1 });
    expect(c.sales.months[0]).toMatchObject({ revenue: '0.00', margin: '0.00', orders: 0 });
    // totals from the exact values: 1499.9999 and 809.9999
    expect(c.sales.totals).toEqual({ revenue: '1500.00', margin: '810.00', returned: '500.00', orders: 2 });
    expect(c.sales.marginPct).toBe(54);
    expect(c.sales).toMatchObject({ firstOrderDate: monthStart(30), lastOrderDate: monthStart(0), orderCount: 3, returnCount: 1 });
  });

  it('gives receivables by aging bucket, the credit limit used and the payment discipline', async () => {
    const { receivables: r } = (await kam.get(`/api/accounts/${accountId}/commercial`)).json() as AccountCommercial;
    expect(r).toMatchObject({ asOf: today, outstanding: '950.50', overdue: '700.00', openInvoices: 3 });
    expect(r.buckets).toEqual({
      current: { amount: '250.50', count: 1 },
      d1_30: { amount: '600.00', count: 1 },
      d31_60: { amount: '0.00', count: 0 },
      d61_90: { amount: '0.00', count: 0 },
      over_90: { amount: '100.00', count: 1 },
    });
    expect(r).toMatchObject({ creditLimit: '2000.00', available: '1049.50', utilisationPct: 47.53, paymentTermsDays: 30 });
    // due in the last 12 months: I-1 (10 days late so far), I-3 (on time), I-4 (10 late), I-5 (95 late so far)
    expect(r.discipline).toMatchObject({ invoices: 4, paidOnTime: 1, onTimeShare: 0.25, avgDaysLate: 28.8, to: today });

    const open = (await kam.get(`/api/accounts/${accountId}/invoices`)).json() as AccountInvoiceList;
    expect(open.total).toBe(3);
    expect(open.items.map((i) => [i.invoiceId, i.outstanding, i.daysOverdue, i.bucket])).toEqual([
      ['I-5', '100.00', 95, 'over_90'],
      ['I-1', '600.00', 10, 'd1_30'],
      ['I-2', '250.50', -25, 'current'],
    ]);
    expect(open.items[1]).toMatchObject({ amount: '1000.00', paid: '400.00', settledOn: null });
    const all = (await kam.get(`/api/accounts/${accountId}/invoices?status=all&limit=2`)).json() as AccountInvoiceList;
    expect(all.total).toBe(5);
    expect(all.items.map((i) => i.invoiceId)).toEqual(['I-2', 'I-1']);
    const paid = (await kam.get(`/api/accounts/${accountId}/invoices?status=all&limit=1&offset=2`)).json() as AccountInvoiceList;
    expect(paid.items[0]).toMatchObject({ invoiceId: 'I-4', outstanding: '0.00', daysOverdue: null, bucket: null, settledOn: day(-60) });
  });

  it('lists orders (lines taken together) and returns, newest first, paged', async () => {
    const orders = (await kam.get(`/api/accounts/${accountId}/orders?limit=2`)).json() as AccountOrderList;
    expect(orders.total).toBe(3);
    expect(orders.items).toEqual([
      {
        orderId: 'O-1',
        orderDate: monthStart(0),
        lines: 3,
        status: 'partly_cancelled',
        amount: '1000.00',
        margin: '340.00',
        returned: '0.00',
      },
      { orderId: 'O-2', orderDate: monthStart(2), lines: 1, status: 'confirmed', amount: '1000.00', margin: '940.00', returned: '500.00' },
    ]);
    const rest = (await kam.get(`/api/accounts/${accountId}/orders?limit=2&offset=2`)).json() as AccountOrderList;
    expect(rest.items.map((o) => o.orderId)).toEqual(['O-0']);
    const beyond = (await kam.get(`/api/accounts/${accountId}/orders?limit=2&offset=10`)).json() as AccountOrderList;
    expect(beyond).toEqual({ items: [], total: 3 });

    const returns = (await kam.get(`/api/accounts/${accountId}/returns`)).json() as AccountReturnList;
    expect(returns).toEqual({
      total: 1,
      items: [
        {
          returnId: 'R-1',
          returnDate: monthStart(0),
          orderId: 'O-2',
          lineNo: 1,
          product: { id: expect.any(String), sku: 'SKU-1', name: 'Pasta 500 g' },
          quantity: '0.5',
          reason: 'defect',
          amount: '500.00',
        },
      ],
    });
  });

  it('answers an account without facts with zeros and empty lists', async () => {
    const empty = await makeAccount(t.database.db, { ownerId: kamId });
    const c = (await kam.get(`/api/accounts/${empty.id}/commercial?months=3`)).json() as AccountCommercial;
    expect(c.sales.months.map((m) => m.revenue)).toEqual(['0.00', '0.00', '0.00']);
    expect(c.sales).toMatchObject({ marginPct: null, firstOrderDate: null, orderCount: 0, returnCount: 0 });
    expect(c.receivables).toMatchObject({ outstanding: '0.00', creditLimit: null, available: null, utilisationPct: null });
    expect(c.receivables.discipline).toMatchObject({ invoices: 0, onTimeShare: null, avgDaysLate: null });
    expect((await kam.get(`/api/accounts/${empty.id}/orders`)).json()).toEqual({ items: [], total: 0 });
  });

  it('is for those with full access to the account: hidden or basic-level answers 404, HR 403', async () => {
    const db = t.database.db;
    const other = await signedIn(t.app, await makeUser(db, { role: 'kam' }));
    const supportUser = await makeUser(db, { role: 'sales_support' });
    await db.execute(sql`INSERT INTO account_team (account_id, user_id, role) VALUES (${accountId}, ${supportUser.id}, 'sales_support')`);
    const support = await signedIn(t.app, supportUser);
    const hr = await signedIn(t.app, await makeUser(db, { role: 'hr' }));
    for (const path of ['commercial', 'orders', 'returns', 'invoices']) {
      expect((await other.get(`/api/accounts/${accountId}/${path}`)).statusCode).toBe(404);
      expect((await support.get(`/api/accounts/${accountId}/${path}`)).statusCode).toBe(404);
      expect((await hr.get(`/api/accounts/${accountId}/${path}`)).statusCode).toBe(403);
    }
    expect((await support.get(`/api/accounts/${accountId}`)).statusCode).toBe(200);
    expect((await kam.get(`/api/accounts/${accountId}/commercial?months=61`)).statusCode).toBe(400);
  });
});
