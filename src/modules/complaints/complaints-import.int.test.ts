import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeUser } from '../../../test/helpers/factories.js';
import { errorsOf, importer, rowsOf } from '../../../test/helpers/imports.js';
import { csv } from '../../../test/helpers/tables.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let run: ReturnType<typeof importer>;
let accountId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await makeCompany(db, { timeZone: 'Europe/Moscow' });
  run = importer(db);
  const anna = await makeUser(db);
  accountId = (await makeAccount(db, { ownerId: anna.id, patch: { externalId: 'ACC-1' } })).id;
}, 60_000);
afterAll(() => database.close());

const header = [
  'complaint_id',
  'account_external_id',
  'received_at',
  'first_response_at',
  'resolved_at',
  'severity',
  'justified',
  'category',
];
const utc = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS ${column}`);
const stored = () =>
  rowsOf(
    database.db,
    sql`SELECT external_id, account_id, ${utc('received_at')}, ${utc('first_response_at')}, ${utc('resolved_at')},
               severity::text, justified, category
        FROM complaints ORDER BY external_id`,
  );
const events = () =>
  rowsOf<{ account_id: string; occurred_at: string; data: Record<string, unknown> }>(
    database.db,
    sql`SELECT account_id, ${utc('occurred_at')}, data FROM account_events WHERE kind = 'complaint.received' ORDER BY occurred_at`,
  );

describe('complaints import', () => {
  it('stores complaints with times in the company time zone unless an offset is given, severity normal by default', async () => {
    const report = await run(
      'complaints',
      csv([
        header,
        ['C-1', 'ACC-1', '2026-03-02T09:00', '2026-03-02T11:30:00+03:00', '2026-03-04T18:00:00Z', 'high', 'true', 'Delivery'],
        ['C-2', 'ACC-1', '2026-03-05T10:00:00+05:00', '', '', '', '', ''],
        ['C-3', 'ACC-1', '2026-03-06', '', '', 'low', 'false', 'Quality'],
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 3 });
    expect(await stored()).toEqual([
      {
        external_id: 'C-1',
        account_id: accountId,
        received_at: '2026-03-02T06:00:00Z',
        first_response_at: '2026-03-02T08:30:00Z',
        resolved_at: '2026-03-04T18:00:00Z',
        severity: 'high',
        justified: true,
        category: 'Delivery',
      },
      {
        external_id: 'C-2',
        account_id: accountId,
        received_at: '2026-03-05T05:00:00Z',
        first_response_at: null,
        resolved_at: null,
        severity: 'normal',
        justified: null,
        category: null,
      },
      {
        external_id: 'C-3',
        account_id: accountId,
        received_at: '2026-03-05T21:00:00Z', // midnight in Moscow
        first_response_at: null,
        resolved_at: null,
        severity: 'low',
        justified: false,
        category: 'Quality',
      },
    ]);
  });

  it('puts each new complaint on its account timeline at the time it was received', async () => {
    const received = await events();
    expect(received.map((e) => e.occurred_at)).toEqual(['2026-03-02T06:00:00Z', '2026-03-05T05:00:00Z', '2026-03-05T21:00:00Z']);
    expect(received[0]).toMatchObject({
      account_id: accountId,
      data: { complaintId: 'C-1', severity: 'high', category: 'Delivery', justified: true },
    });
  });

  it('is idempotent; a changed complaint updates without a second timeline event; absent columns keep stored values', async () => {
    const same = csv([
      header,
      ['C-1', 'ACC-1', '2026-03-02T06:00:00Z', '2026-03-02T11:30', '2026-03-04T21:00:00+03:00', 'high', 'true', 'Delivery'],
      ['C-2', 'ACC-1', '2026-03-05T08:00', '', '', 'normal', '', ''],
      ['C-3', 'ACC-1', '2026-03-06T00:00:00', '', '', 'low', 'false', 'Quality'],
    ]);
    expect(await run('complaints', same)).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 3 });
    const answered = csv([
      ['complaint_id', 'account_external_id', 'received_at', 'first_response_at'],
      ['C-2', 'ACC-1', '2026-03-05T08:00', '2026-03-05T09:15'],
    ]);
    expect(await run('complaints', answered)).toMatchObject({ updated: 1 });
    expect(await run('complaints', answered)).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await stored())[1]).toMatchObject({ first_response_at: '2026-03-05T06:15:00Z', severity: 'normal' });
    expect(await events()).toHaveLength(3);
  });

  it('reports every bad row, in English and Russian, and stores nothing', async () => {
    const before = await stored();
    const file = csv([
      header,
      ['C-4', 'NOPE', '2026-03-02 09:00', '', '', 'urgent', 'yes', ''],
      ['C-5', 'ACC-1', '2026-03-02T09:00', '2026-03-02T08:59', '2026-03-01T10:00', '', '', ''],
      ['C-6', 'ACC-1', '', '', '', '', '', ''],
      ['C-5', 'ACC-1', '2026-03-02T09:00', '', '', '', '', ''],
    ]);
    const report = await run('complaints', file);
    expect(errorsOf(report)).toEqual([
      [2, 'received_at', 'INVALID_DATETIME'],
      [2, 'severity', 'INVALID_CHOICE'],
      [2, 'justified', 'INVALID_BOOLEAN'],
      [2, 'account_external_id', 'UNKNOWN_ACCOUNT'],
      [3, 'first_response_at', 'BEFORE_RECEIVED'],
      [3, 'resolved_at', 'BEFORE_RECEIVED'],
      [4, 'received_at', 'REQUIRED'],
      [5, 'complaint_id', 'DUPLICATE_KEY'],
    ]);
    expect(report).toMatchObject({ applied: false, rejected: 4 });
    expect(report.errors[4]?.message).toBe('is before received_at');
    const ru = await run('complaints', file, { locale: 'ru' });
    expect(ru.errors[2]?.message).toBe('«yes» — не true и не false');
    expect(ru.errors[3]?.message).toBe('нет клиента с внешним кодом NOPE');
    expect(await stored()).toEqual(before);
  });

  it('refuses a received_at after the stored response and resolution a file without those columns keeps', async () => {
    const before = await stored();
    // C-1 was answered on 2026-03-02 and resolved on 2026-03-04: received on the 5th, both would come before it
    const moved = csv([
      ['complaint_id', 'account_external_id', 'received_at'],
      ['C-1', 'ACC-1', '2026-03-05T12:00:00Z'],
    ]);
    const report = await run('complaints', moved);
    expect(errorsOf(report)).toEqual([
      [2, 'first_response_at', 'BEFORE_RECEIVED'],
      [2, 'resolved_at', 'BEFORE_RECEIVED'],
    ]);
    expect(report).toMatchObject({ applied: false, rejected: 1 });
    expect(await stored()).toEqual(before);
    // received earlier than the stored answers: fine
    const earlier = csv([
      ['complaint_id', 'account_external_id', 'received_at'],
      ['C-1', 'ACC-1', '2026-03-02T05:00:00Z'],
    ]);
    expect(await run('complaints', earlier)).toMatchObject({ applied: true, updated: 1, errors: [] });
    expect((await stored())[0]).toMatchObject({ received_at: '2026-03-02T05:00:00Z', first_response_at: '2026-03-02T08:30:00Z' });
  });

  it('dry run reports what would happen and stores nothing', async () => {
    const report = await run('complaints', csv([header, ['C-9', 'ACC-1', '2026-03-09T10:00', '', '', '', '', '']]), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, errors: [] });
    expect((await stored()).map((r) => r.external_id)).toEqual(['C-1', 'C-2', 'C-3']);
    expect(await events()).toHaveLength(3);
  });
});
