import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeCompany, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { errorsOf, importer, rowsOf } from '../../../test/helpers/imports.js';
import { csv } from '../../../test/helpers/tables.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let run: ReturnType<typeof importer>;
let anna: TestUser;
let boris: TestUser;

beforeAll(async () => {
  database = await createTestDatabase();
  await makeCompany(database.db);
  run = importer(database.db);
  anna = await makeUser(database.db);
  boris = await makeUser(database.db, { role: 'senior_kam' });
}, 60_000);
afterAll(() => database.close());

const header = ['manager_email', 'month', 'revenue_target', 'active_clients_target', 'new_clients_target'];
const stored = () =>
  rowsOf(
    database.db,
    sql`SELECT u.email, t.month::text, t.revenue_target::text, t.active_clients_target, t.new_clients_target
        FROM manager_targets t JOIN users u ON u.id = t.user_id ORDER BY u.email, t.month`,
  );

describe('plans import', () => {
  it("stores each manager's monthly targets, the month as its first day, with exact money", async () => {
    const report = await run(
      'plans',
      csv([
        header,
        [anna.email, '2026-01', '1500000', '40', '3'],
        [anna.email.toUpperCase(), '2026-02', '1750000.5', '', ''],
        [boris.email, '2026-01', '0', '0', '0'],
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 3 });
    const rows = await stored();
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual({
      email: anna.email,
      month: '2026-01-01',
      revenue_target: '1500000.00',
      active_clients_target: 40,
      new_clients_target: 3,
    });
    expect(rows).toContainEqual({
      email: anna.email,
      month: '2026-02-01',
      revenue_target: '1750000.50',
      active_clients_target: null,
      new_clients_target: null,
    });
    expect(rows).toContainEqual({
      email: boris.email,
      month: '2026-01-01',
      revenue_target: '0.00',
      active_clients_target: 0,
      new_clients_target: 0,
    });
  });

  it('is idempotent; a changed target updates; absent columns keep stored values', async () => {
    const same = csv([
      header,
      [anna.email, '2026-01', '1500000.00', '40', '3'],
      [anna.email, '2026-02', '1750000.50', '', ''],
      [boris.email, '2026-01', '0', '0', '0'],
    ]);
    expect(await run('plans', same)).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 3 });
    const changed = csv([header.slice(0, 3), [anna.email, '2026-01', '1600000']]);
    expect(await run('plans', changed)).toMatchObject({ updated: 1 });
    expect(await run('plans', changed)).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await stored()).find((r) => r.email === anna.email && r.month === '2026-01-01')).toMatchObject({
      revenue_target: '1600000.00',
      active_clients_target: 40,
      new_clients_target: 3,
    });
  });

  it('reports every bad row, in English and Russian, and stores nothing', async () => {
    const before = await stored();
    const file = csv([
      header,
      ['nobody@example.test', '2026-03', '100', '', ''],
      [anna.email, '2026-13', '-1', '-2', '1.5'],
      [anna.email, '2026-03-01', '100.001', '', ''],
      [anna.email, '2026-04', '', '', ''],
      [boris.email, '2026-05', '1', '', ''],
      [boris.email, '2026-05', '2', '', ''],
    ]);
    const report = await run('plans', file);
    expect(errorsOf(report)).toEqual([
      [2, 'manager_email', 'UNKNOWN_USER'],
      [3, 'month', 'INVALID_MONTH'],
      [3, 'revenue_target', 'OUT_OF_RANGE'],
      [3, 'active_clients_target', 'OUT_OF_RANGE'],
      [3, 'new_clients_target', 'INVALID_INTEGER'],
      [4, 'month', 'INVALID_MONTH'],
      [4, 'revenue_target', 'INVALID_DECIMAL'],
      [5, 'revenue_target', 'REQUIRED'],
      [7, 'manager_email', 'DUPLICATE_KEY'],
    ]);
    expect(report).toMatchObject({ applied: false, rejected: 5 });
    expect(report.errors[1]?.message).toBe('"2026-13" is not a month (YYYY-MM)');
    const ru = await run('plans', file, { locale: 'ru' });
    expect(ru.errors[1]?.message).toBe('«2026-13» — не месяц (ГГГГ-ММ)');
    expect(await stored()).toEqual(before);
  });

  it('dry run reports what would happen and stores nothing', async () => {
    const before = await stored();
    const report = await run('plans', csv([header, [boris.email, '2026-06', '5', '', '']]), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, errors: [] });
    expect(await stored()).toEqual(before);
  });
});
