import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeOrderLine, makeProduct, makeUser } from '../../../test/helpers/factories.js';
import { errorsOf, importer, rowsOf } from '../../../test/helpers/imports.js';
import { csv } from '../../../test/helpers/tables.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let run: ReturnType<typeof importer>;
let accountId: string;
const who = { anna: '', boris: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await makeCompany(db);
  run = importer(db);
  who.anna = (await makeUser(db, { name: 'Anna' })).id;
  who.boris = (await makeUser(db, { name: 'Boris' })).id;
  accountId = (await makeAccount(db, { ownerId: who.anna, patch: { externalId: 'ACC-1' } })).id;
  // Boris has the account from February on
  await db.execute(
    sql`INSERT INTO account_owners (account_id, start_date, owner_id, origin) VALUES (${accountId}, '2026-02-01', ${who.boris}, 'transfer')`,
  );
  const product = await makeProduct(db);
  const line = { accountId, productId: product.id, orderDate: '2026-01-10', unitPrice: '100', discountPct: '10', unitCost: '50' };
  await makeOrderLine(db, { ...line, orderId: 'O-1', lineNo: 1, quantity: '10' });
  await makeOrderLine(db, { ...line, orderId: 'O-1', lineNo: 2, quantity: '10', status: 'cancelled' });
  await makeOrderLine(db, { ...line, orderId: 'O-2', lineNo: 1, quantity: '5.5' });
}, 60_000);
afterAll(() => database.close());

const header = ['return_id', 'order_id', 'line_no', 'return_date', 'quantity', 'reason'];
const returns = () =>
  rowsOf(
    database.db,
    sql`SELECT return_id, order_id, line_no, account_id, return_date::text, quantity::text, reason::text, owner_id
        FROM order_returns ORDER BY return_id`,
  );
/** revenue and margin of the KPI summary on a day, per owner, at 2 decimals */
const summary = (day: string) =>
  rowsOf(
    database.db,
    sql`SELECT owner_id, revenue::numeric(18, 2)::text AS revenue, margin::numeric(18, 2)::text AS margin
        FROM kpi_owner_days WHERE day = ${day}::date ORDER BY owner_id`,
  );

describe('returns import', () => {
  it('stores returns of confirmed lines with the account and the owner of the return date, and keeps the KPI summary exact', async () => {
    const report = await run(
      'returns',
      csv([header, ['R-1', 'O-1', '1', '2026-01-20', '2', 'defect'], ['R-2', 'O-1', '1', '2026-02-05', '3', '']]),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 2 });
    expect(await returns()).toEqual([
      {
        return_id: 'R-1',
        order_id: 'O-1',
        line_no: 1,
        account_id: accountId,
        return_date: '2026-01-20',
        quantity: '2.000',
        reason: 'defect',
        owner_id: who.anna,
      },
      {
        return_id: 'R-2',
        order_id: 'O-1',
        line_no: 1,
        account_id: accountId,
        return_date: '2026-02-05',
        quantity: '3.000',
        reason: null,
        owner_id: who.boris,
      },
    ]);
    // returned quantity × net unit price (100 less 10 %), and × (net unit price − unit cost 50)
    expect(await summary('2026-01-20')).toEqual([{ owner_id: who.anna, revenue: '-180.00', margin: '-80.00' }]);
    expect(await summary('2026-02-05')).toEqual([{ owner_id: who.boris, revenue: '-270.00', margin: '-120.00' }]);
  });

  it('is idempotent; a changed return updates, moves its KPI day and owner, and does not count against itself', async () => {
    const same = csv([header, ['R-1', 'O-1', '1', '2026-01-20', '2.0', 'defect'], ['R-2', 'O-1', '1', '2026-02-05', '3', '']]);
    expect(await run('returns', same)).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 2 });
    // R-2 moves to January (Anna's month) and grows to 8: with R-1's 2 that is the whole line of 10
    const changed = csv([header, ['R-2', 'O-1', '1', '2026-01-25', '8', 'refusal']]);
    expect(await run('returns', changed)).toMatchObject({ applied: true, updated: 1, unchanged: 0 });
    expect(await run('returns', changed)).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await returns())[1]).toMatchObject({ return_date: '2026-01-25', quantity: '8.000', reason: 'refusal', owner_id: who.anna });
    expect(await summary('2026-02-05')).toEqual([]);
    expect(await summary('2026-01-25')).toEqual([{ owner_id: who.anna, revenue: '-720.00', margin: '-320.00' }]);
    // a file without the reason column keeps the stored reasons
    expect(await run('returns', csv([header.slice(0, 5), ['R-2', 'O-1', '1', '2026-01-25', '8']]))).toMatchObject({ unchanged: 1 });
    // back to 3 on 2026-02-05, for the next tests
    await run('returns', csv([header, ['R-2', 'O-1', '1', '2026-02-05', '3', '']]));
    expect(await summary('2026-01-25')).toEqual([]);
  });

  it('refuses returns beyond the line quantity, counting stored returns and earlier rows of the file', async () => {
    // O-1/1: 10, already returned 2 + 3
    const report = await run(
      'returns',
      csv([
        header,
        ['R-3', 'O-1', '1', '2026-02-10', '4', ''],
        ['R-4', 'O-1', '1', '2026-02-11', '2', ''],
        ['R-5', 'O-2', '1', '2026-02-11', '5.501', ''],
        ['R-6', 'O-2', '1', '2026-02-11', '5.5', ''],
      ]),
    );
    expect(report).toMatchObject({ applied: false, rejected: 3 });
    expect(errorsOf(report)).toEqual([
      [3, 'quantity', 'RETURN_EXCEEDS_LINE'],
      [4, 'quantity', 'RETURN_EXCEEDS_LINE'],
      [5, 'quantity', 'RETURN_EXCEEDS_LINE'],
    ]);
    expect(report.errors[0]?.message).toBe('returns of line 1 of order O-1 would add up to 11.000, more than its quantity 10.000');
    const ru = await run('returns', csv([header, ['R-5', 'O-2', '1', '2026-02-11', '6', '']]), { locale: 'ru' });
    expect(ru.errors[0]?.message).toBe('возвраты по строке 1 заказа O-2 составят 6.000, больше её количества 5.500');
    // exactly the rest of the line is fine
    expect(await run('returns', csv([header, ['R-3', 'O-1', '1', '2026-02-10', '5', '']]))).toMatchObject({ applied: true, inserted: 1 });
    expect(await run('returns', csv([header, ['R-7', 'O-1', '1', '2026-02-12', '0.001', '']]))).toMatchObject({ applied: false });
  });

  it('reports every bad row with line, column and reason, and stores nothing', async () => {
    const before = await returns();
    const report = await run(
      'returns',
      csv([
        header,
        ['E-1', 'NOPE', '1', '2026-02-01', '1', ''],
        ['E-2', 'O-1', '9', '2026-02-01', '1', ''],
        ['E-3', 'O-1', '2', '2026-02-01', '1', ''],
        ['E-4', 'O-2', '1', '2026-01-01', '0', 'broken'],
        ['E-5', 'O-2', 'one', '2026-02-30', '1.2345', ''],
        ['', 'O-2', '1', '2026-02-01', '1', ''],
        ['E-7', 'O-2', '1', '2026-02-01', '1', ''],
        ['E-7', 'O-2', '1', '2026-02-01', '1', ''],
      ]),
    );
    expect(report.applied).toBe(false);
    expect(errorsOf(report)).toEqual([
      [2, 'order_id', 'UNKNOWN_ORDER'],
      [3, 'line_no', 'UNKNOWN_ORDER_LINE'],
      [4, 'line_no', 'ORDER_LINE_CANCELLED'],
      [5, 'quantity', 'NOT_POSITIVE'],
      [5, 'reason', 'INVALID_CHOICE'],
      [5, 'return_date', 'RETURN_BEFORE_ORDER'],
      [6, 'line_no', 'INVALID_INTEGER'],
      [6, 'return_date', 'INVALID_DATE'],
      [6, 'quantity', 'INVALID_DECIMAL'],
      [7, 'return_id', 'REQUIRED'],
      [9, 'return_id', 'DUPLICATE_KEY'],
    ]);
    expect(report.rejected).toBe(7);
    expect(report.errors.map((e) => e.message).slice(0, 3)).toEqual([
      'no order NOPE',
      'no line 9 in order O-1',
      'line 2 of order O-1 is cancelled: only confirmed lines can be returned',
    ]);
    expect(await returns()).toEqual(before);
  });

  it('dry run reports what would happen and stores nothing', async () => {
    const before = await returns();
    const days = await summary('2026-02-20');
    const report = await run(
      'returns',
      csv([header, ['R-1', 'O-1', '1', '2026-01-20', '2', 'defect'], ['R-8', 'O-2', '1', '2026-02-20', '1', 'other']]),
      { dryRun: true },
    );
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, unchanged: 1, rejected: 0, errors: [] });
    expect(await returns()).toEqual(before);
    expect(await summary('2026-02-20')).toEqual(days);
  });
});
