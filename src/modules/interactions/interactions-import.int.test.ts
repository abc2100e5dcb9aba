import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { errorsOf, importer, rowsOf } from '../../../test/helpers/imports.js';
import { csv, xlsx } from '../../../test/helpers/tables.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let run: ReturnType<typeof importer>;
let anna: TestUser;
let boris: TestUser;
let accountId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  // UTC+5 all year: a date alone starts at 19:00 UTC of the day before
  await makeCompany(db, { timeZone: 'Asia/Yekaterinburg' });
  run = importer(db);
  anna = await makeUser(db, { name: 'Anna Lee' });
  boris = await makeUser(db, { name: 'Борис Петров' });
  accountId = (await makeAccount(db, { ownerId: anna.id, patch: { externalId: 'ACC-1' } })).id;
  await makeAccount(db, { ownerId: anna.id, patch: { externalId: 'ACC-2' } });
}, 60_000);
afterAll(() => database.close());

/** occurred_at as ISO text in UTC */
const utc = sql.raw(`to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const header = ['interaction_id', 'account_external_id', 'user_email', 'type', 'status', 'occurred_at', 'subject', 'outcome'];
const stored = () =>
  rowsOf(
    database.db,
    sql`SELECT external_id, account_id, user_id, type::text, status::text, ${utc} AS occurred_at, all_day, subject, outcome
        FROM interactions ORDER BY external_id`,
  );
const events = () =>
  rowsOf<{ account_id: string; occurred_at: string; kind: string; data: Record<string, unknown> }>(
    database.db,
    sql`SELECT account_id, ${utc} AS occurred_at, kind, data FROM account_events WHERE kind = 'interaction.logged' ORDER BY occurred_at`,
  );

describe('interactions import', () => {
  it('reads date-times with an offset as written, without one and dates alone in the company time zone', async () => {
    const report = await run(
      'interactions',
      csv([
        header,
        ['I-1', 'ACC-1', anna.email, 'meeting', 'done', '2026-03-02T10:00:00+03:00', 'Price review', 'Agreed 5 %'],
        ['I-2', 'ACC-1', boris.email.toUpperCase(), 'call', 'done', '2026-03-02T10:00', '', ''],
        ['I-3', 'ACC-1', anna.email, 'visit', 'planned', '2026-03-03', 'Warehouse', ''],
        ['I-4', 'ACC-2', anna.email, 'email', 'cancelled', '2026-03-04T08:15:30Z', '', ''],
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 4 });
    const rows = await stored();
    expect(rows.map((r) => [r.external_id, r.occurred_at, r.all_day])).toEqual([
      ['I-1', '2026-03-02T07:00:00.000Z', false],
      ['I-2', '2026-03-02T05:00:00.000Z', false],
      ['I-3', '2026-03-02T19:00:00.000Z', true],
      ['I-4', '2026-03-04T08:15:30.000Z', false],
    ]);
    expect(rows[0]).toMatchObject({
      account_id: accountId,
      user_id: anna.id,
      type: 'meeting',
      status: 'done',
      subject: 'Price review',
      outcome: 'Agreed 5 %',
    });
    expect(rows[1]).toMatchObject({ user_id: boris.id, subject: null, outcome: null });
    // the calendar date of an all-day interaction is its day in the company time zone (kpi.md)
    const [day] = await rowsOf<{ d: string }>(
      database.db,
      sql`SELECT (occurred_at AT TIME ZONE 'Asia/Yekaterinburg')::date::text AS d FROM interactions WHERE external_id = 'I-3'`,
    );
    expect(day?.d).toBe('2026-03-03');
  });

  it('puts each new interaction on its account timeline, at the time it happened', async () => {
    const logged = await events();
    expect(logged).toHaveLength(4);
    expect(logged[1]).toMatchObject({
      account_id: accountId,
      kind: 'interaction.logged',
      data: {
        interactionId: 'I-1',
        type: 'meeting',
        status: 'done',
        subject: 'Price review',
        allDay: false,
        user: { id: anna.id, name: 'Anna Lee' },
      },
    });
    expect(logged[1]?.occurred_at).toBe('2026-03-02T07:00:00.000Z');
    expect(logged[0]?.data).toMatchObject({ type: 'call', user: { name: 'Борис Петров' }, subject: null });
  });

  it('is idempotent (also from XLSX date cells); a changed row updates without a second timeline event', async () => {
    const same = csv([
      header,
      ['I-1', 'ACC-1', anna.email, 'meeting', 'done', '2026-03-02T07:00:00Z', 'Price review', 'Agreed 5 %'],
      ['I-2', 'ACC-1', boris.email, 'call', 'done', '2026-03-02T10:00:00.000', '', ''],
      ['I-3', 'ACC-1', anna.email, 'visit', 'planned', '2026-03-03', 'Warehouse', ''],
      ['I-4', 'ACC-2', anna.email, 'email', 'cancelled', '2026-03-04T13:15:30+05:00', '', ''],
    ]);
    expect(await run('interactions', same)).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 4 });
    // XLSX: a date-time cell is a clock time of the company zone, a midnight cell a date alone
    const sheet = await xlsx([
      header,
      ['I-2', 'ACC-1', boris.email, 'call', 'done', new Date('2026-03-02T10:00:00Z'), null, null],
      ['I-3', 'ACC-1', anna.email, 'visit', 'planned', new Date('2026-03-03T00:00:00Z'), 'Warehouse', null],
    ]);
    expect(await run('interactions', sheet)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    // the visit took place, at a time now
    const changed = csv([header.slice(0, 7), ['I-3', 'ACC-1', anna.email, 'visit', 'done', '2026-03-03T11:00', 'Warehouse']]);
    expect(await run('interactions', changed)).toMatchObject({ updated: 1 });
    expect(await run('interactions', changed)).toMatchObject({ updated: 0, unchanged: 1 });
    const i3 = (await stored()).find((r) => r.external_id === 'I-3');
    expect(i3).toMatchObject({ status: 'done', all_day: false });
    expect(i3?.occurred_at).toBe('2026-03-03T06:00:00.000Z');
    expect(await events()).toHaveLength(4);
  });

  it('reports every bad row, in English and Russian, and stores nothing', async () => {
    const before = await stored();
    const file = csv([
      header,
      ['I-5', 'NOPE', 'nobody@example.test', 'lunch', 'done', '2026-03-05T25:00', '', ''],
      ['I-6', 'ACC-1', 'not-an-email', 'call', 'maybe', '05.03.2026', '', ''],
      ['I-7', 'ACC-1', anna.email, 'call', 'done', '', '', ''],
      ['I-8', 'ACC-1', anna.email, 'call', 'done', '2026-03-05T10:00:00+03:00', 'x'.repeat(501), ''],
    ]);
    const report = await run('interactions', file);
    expect(errorsOf(report)).toEqual([
      [2, 'type', 'INVALID_CHOICE'],
      [2, 'occurred_at', 'INVALID_DATETIME'],
      [2, 'account_external_id', 'UNKNOWN_ACCOUNT'],
      [2, 'user_email', 'UNKNOWN_USER'],
      [3, 'user_email', 'INVALID_EMAIL'],
      [3, 'status', 'INVALID_CHOICE'],
      [3, 'occurred_at', 'INVALID_DATETIME'],
      [4, 'occurred_at', 'REQUIRED'],
      [5, 'subject', 'TOO_LONG'],
    ]);
    expect(report).toMatchObject({ applied: false, rejected: 4 });
    expect(report.errors[1]?.message).toBe('"2026-03-05T25:00" is not a date-time (ISO 8601, e.g. 2026-03-01T09:30:00+03:00)');
    const ru = await run('interactions', file, { locale: 'ru' });
    expect(ru.errors[3]?.message).toBe('нет пользователя с адресом nobody@example.test');
    expect(await stored()).toEqual(before);
  });

  it('dry run reports what would happen and stores nothing, not even timeline events', async () => {
    const report = await run(
      'interactions',
      csv([header, ['I-9', 'ACC-1', anna.email, 'training', 'done', '2026-03-06', 'Onboarding', '']]),
      { dryRun: true },
    );
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, errors: [] });
    expect((await stored()).map((r) => r.external_id)).not.toContain('I-9');
    expect(await events()).toHaveLength(4);
  });
});
