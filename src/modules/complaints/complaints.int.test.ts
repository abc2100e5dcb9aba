import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import type { Complaint, ComplaintList } from './complaint-list.contracts.js';

let t: TestApp;
let ann: TestUser;
let annAccount: { id: string; name: string };
let ids: Record<string, string>;

async function complaint(
  accountId: string,
  externalId: string,
  received: string,
  firstResponse: string | null,
  resolved: string | null,
  severity: string,
  justified: boolean | null,
  category: string,
) {
  const { rows } = await t.database.db.execute<{ id: string }>(sql`
    INSERT INTO complaints (external_id, account_id, received_at, first_response_at, resolved_at, severity, justified, category)
    VALUES (${externalId}, ${accountId}, ${received}, ${firstResponse}, ${resolved}, ${severity}, ${justified}, ${category}) RETURNING id`);
  return rows[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ann = await makeUser(db, { role: 'kam', name: 'Ann Lee' });
  const bob = await makeUser(db, { role: 'kam' });
  annAccount = await makeAccount(db, { ownerId: ann.id, name: 'Baltic Retail' });
  const bobAccount = await makeAccount(db, { ownerId: bob.id });
  ids = {
    late: await complaint(
      annAccount.id,
      'C-1',
      '2026-03-02T08:00:00Z',
      '2026-03-02T09:30:00Z',
      '2026-03-04T08:00:00Z',
      'high',
      true,
      'Late delivery',
    ),
    open: await complaint(annAccount.id, 'C-2', '2026-03-10T08:00:00Z', null, null, 'critical', null, 'Damaged goods'),
    rejected: await complaint(
      annAccount.id,
      'C-3',
      '2026-04-01T08:00:00Z',
      '2026-04-01T08:20:00Z',
      '2026-04-02T08:00:00Z',
      'low',
      false,
      'Price',
    ),
    bobs: await complaint(bobAccount.id, 'C-4', '2026-03-03T08:00:00Z', null, null, 'normal', null, 'Short delivery'),
  };
});
afterAll(() => t.close());

const list = async (s: Session, query = '') => {
  const res = await s.get(`/api/complaints${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ComplaintList;
};
const keys = (l: ComplaintList) => l.items.map((c) => c.externalId);

describe('complaints (D1), read side', () => {
  it('lists the complaints of the accounts the reader sees, with filters and the open count', async () => {
    const kam = await signedIn(t.app, ann);
    const all = await list(kam);
    expect(keys(all)).toEqual(['C-3', 'C-2', 'C-1']);
    expect(all.open).toBe(1);
    expect(all.items[2]).toMatchObject({
      account: { id: annAccount.id, name: 'Baltic Retail', owner: { id: ann.id, name: 'Ann Lee' } },
      firstResponseHours: 1.5,
      resolutionHours: 48,
      justified: true,
    });
    expect(all.items[1]).toMatchObject({ firstResponseHours: null, resolutionHours: null, severity: 'critical' });
    expect(keys(await list(kam, '?state=open'))).toEqual(['C-2']);
    const resolved = await list(kam, '?state=resolved');
    expect(keys(resolved)).toEqual(['C-3', 'C-1']);
    expect(resolved.open).toBe(1);
    expect(keys(await list(kam, '?justified=true'))).toEqual(['C-1']);
    expect(keys(await list(kam, '?justified=false'))).toEqual(['C-3']);
    expect(keys(await list(kam, '?justified=unknown'))).toEqual(['C-2']);
    expect(keys(await list(kam, '?severity=critical'))).toEqual(['C-2']);
    expect(keys(await list(kam, '?q=deliv'))).toEqual(['C-1']);
    expect(keys(await list(kam, '?from=2026-03-01&to=2026-03-31&order=asc'))).toEqual(['C-1', 'C-2']);
    expect(keys(await list(kam, `?accountId=${annAccount.id}&limit=1&offset=1`))).toEqual(['C-2']);

    const exec = await signedIn(t.app, await makeUser(t.database.db, { role: 'executive' }));
    expect((await list(exec)).total).toBe(4);
    expect((await list(exec)).open).toBe(2);
  });

  it('opens one complaint; a hidden one is 404, departments and HR are refused', async () => {
    const kam = await signedIn(t.app, ann);
    const one = (await kam.get(`/api/complaints/${ids.rejected}`)).json() as Complaint;
    expect(one).toMatchObject({ category: 'Price', justified: false, firstResponseHours: 0.33, resolutionHours: 24 });
    expect((await kam.get(`/api/complaints/${ids.bobs}`)).statusCode).toBe(404);
    const dept = await signedIn(t.app, await makeUser(t.database.db, { role: 'department' }));
    expect((await dept.get('/api/complaints')).statusCode).toBe(403);
    const hr = await signedIn(t.app, await makeUser(t.database.db, { role: 'hr' }));
    expect((await hr.get(`/api/complaints/${ids.late}`)).statusCode).toBe(403);
    expect((await kam.get('/api/complaints?justified=maybe')).statusCode).toBe(400);
  });
});
