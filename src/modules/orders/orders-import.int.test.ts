import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeProduct, makeUser } from '../../../test/helpers/factories.js';
import { errorsOf, importer, rowsOf } from '../../../test/helpers/imports.js';
import { csv, xlsx } from '../../../test/helpers/tables.js';
import type { Phase } from '../imports/engine.js';
import { importFile } from '../imports/imports.service.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let run: ReturnType<typeof importer>;
const who = { anna: '', boris: '', vera: '' };
const acc = { a: '', b: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await makeCompany(db);
  run = importer(db);
  for (const name of ['anna', 'boris', 'vera'] as const) who[name] = (await makeUser(db, { name })).id;
  // Anna's from the beginning, Boris's from 2026-03-01
  acc.a = (await makeAccount(db, { ownerId: who.anna, patch: { externalId: 'A-1' } })).id;
  await db.execute(
    sql`INSERT INTO account_owners (account_id, start_date, owner_id, origin) VALUES (${acc.a}, '2026-03-01', ${who.boris}, 'transfer')`,
  );
  // B-1: Vera's from 2026-02-01 only, nobody's before
  acc.b = (await makeAccount(db, { ownerId: who.vera, patch: { externalId: 'B-1' } })).id;
  await db.execute(sql`UPDATE account_owners SET start_date = '2026-02-01' WHERE account_id = ${acc.b}`);
  await makeProduct(db, { sku: 'P', unitCost: '10' });
  await makeProduct(db, { sku: 'S', type: 'service', unitCost: '2.5' });
  await makeProduct(db, { sku: 'SKU,Q', unitCost: '1' });
}, 60_000);
afterAll(() => database.close());

const header = [
  'order_id',
  'line_no',
  'account_external_id',
  'order_date',
  'sku',
  'quantity',
  'unit_price',
  'discount_pct',
  'unit_cost',
  'status',
];
const q = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => rowsOf<T>(database.db, query);
const lines = () =>
  q(sql`
    SELECT l.order_id, l.line_no, a.external_id AS account, l.order_date::text AS date, p.sku, l.quantity::text AS quantity,
           l.unit_price::text AS price, l.discount_pct::text AS discount, l.unit_cost::text AS cost, l.status::text AS status,
           l.net_amount::numeric(18, 4)::text AS net, l.owner_id
    FROM order_lines l JOIN accounts a ON a.id = l.account_id JOIN products p ON p.id = l.product_id
    WHERE l.order_id LIKE 'SO-%' ORDER BY l.order_id, l.line_no`);
/** revenue and margin per day and owner, at 4 decimals */
const ownerDays = () =>
  q<{ day: string; owner_id: string | null; revenue: string; margin: string }>(sql`
    SELECT day::text, owner_id, sum(revenue)::numeric(18, 4)::text AS revenue, sum(margin)::numeric(18, 4)::text AS margin
    FROM kpi_owner_days GROUP BY day, owner_id ORDER BY day, owner_id`);
const summaries = async () => ({
  days: await ownerDays(),
  firsts: await q(sql`SELECT account_id, product_id, first_date::text FROM kpi_first_lines ORDER BY account_id, product_id`),
  accounts: await q(sql`SELECT account_id, first_date::text FROM kpi_account_firsts ORDER BY account_id`),
});
/** the KPI summaries the import kept are those a rebuild from all facts gives */
async function expectExactSummaries() {
  const kept = await summaries();
  await database.db.execute(
    sql`SELECT kpi_refresh_days(ARRAY(SELECT order_date FROM order_lines UNION SELECT return_date FROM order_returns UNION SELECT day FROM kpi_owner_days))`,
  );
  await database.db.execute(sql`SELECT kpi_refresh_firsts(ARRAY(SELECT id FROM accounts))`);
  expect(kept).toEqual(await summaries());
}

const first = [
  header,
  ['SO-1', '1', 'A-1', '2026-02-28', 'P', '2', '100', '', '', ''],
  ['SO-1', '2', 'A-1', '2026-02-28', 'S', '1.5', '40', '10', '3', 'confirmed'],
  ['SO-2', '1', 'A-1', '2026-03-01', 'P', '1', '100', '', '', ''],
  ['SO-2', '2', 'A-1', '2026-03-01', 'P', '5', '100', '', '', 'cancelled'],
  ['SO-3', '1', 'B-1', '2026-01-31', 'P', '1', '50', '', '', ''],
  ['SO-4', '1', 'B-1', '2026-02-01', 'SKU,Q', '1', '50', '', '', ''],
];

describe('orders import', () => {
  it('stores the lines with the owner of the order date, and keeps the KPI summaries exact', async () => {
    const phases: [Phase, number, number][] = [];
    const ctx: Ctx = { db: database.db, actor: null, locale: 'en', ip: null, requestId: null, publicUrl: 'http://localhost' };
    const report = await importFile(ctx, {
      entity: 'orders',
      file: csv(first, { bom: true }),
      fileName: 'orders.csv',
      dryRun: false,
      limits: { maxBytes: 1_000_000 },
      asOperator: true,
      onProgress: (phase, done, total) => phases.push([phase, done, total]),
    });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, rows: 6, inserted: 6, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.preview[0]).toEqual({
      line: 2,
      action: 'insert',
      key: 'SO-1 / 1',
      values: {
        order_id: 'SO-1',
        line_no: '1',
        account_external_id: 'A-1',
        order_date: '2026-02-28',
        sku: 'P',
        quantity: '2.000',
        unit_price: '100.0000',
      },
    });
    expect(phases.at(-1)).toEqual(['write', 6, 6]);
    expect(await lines()).toEqual([
      {
        order_id: 'SO-1',
        line_no: 1,
        account: 'A-1',
        date: '2026-02-28',
        sku: 'P',
        quantity: '2.000',
        price: '100.0000',
        discount: '0.0000',
        cost: '10.0000',
        status: 'confirmed',
        net: '200.0000',
        owner_id: who.anna,
      },
      {
        order_id: 'SO-1',
        line_no: 2,
        account: 'A-1',
        date: '2026-02-28',
        sku: 'S',
        quantity: '1.500',
        price: '40.0000',
        discount: '10.0000',
        cost: '3.0000',
        status: 'confirmed',
        net: '54.0000',
        owner_id: who.anna,
      },
      {
        order_id: 'SO-2',
        line_no: 1,
        account: 'A-1',
        date: '2026-03-01',
        sku: 'P',
        quantity: '1.000',
        price: '100.0000',
        discount: '0.0000',
        cost: '10.0000',
        status: 'confirmed',
        net: '100.0000',
        owner_id: who.boris,
      },
      {
        order_id: 'SO-2',
        line_no: 2,
        account: 'A-1',
        date: '2026-03-01',
        sku: 'P',
        quantity: '5.000',
        price: '100.0000',
        discount: '0.0000',
        cost: '10.0000',
        status: 'cancelled',
        net: '500.0000',
        owner_id: who.boris,
      },
      {
        order_id: 'SO-3',
        line_no: 1,
        account: 'B-1',
        date: '2026-01-31',
        sku: 'P',
        quantity: '1.000',
        price: '50.0000',
        discount: '0.0000',
        cost: '10.0000',
        status: 'confirmed',
        net: '50.0000',
        owner_id: null,
      },
      {
        order_id: 'SO-4',
        line_no: 1,
        account: 'B-1',
        date: '2026-02-01',
        sku: 'SKU,Q',
        quantity: '1.000',
        price: '50.0000',
        discount: '0.0000',
        cost: '1.0000',
        status: 'confirmed',
        net: '50.0000',
        owner_id: who.vera,
      },
    ]);
    // revenue = net amounts of confirmed lines; margin = net − quantity × unit_cost; per owner of the day
    expect(await ownerDays()).toEqual([
      { day: '2026-01-31', owner_id: null, revenue: '50.0000', margin: '40.0000' },
      { day: '2026-02-01', owner_id: who.vera, revenue: '50.0000', margin: '49.0000' },
      { day: '2026-02-28', owner_id: who.anna, revenue: '254.0000', margin: '229.5000' },
      { day: '2026-03-01', owner_id: who.boris, revenue: '100.0000', margin: '90.0000' },
    ]);
    expect(await q(sql`SELECT first_date::text FROM kpi_account_firsts ORDER BY first_date`)).toEqual([
      { first_date: '2026-01-31' },
      { first_date: '2026-02-28' },
    ]);
    await expectExactSummaries();
    const [audit] = await q<{ action: string }>(sql`SELECT action FROM audit_log WHERE action = 'import.orders'`);
    expect(audit).toBeDefined();
  });

  it('leaves every line untouched when the same file comes again', async () => {
    const before = await q(sql`SELECT order_id, line_no, xmin::text AS version, updated_at FROM order_lines ORDER BY 1, 2`);
    const report = await run('orders', csv(first));
    expect(report).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 6, rejected: 0, errors: [] });
    expect(report.preview.map((p) => p.action)).toEqual(Array(6).fill('unchanged'));
    expect(await q(sql`SELECT order_id, line_no, xmin::text AS version, updated_at FROM order_lines ORDER BY 1, 2`)).toEqual(before);
  });

  it('a dry run reports what a real run would do and stores nothing', async () => {
    const before = await summaries();
    const report = await run(
      'orders',
      csv([
        header,
        ['SO-1', '1', 'A-1', '2026-02-28', 'P', '3', '100', '', '', ''],
        ['SO-9', '1', 'A-1', '2026-02-28', 'P', '1', '1', '', '', ''],
      ]),
      { dryRun: true },
    );
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, updated: 1, unchanged: 0, errors: [] });
    expect(report.preview.map((p) => [p.line, p.action])).toEqual([
      [2, 'update'],
      [3, 'insert'],
    ]);
    expect((await lines()).length).toBe(6);
    expect(await summaries()).toEqual(before);
  });

  it('updates a changed line, re-stamps its owner, and moves the KPI figures exactly', async () => {
    // SO-1/1 moves to 2026-03-02 (Boris's time) with 3 instead of 2; columns missing from the file keep what is stored
    const report = await run(
      'orders',
      csv([
        ['order_id', 'line_no', 'account_external_id', 'order_date', 'sku', 'quantity', 'unit_price'],
        ['SO-1', '1', 'A-1', '2026-03-02', 'P', '3', '100'],
        ['SO-2', '2', 'A-1', '2026-03-01', 'P', '5', '100'],
        ['SO-5', '1', 'A-1', '2026-02-27', 'S', '1', '10'],
      ]),
    );
    expect(report).toMatchObject({ applied: true, inserted: 1, updated: 1, unchanged: 1, errors: [] });
    const stored = await lines();
    expect(stored.find((l) => l.order_id === 'SO-1' && l.line_no === 1)).toMatchObject({
      date: '2026-03-02',
      quantity: '3.000',
      owner_id: who.boris,
    });
    expect(stored.find((l) => l.order_id === 'SO-2' && l.line_no === 2)).toMatchObject({ status: 'cancelled' });
    expect(stored.find((l) => l.order_id === 'SO-5')).toMatchObject({ cost: '2.5000', status: 'confirmed', owner_id: who.anna });
    const days = await ownerDays();
    expect(days.filter((d) => ['2026-02-27', '2026-02-28', '2026-03-02'].includes(d.day))).toEqual([
      { day: '2026-02-27', owner_id: who.anna, revenue: '10.0000', margin: '7.5000' },
      { day: '2026-02-28', owner_id: who.anna, revenue: '54.0000', margin: '49.5000' },
      { day: '2026-03-02', owner_id: who.boris, revenue: '300.0000', margin: '270.0000' },
    ]);
    // the service S is first ordered a day earlier now
    const [s] = await q<{ first_date: string }>(
      sql`SELECT f.first_date::text FROM kpi_first_lines f JOIN products p ON p.id = f.product_id WHERE p.sku = 'S' AND f.account_id = ${acc.a}`,
    );
    expect(s?.first_date).toBe('2026-02-27');
    await expectExactSummaries();
  });

  it('refuses changes that returns or the account forbid, and values returns at the changed price', async () => {
    // 1 of the 1.5 of SO-1/2 came back
    await database.db.execute(sql`
      INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, owner_id)
      VALUES ('R-1', 'SO-1', 2, ${acc.a}, '2026-03-05', 1, ${who.boris})`);
    await database.db.execute(sql`SELECT kpi_refresh_days(ARRAY['2026-03-05']::date[])`);
    const bad = await run(
      'orders',
      csv([
        header,
        ['SO-1', '2', 'A-1', '2026-02-28', 'S', '0.5', '40', '10', '3', 'confirmed'],
        ['SO-1', '2', 'A-1', '2026-02-28', 'S', '1.5', '40', '10', '3', 'cancelled'],
        ['SO-2', '1', 'B-1', '2026-03-01', 'P', '1', '100', '', '', ''],
        ['SO-3', '1', 'B-1', '2026-01-31', 'P', '1', '50', '', '', ''],
      ]),
    );
    expect(errorsOf(bad)).toEqual([
      [2, 'quantity', 'ORDER_LINE_BELOW_RETURNED'],
      [3, 'order_id', 'DUPLICATE_KEY'],
      [4, 'account_external_id', 'ORDER_LINE_OTHER_ACCOUNT'],
    ]);
    expect(bad.errors[0]?.message).toBe('is less than the 1.000 already returned from line 2 of order SO-1');
    expect(bad.errors[2]?.message).toBe('line 1 of order SO-2 is stored for the account A-1: a line cannot move to another account');
    expect(bad).toMatchObject({ applied: false, rejected: 3, unchanged: 1 });
    const cancel = await run('orders', csv([header, ['SO-1', '2', 'A-1', '2026-02-28', 'S', '1.5', '40', '10', '3', 'cancelled']]), {
      locale: 'ru',
    });
    expect(cancel.errors).toEqual([
      {
        line: 2,
        column: 'status',
        code: 'ORDER_LINE_RETURNED_CANCEL',
        message: 'по строке 2 заказа SO-1 есть возвраты (1.000): её нельзя отменить',
      },
    ]);
    // a new price is allowed, and the return's day is valued at it
    const repriced = await run('orders', csv([header, ['SO-1', '2', 'A-1', '2026-02-28', 'S', '1.5', '50', '10', '3', 'confirmed']]));
    expect(repriced).toMatchObject({ applied: true, updated: 1 });
    expect((await ownerDays()).find((d) => d.day === '2026-03-05')).toEqual({
      day: '2026-03-05',
      owner_id: who.boris,
      revenue: '-45.0000',
      margin: '-42.0000',
    });
    await expectExactSummaries();
  });

  it('reports every bad cell and row with its line and column, in the user language, and stores nothing', async () => {
    const before = await summaries();
    const file = Buffer.from(
      [
        header.join(','),
        'Z-1,1,A-1,2026-02-30,P,1,10,,,',
        'Z-1,2,A-1,2026-02-01,"SKU,X",1,10,,,',
        'Z-1,3,NOPE,2026-02-01,P,0,10,,,',
        'Z-2,1,A-1,2026-02-01,P,1.2345,10,,,"con',
        'firmed"',
        'Z-3,1,A-1,2026-02-01,P,1,10,101,-1,done',
        'Z-4,1,A-1,2026-02-01,P,1,10,,,',
        'Z-4,1,A-1,2026-02-02,P,1,10,,,',
        'Z-5,,A-1,2026-02-01,P,1,10,,,',
        'Z-5,x,A-1,2026-02-01,P,1,10,,,,extra',
        'Z-6,1,A-1,2026-02-01,"SKU,Q",1,10,,,',
        '',
      ].join('\r\n'),
    );
    const report = await run('orders', file);
    expect(errorsOf(report)).toEqual([
      [2, 'order_date', 'INVALID_DATE'],
      [3, 'sku', 'UNKNOWN_PRODUCT'],
      [4, 'quantity', 'NOT_POSITIVE'],
      [4, 'account_external_id', 'UNKNOWN_ACCOUNT'],
      [6, 'quantity', 'INVALID_DECIMAL'],
      [6, 'status', 'INVALID_CHOICE'],
      [7, 'discount_pct', 'OUT_OF_RANGE'],
      [7, 'unit_cost', 'OUT_OF_RANGE'],
      [7, 'status', 'INVALID_CHOICE'],
      [9, 'order_id', 'DUPLICATE_KEY'],
      [10, 'line_no', 'REQUIRED'],
      [11, null, 'COLUMN_COUNT'],
      [11, 'line_no', 'INVALID_INTEGER'],
    ]);
    expect(report).toMatchObject({ applied: false, rows: 10, rejected: 8, inserted: 2 });
    expect(report.errors[1]?.message).toBe('no product with the SKU SKU,X');
    expect(report.errors.find((e) => e.line === 9)?.message).toBe('the same order_id + line_no is already on line 8');
    const ru = await run('orders', file, { locale: 'ru' });
    expect(ru.errors[0]?.message).toBe('«2026-02-30» — не дата (ГГГГ-ММ-ДД)');
    expect(ru.errors[1]?.message).toBe('нет товара с артикулом SKU,X');
    expect(await q(sql`SELECT 1 FROM order_lines WHERE order_id LIKE 'Z-%'`)).toEqual([]);
    expect(await summaries()).toEqual(before);
  });

  it('returns at most 1,000 errors but counts every rejected row', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`E-${i}`, '1', 'A-1', '2026-02-01', 'P', 'many', '1', '', '', '']);
    const report = await run('orders', csv([header, ...rows]));
    expect(report.errors).toHaveLength(1000);
    expect(report).toMatchObject({ rejected: 1500, applied: false });
    expect(report.errors.at(-1)?.line).toBe(1001);
  });

  it('checks the header and the limits before anything', async () => {
    const headerErrors = await run('orders', csv([[...header.filter((h) => h !== 'sku'), 'colour', 'quantity'], ['x']]));
    expect(errorsOf(headerErrors)).toEqual([
      [1, 'colour', 'UNKNOWN_COLUMN'],
      [1, 'quantity', 'DUPLICATE_COLUMN'],
      [1, 'sku', 'MISSING_COLUMN'],
    ]);
    expect(errorsOf(await run('orders', Buffer.from('')))).toEqual([[1, null, 'EMPTY_FILE']]);
    const ctx: Ctx = { db: database.db, actor: null, locale: 'en', ip: null, requestId: null, publicUrl: 'http://localhost' };
    const three = csv([header, ...[1, 2, 3].map((n) => [`T-${n}`, '1', 'A-1', '2026-02-01', 'P', '1', '1', '', '', ''])]);
    const tooMany = await importFile(ctx, {
      entity: 'orders',
      file: three,
      fileName: 'x.csv',
      dryRun: false,
      limits: { maxBytes: 1_000_000, maxRows: 2 },
      asOperator: true,
    });
    expect(errorsOf(tooMany)).toEqual([[4, null, 'TOO_MANY_ROWS']]);
    expect(tooMany.applied).toBe(false);
    const tooLarge = await importFile(ctx, {
      entity: 'orders',
      file: three,
      fileName: 'x.csv',
      dryRun: false,
      limits: { maxBytes: 100 },
      asOperator: true,
    }).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(AppError);
    expect((tooLarge as AppError).code).toBe('IMPORT_FILE_TOO_LARGE');
    const broken = await run('orders', Buffer.from(`${header.join(',')}\nX-1,1,A-1,2026-02-01,"P,1,1,,,\n`)).catch((e: unknown) => e);
    expect((broken as AppError).code).toBe('IMPORT_CSV_INVALID');
    expect(await q(sql`SELECT 1 FROM order_lines WHERE order_id LIKE 'T-%' OR order_id LIKE 'X-%'`)).toEqual([]);
  });

  it('reads the first sheet of an XLSX file, with date and number cells', async () => {
    const report = await run(
      'orders',
      await xlsx(
        [
          header,
          ['XL-1', 1, 'A-1', new Date(Date.UTC(2026, 1, 10)), 'P', 2.5, 99.99, 5, null, 'confirmed'],
          ['XL-1', 2, 'B-1', '2026-02-11', 'S', 1, 10, null, null, null],
        ],
        1,
      ),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 2 });
    expect(
      await q(
        sql`SELECT line_no, order_date::text, quantity::text, unit_price::text, discount_pct::text, owner_id FROM order_lines WHERE order_id = 'XL-1' ORDER BY line_no`,
      ),
    ).toEqual([
      { line_no: 1, order_date: '2026-02-10', quantity: '2.500', unit_price: '99.9900', discount_pct: '5.0000', owner_id: who.anna },
      { line_no: 2, order_date: '2026-02-11', quantity: '1.000', unit_price: '10.0000', discount_pct: '0.0000', owner_id: who.vera },
    ]);
    await expectExactSummaries();
  });

  it('leaves nothing behind when the CLI is killed in the middle of writing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grove-orders-'));
    const file = path.join(dir, 'big.csv');
    const rows = Array.from(
      { length: 200_000 },
      (_, i) => `K-${String(i).padStart(7, '0')},1,A-1,2026-02-${String(1 + (i % 28)).padStart(2, '0')},P,1,10,,,`,
    );
    fs.writeFileSync(file, `${header.join(',')}\n${rows.join('\n')}\n`);
    const count = async () => (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM order_lines`))[0]?.n;
    const before = await count();
    const summaryBefore = await summaries();
    const child = spawn(process.execPath, [path.resolve('bin/grove.js'), 'import', 'orders', file], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'error' },
    });
    const closed = new Promise((r) => child.once('close', r));
    // wait until the import's transaction writes order lines, then kill -9 (watched as the CLI's login)
    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    let writing = false;
    for (let i = 0; i < 3000 && !writing && child.exitCode === null; i++) {
      const { rows: active } = await watcher.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%INSERT INTO order_lines%'`,
      );
      writing = active.length > 0;
      if (!writing) await new Promise((r) => setTimeout(r, 20));
    }
    await watcher.end();
    expect(writing, 'the import reached its writes before it was killed').toBe(true);
    child.kill('SIGKILL');
    await closed;
    for (let i = 0; i < 100 && (await q(sql`SELECT 1 FROM pg_locks WHERE locktype = 'advisory'`)).length; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(before);
    expect(await summaries()).toEqual(summaryBefore);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
