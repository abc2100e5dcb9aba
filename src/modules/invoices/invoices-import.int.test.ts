import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeOrderLine, makeProduct, makeUser } from '../../../test/helpers/factories.js';
import { errorsOf, importer, rowsOf } from '../../../test/helpers/imports.js';
import { csv } from '../../../test/helpers/tables.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let run: ReturnType<typeof importer>;
const acc = { one: '', two: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await makeCompany(db);
  run = importer(db);
  const anna = await makeUser(db);
  acc.one = (await makeAccount(db, { ownerId: anna.id, patch: { externalId: 'ACC-1' } })).id;
  acc.two = (await makeAccount(db, { ownerId: anna.id, patch: { externalId: 'ACC-2' } })).id;
  const product = await makeProduct(db);
  await makeOrderLine(db, {
    orderId: 'O-1',
    accountId: acc.one,
    productId: product.id,
    orderDate: '2026-01-10',
    quantity: '1',
    unitPrice: '1000',
  });
}, 60_000);
afterAll(() => database.close());

const invoiceHeader = ['invoice_id', 'account_external_id', 'issue_date', 'due_date', 'amount', 'order_id'];
const paymentHeader = ['payment_id', 'invoice_id', 'payment_date', 'amount'];
const invoices = () =>
  rowsOf(
    database.db,
    sql`SELECT invoice_id, account_id, issue_date::text, due_date::text, amount::text, order_id, settled_on::text
        FROM invoices ORDER BY invoice_id`,
  );
const payments = () =>
  rowsOf(database.db, sql`SELECT payment_id, invoice_id, account_id, payment_date::text, amount::text FROM payments ORDER BY payment_id`);
const settledOn = async (id: string) =>
  (await rowsOf<{ s: string | null }>(database.db, sql`SELECT settled_on::text AS s FROM invoices WHERE invoice_id = ${id}`))[0]?.s;

describe('invoices import', () => {
  it('stores invoices of accounts, optionally for an order, with exact amounts', async () => {
    const report = await run(
      'invoices',
      csv([
        invoiceHeader,
        ['INV-1', 'ACC-1', '2026-01-10', '2026-02-09', '1000', 'O-1'],
        ['INV-2', 'ACC-2', '2026-01-15', '2026-01-15', '250.5', ''],
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 2 });
    expect(await invoices()).toEqual([
      {
        invoice_id: 'INV-1',
        account_id: acc.one,
        issue_date: '2026-01-10',
        due_date: '2026-02-09',
        amount: '1000.00',
        order_id: 'O-1',
        settled_on: null,
      },
      {
        invoice_id: 'INV-2',
        account_id: acc.two,
        issue_date: '2026-01-15',
        due_date: '2026-01-15',
        amount: '250.50',
        order_id: null,
        settled_on: null,
      },
    ]);
  });

  it('is idempotent and updates a changed invoice', async () => {
    const same = csv([
      invoiceHeader,
      ['INV-1', 'ACC-1', '2026-01-10', '2026-02-09', '1000.00', 'O-1'],
      ['INV-2', 'ACC-2', '2026-01-15', '2026-01-15', '250.50', ''],
    ]);
    expect(await run('invoices', same)).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 2 });
    // without the order_id column the stored order stays
    const changed = csv([invoiceHeader.slice(0, 5), ['INV-1', 'ACC-1', '2026-01-10', '2026-02-20', '1000']]);
    expect(await run('invoices', changed)).toMatchObject({ updated: 1 });
    expect(await run('invoices', changed)).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await invoices())[0]).toMatchObject({ due_date: '2026-02-20', order_id: 'O-1' });
  });

  it('reports every bad row, and stores nothing', async () => {
    const before = await invoices();
    const report = await run(
      'invoices',
      csv([
        invoiceHeader,
        ['INV-3', 'NOPE', '2026-01-10', '2026-01-09', '0', 'O-404'],
        ['INV-4', 'ACC-1', '2026-01-10', '2026-01-31', '-5', ''],
        ['INV-5', 'ACC-1', '10.01.2026', '2026-01-31', '12.345', ''],
        ['INV-6', 'ACC-1', '2026-01-10', '', '1', ''],
        ['INV-7', 'ACC-1', '2026-01-10', '2026-01-31', '1', ''],
        ['INV-7', 'ACC-1', '2026-01-10', '2026-01-31', '1', ''],
      ]),
    );
    expect(errorsOf(report)).toEqual([
      [2, 'amount', 'NOT_POSITIVE'],
      [2, 'account_external_id', 'UNKNOWN_ACCOUNT'],
      [2, 'order_id', 'UNKNOWN_ORDER'],
      [2, 'due_date', 'DUE_BEFORE_ISSUE'],
      [3, 'amount', 'OUT_OF_RANGE'],
      [4, 'issue_date', 'INVALID_DATE'],
      [4, 'amount', 'INVALID_DECIMAL'],
      [5, 'due_date', 'REQUIRED'],
      [7, 'invoice_id', 'DUPLICATE_KEY'],
    ]);
    expect(report).toMatchObject({ applied: false, rejected: 5 });
    expect(report.errors.slice(1, 4).map((e) => e.message)).toEqual([
      'no account with the external ID NOPE',
      'no order O-404',
      'is before the issue date 2026-01-10',
    ]);
    const ru = await run('invoices', csv([invoiceHeader, ['INV-3', 'ACC-1', '2026-01-10', '2026-01-09', '0', 'O-404']]), { locale: 'ru' });
    expect(ru.errors.map((e) => e.message)).toEqual(['должно быть больше 0', 'нет заказа O-404', 'раньше даты выставления 2026-01-10']);
    expect(await invoices()).toEqual(before);
  });

  it('dry run stores nothing', async () => {
    const before = await invoices();
    const report = await run('invoices', csv([invoiceHeader, ['INV-9', 'ACC-1', '2026-03-01', '2026-03-31', '10', '']]), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, errors: [] });
    expect(await invoices()).toEqual(before);
  });
});

describe('payments import', () => {
  it('stores payments with their invoice account and settles an invoice on the day its payments reach the amount', async () => {
    const report = await run(
      'payments',
      csv([
        paymentHeader,
        ['PAY-1', 'INV-1', '2026-02-01', '400'],
        ['PAY-2', 'INV-1', '2026-02-15', '600.00'],
        ['PAY-3', 'INV-2', '2026-01-20', '100'],
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 3 });
    expect(await payments()).toEqual([
      { payment_id: 'PAY-1', invoice_id: 'INV-1', account_id: acc.one, payment_date: '2026-02-01', amount: '400.00' },
      { payment_id: 'PAY-2', invoice_id: 'INV-1', account_id: acc.one, payment_date: '2026-02-15', amount: '600.00' },
      { payment_id: 'PAY-3', invoice_id: 'INV-2', account_id: acc.two, payment_date: '2026-01-20', amount: '100.00' },
    ]);
    expect(await settledOn('INV-1')).toBe('2026-02-15');
    expect(await settledOn('INV-2')).toBeNull();
  });

  it('is idempotent; a changed payment settles the invoice it leaves and the one it joins again', async () => {
    const same = csv([
      paymentHeader,
      ['PAY-1', 'INV-1', '2026-02-01', '400'],
      ['PAY-2', 'INV-1', '2026-02-15', '600'],
      ['PAY-3', 'INV-2', '2026-01-20', '100'],
    ]);
    expect(await run('payments', same)).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 3 });
    // PAY-2 moves to INV-2 and pays it off: INV-1 is open again, INV-2 settled
    expect(await run('payments', csv([paymentHeader, ['PAY-2', 'INV-2', '2026-02-16', '150.5']]))).toMatchObject({ updated: 1 });
    expect(await settledOn('INV-1')).toBeNull();
    expect(await settledOn('INV-2')).toBe('2026-02-16');
    expect((await payments())[1]).toMatchObject({ invoice_id: 'INV-2', account_id: acc.two });
  });

  it('an invoice moved to another account takes its payments along; a changed amount settles it again', async () => {
    await run('invoices', csv([invoiceHeader, ['INV-2', 'ACC-1', '2026-01-15', '2026-01-15', '300', '']]));
    expect((await payments()).filter((p) => p.invoice_id === 'INV-2').map((p) => p.account_id)).toEqual([acc.one, acc.one]);
    expect(await settledOn('INV-2')).toBeNull(); // 100 + 150.50 < 300
    const balanceOf = async (accountId: string) =>
      (
        await database.db.execute<{ outstanding: string }>(
          sql`SELECT outstanding::text FROM kpi_account_receivables WHERE account_id = ${accountId} ORDER BY day DESC LIMIT 1`,
        )
      ).rows[0]?.outstanding;
    const oneBefore = await balanceOf(acc.one);
    await run('invoices', csv([invoiceHeader, ['INV-2', 'ACC-2', '2026-01-15', '2026-01-15', '250.50', '']]));
    expect(await settledOn('INV-2')).toBe('2026-02-16');
    // the receivable balances follow the invoice: ACC-1 no longer owes what INV-2 lacked, ACC-2 owes nothing for it
    expect(Number(await balanceOf(acc.one))).toBe(Number(oneBefore) - (300 - 250.5));
    expect(Number((await balanceOf(acc.two)) ?? 0)).toBe(0);
  });

  it('reports unknown invoices and bad cells, and stores nothing', async () => {
    const before = await payments();
    const report = await run(
      'payments',
      csv([
        paymentHeader,
        ['PAY-4', 'INV-404', '2026-02-01', '10'],
        ['PAY-5', 'INV-1', '2026-02-01', '0'],
        ['PAY-6', 'INV-1', '', '1.001'],
        ['PAY-7', 'INV-1', '2026-02-01', '10'],
      ]),
    );
    expect(errorsOf(report)).toEqual([
      [2, 'invoice_id', 'UNKNOWN_INVOICE'],
      [3, 'amount', 'NOT_POSITIVE'],
      [4, 'payment_date', 'REQUIRED'],
      [4, 'amount', 'INVALID_DECIMAL'],
    ]);
    expect(report.errors[0]?.message).toBe('no invoice INV-404');
    expect(report).toMatchObject({ applied: false, rejected: 3 });
    expect(await payments()).toEqual(before);
  });

  it('dry run stores nothing and settles nothing', async () => {
    const report = await run('payments', csv([paymentHeader, ['PAY-8', 'INV-1', '2026-03-01', '1000']]), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, errors: [] });
    expect(await settledOn('INV-1')).toBeNull();
    expect((await payments()).map((p) => p.payment_id)).not.toContain('PAY-8');
  });
});
