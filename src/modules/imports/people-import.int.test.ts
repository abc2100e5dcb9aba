import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../core/context.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeUser } from '../../../test/helpers/factories.js';
import { csv } from '../../../test/helpers/tables.js';
import type { ImportEntity } from './imports.contracts.js';
import { importFile } from './imports.service.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: Ctx;

beforeAll(async () => {
  database = await createTestDatabase();
  await makeCompany(database.db, { defaultLocale: 'ru' });
  ctx = { db: database.db, actor: null, locale: 'en', ip: null, requestId: null, publicUrl: 'http://localhost' };
  await makeUser(database.db, { role: 'admin' });
}, 60_000);
afterAll(() => database.close());

const run = (entity: ImportEntity, file: Buffer) =>
  importFile(ctx, { entity, file, fileName: 't.csv', dryRun: false, limits: { maxBytes: 1e7 }, asOperator: true });
const q = async (query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows;
const users = ['email', 'name', 'role', 'manager_email', 'department', 'locale'];

describe('users import', () => {
  it('creates a team with its reporting lines; a manager may come earlier in the same file', async () => {
    const report = await run(
      'users',
      csv([
        users,
        ['Head@Team.test', 'Елена Head', 'head', '', '', 'ru'],
        ['senior@team.test', 'Senior', 'senior_kam', 'head@team.test', '', ''],
        ['kam@team.test', 'Kam', 'kam', 'senior@team.test', '', 'en'],
        ['log@team.test', 'Logistics', 'department', '', 'logistics', ''],
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report.inserted).toBe(4);
    expect(
      await q(
        sql`SELECT u.email, u.locale::text, m.email AS manager FROM users u LEFT JOIN users m ON m.id = u.manager_id WHERE u.email LIKE '%@team.test' ORDER BY u.email`,
      ),
    ).toEqual([
      { email: 'head@team.test', locale: 'ru', manager: null },
      { email: 'kam@team.test', locale: 'en', manager: 'senior@team.test' },
      { email: 'log@team.test', locale: 'ru', manager: null }, // empty locale: the company's
      { email: 'senior@team.test', locale: 'ru', manager: 'head@team.test' },
    ]);
  });

  it('refuses a manager only named later, a reporting cycle, department mistakes, and removing the last admin', async () => {
    const [admin] = (await q(sql`SELECT email FROM users WHERE role = 'admin'`)) as { email: string }[];
    const report = await run(
      'users',
      csv([
        users,
        ['new1@team.test', 'New', 'kam', 'new2@team.test', '', ''],
        ['new2@team.test', 'New 2', 'kam', '', 'sales', ''],
        ['head@team.test', 'Елена Head', 'head', 'kam@team.test', '', 'ru'],
        ['x@team.test', 'Dept', 'department', '', '', ''],
        [admin!.email, 'Admin', 'kam', '', '', ''],
        ['self@team.test', 'Self', 'kam', 'self@team.test', '', ''],
      ]),
    );
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'manager_email', 'UNKNOWN_USER'],
      [3, 'department', 'DEPARTMENT_NOT_ALLOWED'],
      [4, 'manager_email', 'MANAGER_CYCLE'],
      [5, 'department', 'DEPARTMENT_REQUIRED'],
      [6, 'role', 'LAST_ADMIN'],
      [7, 'manager_email', 'MANAGER_SELF'],
    ]);
    expect(await q(sql`SELECT 1 FROM users WHERE email = 'new1@team.test'`)).toEqual([]);
  });
});

describe('contacts import', () => {
  it('adds stakeholders to accounts by external ID, updates them on re-import, and refuses unknown accounts', async () => {
    const [kam] = (await q(sql`SELECT id FROM users WHERE email = 'kam@team.test'`)) as { id: string }[];
    await makeAccount(database.db, { ownerId: kam!.id, patch: { externalId: 'C-ACC' } });
    const head = ['contact_id', 'account_external_id', 'full_name', 'title', 'email', 'phone', 'buying_role', 'influence', 'attitude'];
    const first = await run(
      'contacts',
      csv([
        head,
        ['P1', 'C-ACC', 'Иван Петров', 'CEO', 'Ivan@Client.test', '+7 900 000-00-00', 'decision_maker', '5', 'supporter'],
        ['P2', 'C-ACC', 'Anna', '', '', '', '', '', ''],
      ]),
    );
    expect(first).toMatchObject({ inserted: 2, applied: true });
    const again = await run(
      'contacts',
      csv([head, ['P1', 'C-ACC', 'Иван Петров', 'CEO', 'ivan@client.test', '+7 900 000-00-00', 'decision_maker', '4', 'neutral']]),
    );
    expect(again).toMatchObject({ updated: 1, inserted: 0 });
    expect(await q(sql`SELECT full_name, email, influence, attitude::text FROM contacts WHERE external_id = 'P1'`)).toEqual([
      { full_name: 'Иван Петров', email: 'ivan@client.test', influence: 4, attitude: 'neutral' },
    ]);
    const bad = await run('contacts', csv([head, ['P3', 'NOPE', 'X', '', 'not-an-email', '', 'boss', '6', '']]));
    expect(bad.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'email', 'INVALID_EMAIL'],
      [2, 'buying_role', 'INVALID_CHOICE'],
      [2, 'influence', 'OUT_OF_RANGE'],
      [2, 'account_external_id', 'UNKNOWN_ACCOUNT'],
    ]);
    const unknown = await run('contacts', csv([head, ['P3', 'NOPE', 'X', '', '', '', '', '', '']]));
    expect(unknown.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'account_external_id', 'UNKNOWN_ACCOUNT']]);
  });
});
