import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { csv } from '../../../test/helpers/tables.js';
import type { ImportRun } from './imports.contracts.js';

let t: TestApp;
let head: TestUser;
let kam: TestUser;
let session: Session;

beforeAll(async () => {
  t = await createTestApp();
  head = await makeUser(t.database.db, { role: 'head' });
  kam = await makeUser(t.database.db, { role: 'kam' });
  session = await signedIn(t.app, head);
}, 60_000);
afterAll(() => t.close());

async function finished(id: string): Promise<ImportRun> {
  for (let i = 0; i < 100; i++) {
    const run = (await session.get(`/api/imports/${id}`)).json() as ImportRun;
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

describe('imports from the web app', () => {
  it('checks an upload, shows the preview, runs it on confirmation and audits it', async () => {
    const file = csv([
      ['external_id', 'name', 'owner_email'],
      ['WEB-1', 'Web One', kam.email],
      ['WEB-2', 'Web Two', kam.email],
    ]);
    const checked = await session.upload('/api/imports?entity=accounts', 'accounts.csv', file);
    expect(checked.statusCode, checked.body).toBe(200);
    const run = checked.json() as ImportRun;
    expect(run).toMatchObject({ status: 'checked', fileName: 'accounts.csv', report: { inserted: 2, errors: [], applied: false } });
    expect(run.report.preview.map((p) => p.key)).toEqual(['WEB-1', 'WEB-2']);
    expect(await t.database.db.execute(sql`SELECT 1 FROM accounts`)).toMatchObject({ rows: [] });

    expect((await session.post(`/api/imports/${run.id}/confirm`)).statusCode).toBe(200);
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'done', report: { applied: true, inserted: 2 }, progress: { done: 2, total: 2 } });
    const { rows } = await t.database.db.execute(sql`SELECT action, after FROM audit_log WHERE action = 'import.accounts'`);
    expect(rows).toHaveLength(1);
    // a run happens once
    expect((await session.post(`/api/imports/${run.id}/confirm`)).json().error.code).toBe('IMPORT_NOT_READY');
    const list = (await session.get('/api/imports')).json() as { items: { id: string; summary: { inserted: number } }[] };
    expect(list.items[0]).toMatchObject({ id: run.id, summary: { inserted: 2 } });
  });

  it('imports order lines through the bulk path, and the KPI report counts them', async () => {
    const accounts = csv([
      ['external_id', 'name', 'owner_email'],
      ['WEB-O1', 'Web Orders', kam.email],
    ]);
    const acc = (await session.upload('/api/imports?entity=accounts', 'a.csv', accounts)).json() as ImportRun;
    await session.post(`/api/imports/${acc.id}/confirm`);
    await finished(acc.id);
    const products = csv([
      ['sku', 'name', 'type', 'unit_cost', 'base_price'],
      ['WEB-SKU', 'Coffee', 'product', '4', '10'],
    ]);
    const prod = (await session.upload('/api/imports?entity=products', 'p.csv', products)).json() as ImportRun;
    await session.post(`/api/imports/${prod.id}/confirm`);
    await finished(prod.id);

    const orders = csv([
      ['order_id', 'line_no', 'account_external_id', 'order_date', 'sku', 'quantity', 'unit_price', 'discount_pct'],
      ['W-1', '1', 'WEB-O1', '2026-02-03', 'WEB-SKU', '10', '10', '10'],
      ['W-1', '2', 'WEB-O1', '2026-02-03', 'WEB-SKU', '1', '5', ''],
    ]);
    const checked = (await session.upload('/api/imports?entity=orders', 'orders.csv', orders)).json() as ImportRun;
    expect(checked).toMatchObject({ status: 'checked', report: { inserted: 2, errors: [] } });
    await session.post(`/api/imports/${checked.id}/confirm`);
    expect(await finished(checked.id)).toMatchObject({ status: 'done', report: { applied: true, inserted: 2 } });
    const kpi = (await session.get(`/api/kpi?from=2026-02-01&to=2026-02-28&manager=${kam.email}`)).json();
    // 10 × 10 less 10 % + 1 × 5; margin less 11 × 4
    expect(kpi.managers[0]).toMatchObject({ revenue: 95, margin: 51, new_clients: 1 });
  });

  it('a file with errors cannot be confirmed; the errors come in the reader’s language', async () => {
    const bad = csv([
      ['external_id', 'name', 'owner_email'],
      ['WEB-3', '', 'nobody@x.test'],
    ]);
    const res = await session.upload('/api/imports?entity=accounts', 'bad.csv', bad);
    const run = res.json() as ImportRun;
    expect(run.report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'name', 'REQUIRED'],
      [2, 'owner_email', 'UNKNOWN_USER'],
    ]);
    expect((await session.post(`/api/imports/${run.id}/confirm`)).statusCode).toBe(409);
  });

  it('refuses other roles, users imports for non-admins, JSON bodies and oversized files', async () => {
    const kamSession = await signedIn(t.app, kam);
    expect((await kamSession.upload('/api/imports?entity=accounts', 'a.csv', 'external_id')).statusCode).toBe(403);
    expect((await session.upload('/api/imports?entity=users', 'u.csv', 'email,name,role')).json().error.code).toBe('FORBIDDEN');
    expect((await session.post('/api/imports?entity=accounts', { file: 'x' })).statusCode).toBe(415);
    const small = await createTestApp({ GROVE_IMPORT_MAX_MB: '1' });
    try {
      const s = await signedIn(small.app, await makeUser(small.database.db, { role: 'admin' }));
      const res = await s.upload('/api/imports?entity=accounts', 'big.csv', Buffer.alloc(1_200_000, 'a'));
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('IMPORT_FILE_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('offers a template with the columns of each entity', async () => {
    const res = await session.get('/api/imports/templates/account_transfers');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe('account_external_id,to_owner_email,date\r\n');
  });
});
