import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser } from '../../../test/helpers/factories.js';
import { accounts } from './accounts.schema.js';

/** Who sees which accounts in the list, the account page and its timeline (design.md, access control). */
let t: TestApp;
let ids: Record<string, string>;
let senior: Awaited<ReturnType<typeof makeUser>>;
let kam: Awaited<ReturnType<typeof makeUser>>;
let junior: Awaited<ReturnType<typeof makeUser>>;
let support: Awaited<ReturnType<typeof makeUser>>;
let logistics: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  senior = await makeUser(db, { role: 'senior_kam' });
  kam = await makeUser(db, { role: 'kam', managerId: senior.id });
  junior = await makeUser(db, { role: 'kam', managerId: kam.id });
  support = await makeUser(db, { role: 'sales_support' });
  logistics = await makeUser(db, { role: 'department', department: 'logistics' });
  const stranger = await makeUser(db, { role: 'kam' });
  ids = {
    seniors: (await makeAccount(db, { ownerId: senior.id, name: 'Senior Own' })).id,
    kams: (await makeAccount(db, { ownerId: kam.id, name: 'Kam Own' })).id,
    juniors: (await makeAccount(db, { ownerId: junior.id, name: 'Junior Own', status: 'lost', patch: { archivedAt: new Date() } })).id,
    served: (
      await makeAccount(db, {
        ownerId: stranger.id,
        name: 'Served',
        team: [
          { userId: kam.id, role: 'junior_kam' },
          { userId: support.id, role: 'sales_support' },
          { userId: logistics.id, role: 'department_contact' },
        ],
      })
    ).id,
    strangers: (await makeAccount(db, { ownerId: stranger.id, name: 'Stranger Own' })).id,
  };
});
afterAll(() => t.close());

const visible = async (s: Session) => {
  const res = await s.get('/api/accounts?sort=name&limit=500');
  expect(res.statusCode).toBe(200);
  const body = res.json() as { items: { name: string }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((i) => i.name);
};

describe('account scope per role', () => {
  it('a KAM sees their own accounts and those they are on the team of', async () => {
    const s = await signedIn(t.app, kam);
    expect(await visible(s)).toEqual(['Kam Own', 'Served']);
    expect((await s.get(`/api/accounts/${ids.strangers}`)).statusCode).toBe(404);
    expect((await s.get(`/api/accounts/${ids.juniors}`)).statusCode).toBe(404);
    expect((await s.get(`/api/accounts/${ids.served}`)).json()).toMatchObject({ access: 'full', can: { edit: true } });
  });

  it('a senior KAM sees their reporting line’s accounts, to the bottom of the line, archived and lost too', async () => {
    const s = await signedIn(t.app, senior);
    expect(await visible(s)).toEqual(['Junior Own', 'Kam Own', 'Senior Own']);
    expect((await s.get(`/api/accounts/${ids.juniors}/timeline`)).statusCode).toBe(200);
    expect((await s.get(`/api/accounts/${ids.strangers}`)).statusCode).toBe(404);
  });

  it('head, admin and executive see every account; the total counts them all', async () => {
    const [{ n }] = (await t.database.db.select({ n: count() }).from(accounts)) as [{ n: number }];
    for (const role of ['head', 'admin', 'executive'] as const) {
      const s = await signedIn(t.app, await makeUser(t.database.db, { role }));
      const res = await s.get('/api/accounts?limit=1');
      expect(res.json().total, role).toBe(n);
      expect((await s.get(`/api/accounts/${ids.strangers}`)).statusCode, role).toBe(200);
    }
  });

  it('sales support and departments see only the accounts they serve, with basic access and read-only', async () => {
    for (const user of [support, logistics]) {
      const s = await signedIn(t.app, user);
      expect(await visible(s)).toEqual(['Served']);
      const account = (await s.get(`/api/accounts/${ids.served}`)).json();
      expect(account).toMatchObject({ access: 'basic', can: { edit: false, assign: false, retier: false } });
      expect((await s.get(`/api/accounts/${ids.kams}`)).statusCode).toBe(404);
      expect((await s.patch(`/api/accounts/${ids.served}`, { city: 'X', version: account.version })).statusCode).toBe(403);
      expect((await s.get('/api/accounts/export')).statusCode).toBe(403);
    }
  });

  it('HR has no access to accounts at all', async () => {
    const s = await signedIn(t.app, await makeUser(t.database.db, { role: 'hr' }));
    for (const url of ['/api/accounts', `/api/accounts/${ids.served}`, '/api/accounts/facets', '/api/account-views']) {
      const res = await s.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('a hidden account is a 404 exactly like a missing one, also for search', async () => {
    const s = await signedIn(t.app, kam);
    const hidden = await s.get(`/api/accounts/${ids.strangers}`);
    const missing = await s.get('/api/accounts/00000000-0000-4000-8000-00000000abcd');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    expect((await s.get('/api/accounts?q=stranger')).json()).toEqual({ items: [], total: 0 });
  });
});
