import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../core/context.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeCompany, makeUser } from '../../../test/helpers/factories.js';
import { csv, xlsx } from '../../../test/helpers/tables.js';
import { ownerOnDay } from '../accounts/ownership.js';
import type { ImportEntity } from './imports.contracts.js';
import { importFile } from './imports.service.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: Ctx;
let boris: string;
const emails = { anna: '', boris: '', vera: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  await makeCompany(database.db, { currency: 'RUB' });
  ctx = { db: database.db, actor: null, locale: 'en', ip: null, requestId: null, publicUrl: 'http://localhost' };
  for (const key of ['anna', 'boris', 'vera'] as const) {
    const u = await makeUser(database.db, { role: 'kam' });
    emails[key] = u.email;
    if (key === 'boris') boris = u.id;
  }
}, 60_000);
afterAll(() => database.close());

const run = (entity: ImportEntity, file: Buffer, opts: { dryRun?: boolean; maxBytes?: number } = {}) =>
  importFile(ctx, {
    entity,
    file,
    fileName: 'test',
    dryRun: !!opts.dryRun,
    limits: { maxBytes: opts.maxBytes ?? 10_000_000 },
    asOperator: true,
  });

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await database.db.execute<T>(query)).rows;
const ownerOn = async (externalId: string, day: string) =>
  (
    await q<{ email: string | null }>(sql`
      SELECT (SELECT email FROM users WHERE id = ${ownerOnDay(sql`a.id`, sql`${day}::date`)}) AS email
      FROM accounts a WHERE a.external_id = ${externalId}`)
  )[0]?.email ?? null;

const header = [
  'external_id',
  'name',
  'owner_email',
  'owner_since',
  'tier',
  'status',
  'lost_date',
  'currency',
  'credit_limit',
  'payment_terms_days',
];

describe('accounts import', () => {
  it('stores a clean file, with BOM, quotes and line breaks in cells, defaults and exact decimals', async () => {
    const report = await run(
      'accounts',
      csv(
        [
          header,
          ['ACC-1', 'ООО «Ромашка», склад', emails.anna, '2025-01-01', 'key', 'active', '', '', '1234567.89', '30'],
          ['ACC-2', 'Line one\nline "two"', emails.boris, '', '', '', '', 'EUR', '', ''],
          ['ACC-3', 'Lost Ltd', emails.vera, '', 'regular', 'lost', '2026-02-01', '', '', ''],
        ],
        { bom: true },
      ),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const rows = await q<Record<string, string>>(sql`
      SELECT external_id, name, tier::text, status::text, currency, credit_limit::text, payment_terms_days, lost_date::text
      FROM accounts ORDER BY external_id`);
    expect(rows).toEqual([
      {
        external_id: 'ACC-1',
        name: 'ООО «Ромашка», склад',
        tier: 'key',
        status: 'active',
        currency: 'RUB',
        credit_limit: '1234567.89',
        payment_terms_days: 30,
        lost_date: null,
      },
      {
        external_id: 'ACC-2',
        name: 'Line one\nline "two"',
        tier: 'regular',
        status: 'active',
        currency: 'EUR',
        credit_limit: null,
        payment_terms_days: null,
        lost_date: null,
      },
      {
        external_id: 'ACC-3',
        name: 'Lost Ltd',
        tier: 'regular',
        status: 'lost',
        currency: 'RUB',
        credit_limit: null,
        payment_terms_days: null,
        lost_date: '2026-02-01',
      },
    ]);
    expect(await ownerOn('ACC-1', '2024-12-31')).toBeNull(); // before the first assignment: no owner
    expect(await ownerOn('ACC-1', '2025-01-01')).toBe(emails.anna);
    expect(await ownerOn('ACC-2', '1990-01-01')).toBe(emails.boris); // empty owner_since: from the beginning
  });

  it('is idempotent: the same file again changes nothing; a changed row updates', async () => {
    const file = csv([header, ['ACC-1', 'ООО «Ромашка», склад', emails.anna, '2025-01-01', 'key', 'active', '', '', '1234567.89', '30']]);
    expect(await run('accounts', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, applied: true });
    const changed = csv([header, ['ACC-1', 'Romashka', emails.anna, '2025-01-01', 'key', 'active', '', '', '1500000', '45']]);
    expect(await run('accounts', changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await run('accounts', changed)).toMatchObject({ updated: 0, unchanged: 1 });
    const [acc] = await q<{ name: string; payment_terms_days: number; credit_limit: string }>(
      sql`SELECT name, payment_terms_days, credit_limit::text FROM accounts WHERE external_id = 'ACC-1'`,
    );
    expect(acc).toEqual({ name: 'Romashka', payment_terms_days: 45, credit_limit: '1500000.00' });
  });

  it('reports every bad row with line, column and reason in one run, and stores nothing', async () => {
    const before = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`);
    const report = await run(
      'accounts',
      csv([
        header,
        ['NEW-1', 'Fine', emails.anna, '', '', '', '', '', '', ''],
        ['NEW-2', 'Bad date', emails.anna, '2026-02-30', '', '', '', '', '', ''],
        ['NEW-3', '', 'nobody@example.test', '', 'gold', '', '', 'XYZ', '-1', '1.5'],
        ['NEW-4', 'Lost without a date', emails.anna, '', '', 'lost', '', '', '', ''],
        ['NEW-5', 'Unknown owner', 'nobody@example.test', '', '', '', '', '', '', ''],
        ['NEW-1', 'Twice', emails.anna, '', '', '', '', '', '', ''],
      ]),
    );
    expect(report.applied).toBe(false);
    expect(report.rejected).toBe(5);
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'owner_since', 'INVALID_DATE'],
      [4, 'name', 'REQUIRED'],
      [4, 'tier', 'INVALID_CHOICE'],
      [4, 'currency', 'INVALID_CURRENCY'],
      [4, 'credit_limit', 'OUT_OF_RANGE'],
      [4, 'payment_terms_days', 'INVALID_INTEGER'],
      [4, 'owner_email', 'UNKNOWN_USER'], // checked too, though other cells of the row are wrong
      [5, 'lost_date', 'LOST_DATE_REQUIRED'],
      [6, 'owner_email', 'UNKNOWN_USER'],
      [7, 'external_id', 'DUPLICATE_KEY'],
    ]);
    expect(report.errors[0]?.message).toBe('"2026-02-30" is not a date (YYYY-MM-DD)');
    expect(await q(sql`SELECT count(*)::int AS n FROM accounts`)).toEqual(before);
  });

  it('refuses unknown and missing columns before reading rows, in the reader’s language', async () => {
    const report = await importFile(
      { ...ctx, locale: 'ru' },
      {
        entity: 'accounts',
        file: csv([
          ['external_id', 'name', 'owner', 'Segment'],
          ['X', 'Y', 'z', 's'],
        ]),
        fileName: 'x.csv',
        dryRun: false,
        limits: { maxBytes: 1e6 },
        asOperator: true,
      },
    );
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1, 'owner', 'UNKNOWN_COLUMN'],
      [1, 'owner_email', 'MISSING_COLUMN'],
    ]);
    expect(report.errors[1]?.message).toBe('нет обязательного столбца «owner_email»');
  });

  it('a dry run reports what a real run would do and stores nothing', async () => {
    const file = csv([
      header,
      ['DRY-1', 'Dry', emails.vera, '', '', '', '', '', '', ''],
      ['ACC-3', 'Lost Ltd', emails.vera, '', 'regular', 'lost', '2026-02-01', '', '', ''],
    ]);
    const report = await run('accounts', file, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, updated: 0, unchanged: 1, rejected: 0, errors: [] });
    expect(report.preview.map((p) => [p.line, p.action, p.key])).toEqual([
      [2, 'insert', 'DRY-1'],
      [3, 'unchanged', 'ACC-3'],
    ]);
    expect(await q(sql`SELECT 1 FROM accounts WHERE external_id = 'DRY-1'`)).toEqual([]);
  });

  it('keeps the ownership history: transfers add assignments, a same-day transfer replaces, re-imports leave it', async () => {
    const accounts = csv([header.slice(0, 4), ['HIST-1', 'History Ltd', emails.anna, '2025-01-01']]);
    await run('accounts', accounts);
    const transfers = csv([
      ['account_external_id', 'to_owner_email', 'date'],
      ['HIST-1', emails.boris, '2025-06-01'],
      ['HIST-1', emails.vera, '2025-01-01'], // same day as the accounts row: replaces it
    ]);
    expect(await run('account_transfers', transfers)).toMatchObject({ inserted: 1, updated: 1, applied: true });
    expect(await ownerOn('HIST-1', '2025-03-01')).toBe(emails.vera);
    expect(await ownerOn('HIST-1', '2025-05-31')).toBe(emails.vera);
    expect(await ownerOn('HIST-1', '2025-06-01')).toBe(emails.boris);
    expect(await ownerOn('HIST-1', '2030-01-01')).toBe(emails.boris);
    // the same files again: nothing changes, and the accounts row does not undo the transfer
    expect(await run('account_transfers', transfers)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await run('accounts', accounts)).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await ownerOn('HIST-1', '2025-03-01')).toBe(emails.vera);
    // today's owner is the one of the latest assignment
    const [acc] = await q<{ owner_id: string }>(sql`SELECT owner_id FROM accounts WHERE external_id = 'HIST-1'`);
    expect(acc?.owner_id).toBe(boris);
    // the accounts row moves its own assignment when owner_since changes; transfers stay
    await run('accounts', csv([header.slice(0, 4), ['HIST-1', 'History Ltd', emails.anna, '2024-01-01']]));
    expect(await ownerOn('HIST-1', '2024-06-01')).toBe(emails.anna);
    expect(await ownerOn('HIST-1', '2025-03-01')).toBe(emails.vera);
  });

  it('refuses transfers of unknown accounts or to unknown users', async () => {
    const report = await run(
      'account_transfers',
      csv([
        ['account_external_id', 'to_owner_email', 'date'],
        ['NOPE', 'nobody@example.test', '2025-01-01'],
      ]),
    );
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'account_external_id', 'UNKNOWN_ACCOUNT'],
      [2, 'to_owner_email', 'UNKNOWN_USER'],
    ]);
  });

  it('reads XLSX (first sheet, date and number cells) like CSV', async () => {
    const file = await xlsx(
      [
        ['external_id', 'name', 'owner_email', 'owner_since', 'credit_limit', 'payment_terms_days'],
        ['XL-1', 'Excel Co', emails.anna, new Date(Date.UTC(2025, 2, 15)), 5000.5, 14],
        [null, null, null, null, null, null],
        ['XL-2', 'Excel Two', emails.boris, '2025-04-01', null, null],
      ],
      1,
    );
    const report = await run('accounts', file);
    expect(report.errors).toEqual([]);
    expect(report.inserted).toBe(2);
    const rows = await q(
      sql`SELECT external_id, credit_limit::text, payment_terms_days FROM accounts WHERE external_id LIKE 'XL-%' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { external_id: 'XL-1', credit_limit: '5000.50', payment_terms_days: 14 },
      { external_id: 'XL-2', credit_limit: null, payment_terms_days: null },
    ]);
    expect(await ownerOn('XL-1', '2025-03-15')).toBe(emails.anna);
    expect(await ownerOn('XL-1', '2025-03-14')).toBeNull();
  });

  it('refuses a file over the size limit and an XLSX that unpacks to far more (zip bomb)', async () => {
    await expect(run('accounts', Buffer.alloc(2_000_000, 'a'), { maxBytes: 1_000_000 })).rejects.toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
    });
    const bomb = await xlsx([['external_id'], ['x'.repeat(9_000_000)]]);
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(run('accounts', bomb, { maxBytes: 1_000_000 })).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE' });
    await expect(run('accounts', Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  });

  it('reports a broken CSV with its line', async () => {
    await expect(run('accounts', Buffer.from('external_id,name,owner_email\nA,"unclosed,x\n'))).rejects.toMatchObject({
      code: 'IMPORT_CSV_INVALID',
    });
  });
});
