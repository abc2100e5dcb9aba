import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import type { SavedView } from './accounts.contracts.js';
import { MAX_OWN_VIEWS } from './accounts.views.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const views = async (s: Session): Promise<SavedView[]> => (await s.get('/api/account-views')).json().items;
/** Runs a view's query against the list, as the web app does. */
const run = async (s: Session, view: SavedView) => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(view.query)) qs.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return ((await s.get(`/api/accounts?${qs}`)).json().items as { name: string }[]).map((i) => i.name).sort();
};

async function kamWithBook(): Promise<{ kam: TestUser; s: Session }> {
  const db = t.database.db;
  const kam = await makeUser(db, { role: 'kam', locale: 'en' });
  const colleague = await makeUser(db, { role: 'kam' });
  await makeAccount(db, { ownerId: kam.id, name: 'Mine Key Planned', tier: 'key', patch: { planUpdatedAt: new Date() } });
  await makeAccount(db, { ownerId: kam.id, name: 'Mine Key Unplanned', tier: 'key' });
  await makeAccount(db, { ownerId: kam.id, name: 'Mine Key Archived', tier: 'key', patch: { archivedAt: new Date() } });
  await makeAccount(db, { ownerId: kam.id, name: 'Mine Prospect', tier: 'potential', status: 'prospect', patch: { source: 'Fair' } });
  await makeAccount(db, { ownerId: kam.id, name: 'Mine At Risk', status: 'at_risk' });
  await makeAccount(db, { ownerId: colleague.id, name: 'Team Key', tier: 'key', team: [{ userId: kam.id, role: 'junior_kam' }] });
  return { kam, s: await signedIn(t.app, kam) };
}

describe('built-in views', () => {
  it('offers my key accounts, key accounts without a plan, prospects and at risk, each selecting what it says', async () => {
    const { s } = await kamWithBook();
    const list = await views(s);
    expect(list.map((v) => [v.key, v.name, v.builtIn])).toEqual([
      ['myKeyAccounts', 'My key accounts', true],
      ['keyWithoutPlan', 'Key accounts without a plan', true],
      ['prospects', 'Prospects', true],
      ['atRisk', 'At risk', true],
    ]);
    const byKey = Object.fromEntries(list.map((v) => [v.key, v]));
    expect(await run(s, byKey.myKeyAccounts as SavedView)).toEqual(['Mine Key Planned', 'Mine Key Unplanned']);
    expect(await run(s, byKey.keyWithoutPlan as SavedView)).toEqual(['Mine Key Unplanned', 'Team Key']);
    expect(await run(s, byKey.prospects as SavedView)).toEqual(['Mine Prospect']);
    expect(await run(s, byKey.atRisk as SavedView)).toEqual(['Mine At Risk']);
    expect((byKey.prospects as SavedView).columns).toContain('nextStep');
  });

  it('names the built-in views in the reader’s language', async () => {
    const ru = await signedIn(t.app, await makeUser(t.database.db, { role: 'kam', locale: 'ru' }));
    expect((await views(ru)).slice(0, 4).map((v) => v.name)).toEqual([
      'Мои ключевые клиенты',
      'Ключевые клиенты без плана развития',
      'Потенциальные клиенты',
      'Под угрозой',
    ]);
  });
});

describe('own views', () => {
  it('saves filters and columns, lists them after the built-in ones, and deletes them', async () => {
    const { s } = await kamWithBook();
    const res = await s.post('/api/account-views', {
      name: 'Volga key',
      query: { tier: ['key'], region: 'Volga', archived: 'false', sort: 'score', order: 'desc' },
      columns: ['name', 'score', 'region'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({
      name: 'Volga key',
      builtIn: false,
      key: null,
      query: { tier: ['key'], region: 'Volga', archived: 'false', sort: 'score', order: 'desc' },
      columns: ['name', 'score', 'region'],
    });
    expect((await views(s)).map((v) => v.name).slice(4)).toEqual(['Volga key']);
    expect((await s.delete(`/api/account-views/${saved.id}`)).json()).toEqual({ ok: true });
    expect((await views(s)).map((v) => v.name)).not.toContain('Volga key');
    expect((await s.delete(`/api/account-views/${saved.id}`)).statusCode).toBe(404);
  });

  it('keeps views private: another user neither sees nor deletes them (404)', async () => {
    const { s } = await kamWithBook();
    const mine = (await s.post('/api/account-views', { name: 'Private', query: {}, columns: ['name'] })).json();
    const other = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
    expect((await views(other)).map((v) => v.id)).not.toContain(mine.id);
    expect((await other.delete(`/api/account-views/${mine.id}`)).statusCode).toBe(404);
    expect((await views(s)).map((v) => v.id)).toContain(mine.id);
  });

  it('refuses a built-in view’s deletion, a duplicate name, unknown columns and filters', async () => {
    const { s } = await kamWithBook();
    const [builtIn] = await views(s);
    expect((await s.delete(`/api/account-views/${builtIn?.id}`)).statusCode).toBe(404);
    expect((await s.post('/api/account-views', { name: 'Twice', query: {}, columns: ['name'] })).statusCode).toBe(200);
    const dup = await s.post('/api/account-views', { name: ' twice ', query: {}, columns: ['name'] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('VIEW_NAME_TAKEN');
    expect((await s.post('/api/account-views', { name: 'Prospects', query: {}, columns: ['name'] })).json().error.code).toBe(
      'VIEW_NAME_TAKEN',
    );
    for (const body of [
      { name: 'Bad column', query: {}, columns: ['password'] },
      { name: 'Bad filter', query: { tier: ['gold'] }, columns: ['name'] },
      { name: 'Unknown filter', query: { colour: 'red' }, columns: ['name'] },
    ]) {
      const res = await s.post('/api/account-views', body);
      expect(res.statusCode, body.name).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it(`keeps at most ${MAX_OWN_VIEWS} views per user`, async () => {
    const { s } = await kamWithBook();
    for (let i = 0; i < MAX_OWN_VIEWS; i++)
      expect((await s.post('/api/account-views', { name: `View ${i}`, query: {}, columns: ['name'] })).statusCode).toBe(200);
    const res = await s.post('/api/account-views', { name: 'One more', query: {}, columns: ['name'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VIEW_LIMIT');
  });
});
