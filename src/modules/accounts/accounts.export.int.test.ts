import { parse } from 'csv-parse/sync';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountOwners, accounts } from './accounts.schema.js';
import { EXPORT_BATCH } from './accounts.export.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const dangerous = ['=HYPERLINK("http://evil.test","x")', '+7 495 000', '-1+2', '@SUM(A1)', '\tTabbed', '\rReturned'];

async function kamWith(locale: 'en' | 'ru' = 'en'): Promise<{ kam: TestUser; s: Session }> {
  const kam = await makeUser(t.database.db, { role: 'kam', locale, name: 'Kira Kam' });
  return { kam, s: await signedIn(t.app, kam) };
}

const csvOf = (body: string) => parse(body, { bom: true, relax_column_count: false }) as string[][];

async function lastExportAudit(userId: string) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'accounts.export'), eq(auditLog.actorId, userId)))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row;
}

describe('CSV export', () => {
  it('downloads the filtered, sorted view with headers in the user’s language, and audits it', async () => {
    const { kam, s } = await kamWith('en');
    const db = t.database.db;
    await makeAccount(db, {
      ownerId: kam.id,
      name: 'Bravo',
      tier: 'key',
      patch: { city: 'Kazan', creditLimit: '1234567.89', lastContactAt: new Date('2026-11-26T22:30:00Z') },
    });
    await makeAccount(db, { ownerId: kam.id, name: 'Alpha', tier: 'key', status: 'at_risk', patch: { city: 'Omsk' } });
    await makeAccount(db, { ownerId: kam.id, name: 'Not key', tier: 'regular' });

    const res = await s.get(
      '/api/accounts/export?format=csv&tier=key&sort=name&columns=name,tier,status,owner,city,creditLimit,lastContactAt',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(csvOf(res.body)).toEqual([
      ['Name', 'Tier', 'Status', 'Owner', 'City', 'Credit limit', 'Last contact'],
      ['Alpha', 'Key', 'At risk', 'Kira Kam', 'Omsk', '', ''],
      // 22:30 UTC is the next morning in Moscow, the company's time zone
      ['Bravo', 'Key', 'Active', 'Kira Kam', 'Kazan', '1234567.89', '2026-11-27'],
    ]);

    const audit = await lastExportAudit(kam.id);
    expect(audit?.after).toMatchObject({
      format: 'csv',
      rows: 2,
      complete: true,
      filters: { tier: ['key'], sort: 'name', order: 'asc' },
      columns: ['name', 'tier', 'status', 'owner', 'city', 'creditLimit', 'lastContactAt'],
    });
  });

  it('writes Russian headers, values and file name for a Russian-speaking user', async () => {
    const { kam, s } = await kamWith('ru');
    await makeAccount(t.database.db, { ownerId: kam.id, name: 'Ромашка', tier: 'key', status: 'lost' });
    const res = await s.get('/api/accounts/export?columns=name,tier,status');
    expect(csvOf(res.body)).toEqual([
      ['Название', 'Категория', 'Статус'],
      ['Ромашка', 'Ключевой', 'Потерян'],
    ]);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1] ?? '')).toMatch(/^клиенты-.*\.csv$/);
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const { kam, s } = await kamWith();
    for (const [i, name] of dangerous.entries())
      await makeAccount(t.database.db, {
        ownerId: kam.id,
        name,
        patch: { city: i === 0 ? '=1+1' : 'Safe', externalId: `SAFE-${i}-${kam.id}` },
      });
    const rows = csvOf((await s.get('/api/accounts/export?columns=externalId,name,city')).body).slice(1);
    const byId = new Map(rows.map((r) => [r[0], r]));
    for (const [i, name] of dangerous.entries()) expect(byId.get(`SAFE-${i}-${kam.id}`)?.[1]).toBe(`'${name}`);
    expect(byId.get(`SAFE-0-${kam.id}`)?.[2]).toBe("'=1+1");
    expect(byId.get(`SAFE-1-${kam.id}`)?.[2]).toBe('Safe');
  });

  it(`streams more than one batch (${EXPORT_BATCH} rows) completely, in the list’s order, without repeats`, async () => {
    const { kam, s } = await kamWith();
    const n = EXPORT_BATCH * 2 + 345;
    const rows = Array.from({ length: n }, (_, i) => ({
      name: `Bulk ${String(i).padStart(5, '0')}`,
      ownerId: kam.id,
      currency: 'RUB',
      score: String(i % 100),
    }));
    const ids = await t.database.db.insert(accounts).values(rows).returning({ id: accounts.id });
    await t.database.db.insert(accountOwners).values(ids.map((r) => ({ accountId: r.id, ownerId: kam.id, startDate: '-infinity' })));
    const res = await s.get('/api/accounts/export?columns=name,score&sort=score&order=desc');
    const body = csvOf(res.body).slice(1);
    expect(body).toHaveLength(n);
    expect(new Set(body.map((r) => r[0])).size).toBe(n);
    const scores = body.map((r) => Number(r[1]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await lastExportAudit(kam.id))?.after).toMatchObject({ rows: n, complete: true });
  });

  it('is refused to roles without the export permission, and to unknown columns', async () => {
    const support = await signedIn(t.app, await makeUser(t.database.db, { role: 'sales_support' }));
    expect((await support.get('/api/accounts/export')).statusCode).toBe(403);
    const { s } = await kamWith();
    const bad = await s.get('/api/accounts/export?columns=name,passwordHash');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await s.get('/api/accounts/export?format=pdf')).statusCode).toBe(400);
  });
});

describe('XLSX export', () => {
  it('writes a workbook with localized headers, real numbers and dates, and escaped text', async () => {
    const { kam, s } = await kamWith('ru');
    await makeAccount(t.database.db, {
      ownerId: kam.id,
      name: '=cmd|calc',
      tier: 'key',
      patch: { creditLimit: '2500000.50', paymentTermsDays: 45, score: '81.5', planUpdatedAt: new Date('2026-03-02T09:00:00Z') },
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/accounts/export?format=xlsx&columns=name,tier,creditLimit,paymentTermsDays,score,planUpdatedAt',
      cookies: s.cookies,
      remoteAddress: s.remoteAddress,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="accounts-.*\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Клиенты');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Название',
      'Категория',
      'Кредитный лимит',
      'Отсрочка платежа, дней',
      'Оценка',
      'План обновлён',
    ]);
    const row = sheet?.getRow(2).values as unknown[];
    expect(row.slice(1, 6)).toEqual(["'=cmd|calc", 'Ключевой', 2500000.5, 45, 81.5]);
    expect(row[6]).toBeInstanceOf(Date);
    expect((row[6] as Date).toISOString().slice(0, 10)).toBe('2026-03-02');
    expect(sheet?.rowCount).toBe(2);
    expect((await lastExportAudit(kam.id))?.after).toMatchObject({ format: 'xlsx', rows: 1, complete: true });
  });
});
