import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import type { Interaction, InteractionList } from './interaction-list.contracts.js';

let t: TestApp;
let senior: TestUser;
let ann: TestUser;
let bob: TestUser;
let annAccount: { id: string; name: string };
let bobAccount: { id: string; name: string };
let ids: Record<string, string>;

async function interaction(
  accountId: string,
  userId: string,
  externalId: string,
  type: string,
  status: string,
  at: string,
  subject: string,
) {
  const { rows } = await t.database.db.execute<{ id: string }>(sql`
    INSERT INTO interactions (external_id, account_id, user_id, type, status, occurred_at, subject, outcome)
    VALUES (${externalId}, ${accountId}, ${userId}, ${type}, ${status}, ${at}, ${subject}, 'Agreed on a pilot') RETURNING id`);
  return rows[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  senior = await makeUser(db, { role: 'senior_kam' });
  ann = await makeUser(db, { role: 'kam', managerId: senior.id, name: 'Ann Lee' });
  bob = await makeUser(db, { role: 'kam', name: 'Bob Stone' });
  annAccount = await makeAccount(db, { ownerId: ann.id, name: 'Baltic Retail' });
  bobAccount = await makeAccount(db, { ownerId: bob.id, name: 'Volga Trade' });
  // the company is in Moscow (UTC+3): 2026-03-01 00:30 Moscow is still 28 February in UTC
  ids = {
    visit: await interaction(annAccount.id, ann.id, 'I-1', 'visit', 'done', '2026-02-28T21:30:00Z', 'Quarterly review'),
    call: await interaction(annAccount.id, ann.id, 'I-2', 'call', 'planned', '2026-03-10T09:00:00Z', 'Price list call'),
    bobs: await interaction(bobAccount.id, bob.id, 'I-3', 'meeting', 'done', '2026-03-05T09:00:00Z', 'Volga logistics'),
    byBob: await interaction(annAccount.id, bob.id, 'I-4', 'email', 'cancelled', '2026-04-01T09:00:00Z', 'Covering for Ann'),
  };
});
afterAll(() => t.close());

const list = async (s: Session, query = '') => {
  const res = await s.get(`/api/interactions${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as InteractionList;
};

describe('interactions (C1), read side', () => {
  it('lists the interactions of the accounts the reader sees, latest first, with filters', async () => {
    const kam = await signedIn(t.app, ann);
    const mine = await list(kam);
    expect(mine.total).toBe(3);
    expect(mine.items.map((i) => i.externalId)).toEqual(['I-4', 'I-2', 'I-1']);
    expect(mine.items[2]).toMatchObject({
      account: { id: annAccount.id, name: 'Baltic Retail' },
      user: { id: ann.id, name: 'Ann Lee' },
      type: 'visit',
    });

    expect((await list(kam, `?type=call`)).items.map((i) => i.externalId)).toEqual(['I-2']);
    expect((await list(kam, `?status=done`)).items.map((i) => i.externalId)).toEqual(['I-1']);
    expect((await list(kam, `?userId=${bob.id}`)).items.map((i) => i.externalId)).toEqual(['I-4']);
    expect((await list(kam, `?q=price`)).items.map((i) => i.externalId)).toEqual(['I-2']);
    // calendar days of the company time zone
    expect((await list(kam, '?from=2026-03-01&to=2026-03-31')).items.map((i) => i.externalId)).toEqual(['I-2', 'I-1']);
    expect((await list(kam, '?to=2026-02-28')).total).toBe(0);
    expect((await list(kam, '?order=asc&limit=1&offset=1')).items.map((i) => i.externalId)).toEqual(['I-2']);
    // an account the reader may not see filters to nothing
    expect((await list(kam, `?accountId=${bobAccount.id}`)).total).toBe(0);

    const head = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
    expect((await list(head)).total).toBe(4);
    expect((await list(head, `?accountId=${bobAccount.id}`)).items.map((i) => i.externalId)).toEqual(['I-3']);
    const seniorView = await list(await signedIn(t.app, senior));
    expect(seniorView.items.map((i) => i.externalId).sort()).toEqual(['I-1', 'I-2', 'I-4']);
  });

  it('opens one interaction; a hidden one is 404, sales support and HR are refused', async () => {
    const kam = await signedIn(t.app, ann);
    const one = await kam.get(`/api/interactions/${ids.visit}`);
    expect(one.statusCode).toBe(200);
    expect(one.json() as Interaction).toMatchObject({
      subject: 'Quarterly review',
      outcome: 'Agreed on a pilot',
      occurredAt: '2026-02-28T21:30:00.000Z',
    });
    expect((await kam.get(`/api/interactions/${ids.bobs}`)).statusCode).toBe(404);
    const support = await signedIn(t.app, await makeUser(t.database.db, { role: 'sales_support' }));
    expect((await support.get('/api/interactions')).statusCode).toBe(403);
    expect((await support.get(`/api/interactions/${ids.visit}`)).statusCode).toBe(403);
    const hr = await signedIn(t.app, await makeUser(t.database.db, { role: 'hr' }));
    expect((await hr.get('/api/interactions')).statusCode).toBe(403);
    expect((await kam.get('/api/interactions?from=2026-04-01&to=2026-03-01')).statusCode).toBe(400);
    expect((await kam.get('/api/interactions?type=fax')).statusCode).toBe(400);
  });
});
