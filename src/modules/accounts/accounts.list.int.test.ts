import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeContact, makeUser, type TestUser } from '../../../test/helpers/factories.js';

/**
 * The account list a KAM lives in: search, filters, sort, paging. Each test signs in a fresh KAM, whose
 * scope (own and team accounts) keeps the accounts of other tests out of the answer.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Item = { id: string; name: string; owner: { id: string; name: string } | null; score: number | null; archived: boolean };
const list = async (s: Session, qs = '') => {
  const res = await s.get(`/api/accounts${qs ? `?${qs}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};
const names = async (s: Session, qs = '') => (await list(s, qs)).items.map((i) => i.name);

async function freshKam(): Promise<{ kam: TestUser; s: Session }> {
  const kam = await makeUser(t.database.db, { role: 'kam', name: 'Kira Kam' });
  return { kam, s: await signedIn(t.app, kam) };
}

describe('searching accounts', () => {
  it('finds an account by its name, registration number, city, external id or a contact’s name', async () => {
    const { kam, s } = await freshKam();
    const db = t.database.db;
    const alpha = await makeAccount(db, { ownerId: kam.id, name: 'Alpha Retail', patch: { registrationNo: '7701234567', city: 'Tver' } });
    const beta = await makeAccount(db, { ownerId: kam.id, name: 'Beta Foods', patch: { city: 'Kazan', externalId: 'EXT-BETA-1' } });
    await makeAccount(db, { ownerId: kam.id, name: 'Gamma Tools', patch: { city: 'Omsk' } });
    await makeContact(db, { accountId: beta.id, fullName: 'Svetlana Orlova' });
    // an archived contact is not a reason to find the account
    await makeContact(db, { accountId: alpha.id, fullName: 'Pavel Gone', patch: { archivedAt: new Date() } });

    expect(await names(s, 'q=alpha')).toEqual(['Alpha Retail']);
    expect(await names(s, 'q=012345')).toEqual(['Alpha Retail']);
    expect(await names(s, 'q=kaz')).toEqual(['Beta Foods']);
    expect(await names(s, 'q=ext-beta')).toEqual(['Beta Foods']);
    expect(await names(s, 'q=orlova')).toEqual(['Beta Foods']);
    expect(await names(s, 'q=pavel')).toEqual([]);
    // LIKE characters in the search are taken literally
    expect(await names(s, `q=${encodeURIComponent('%')}`)).toEqual([]);
    expect((await list(s, 'q=a')).total).toBe(3);
  });
});

describe('filtering accounts', () => {
  it('filters by tier, status, owner, channel, segment, industry, region, archived and plan', async () => {
    const { kam, s } = await freshKam();
    const db = t.database.db;
    const colleague = await makeUser(db, { role: 'kam', name: 'Colin Colleague' });
    await makeAccount(db, {
      ownerId: kam.id,
      name: 'Key Active',
      tier: 'key',
      patch: { channel: 'b2b', segment: 'Retail chains', industry: 'Food', region: 'Volga', planUpdatedAt: new Date() },
    });
    await makeAccount(db, {
      ownerId: kam.id,
      name: 'Key No Plan',
      tier: 'key',
      status: 'at_risk',
      patch: { channel: 'ecommerce', segment: 'Online', industry: 'Food', region: 'Ural' },
    });
    await makeAccount(db, { ownerId: kam.id, name: 'Prospect One', tier: 'potential', status: 'prospect', patch: { channel: 'retail' } });
    await makeAccount(db, { ownerId: kam.id, name: 'Lost One', status: 'lost', patch: { archivedAt: new Date() } });
    await makeAccount(db, { ownerId: colleague.id, name: 'Team Account', team: [{ userId: kam.id, role: 'junior_kam' }] });

    expect(await names(s, 'tier=key')).toEqual(['Key Active', 'Key No Plan']);
    expect(await names(s, 'tier=key,potential&sort=name')).toEqual(['Key Active', 'Key No Plan', 'Prospect One']);
    expect(await names(s, 'tier=key&tier=potential')).toEqual(['Key Active', 'Key No Plan', 'Prospect One']);
    expect(await names(s, 'status=at_risk')).toEqual(['Key No Plan']);
    expect(await names(s, 'status=prospect,lost')).toEqual(['Lost One', 'Prospect One']);
    expect(await names(s, 'ownerId=me')).toEqual(['Key Active', 'Key No Plan', 'Lost One', 'Prospect One']);
    expect(await names(s, `ownerId=${colleague.id}`)).toEqual(['Team Account']);
    expect(await names(s, 'channel=b2b,retail')).toEqual(['Key Active', 'Prospect One']);
    expect(await names(s, `segment=${encodeURIComponent('Retail chains')}`)).toEqual(['Key Active']);
    expect(await names(s, 'industry=Food')).toEqual(['Key Active', 'Key No Plan']);
    expect(await names(s, 'region=Ural')).toEqual(['Key No Plan']);
    expect(await names(s, 'archived=true')).toEqual(['Lost One']);
    expect((await list(s, 'archived=false')).total).toBe(4);
    expect(await names(s, 'tier=key&hasPlan=false')).toEqual(['Key No Plan']);
    expect(await names(s, 'tier=key&hasPlan=true')).toEqual(['Key Active']);
    // no filter: every account the caller may see, archived and lost included
    expect((await list(s)).total).toBe(5);
  });

  it('refuses unknown filter values and unknown parameters with VALIDATION_FAILED', async () => {
    const { s } = await freshKam();
    for (const qs of ['tier=gold', 'status=open', 'ownerId=someone', 'sort=secret', 'archived=maybe', 'limit=0', 'colour=red']) {
      const res = await s.get(`/api/accounts?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('sorting and paging', () => {
  it('sorts by each column both ways, empty values last either way, and pages with a stable total', async () => {
    const { kam, s } = await freshKam();
    const db = t.database.db;
    const other = await makeUser(db, { role: 'kam', name: 'Aaron Ahead' });
    await makeAccount(db, { ownerId: kam.id, name: 'bravo', tier: 'regular', patch: { score: '55.5', city: 'Omsk' } });
    await makeAccount(db, { ownerId: kam.id, name: 'Alpha', tier: 'key', patch: { score: '90', city: 'kazan' } });
    await makeAccount(db, { ownerId: kam.id, name: 'Charlie', tier: 'potential', patch: { score: null, city: null } });
    await makeAccount(db, { ownerId: other.id, name: 'Delta', team: [{ userId: kam.id, role: 'junior_kam' }], patch: { score: '10' } });

    expect(await names(s, 'sort=name')).toEqual(['Alpha', 'bravo', 'Charlie', 'Delta']);
    expect(await names(s, 'sort=name&order=desc')).toEqual(['Delta', 'Charlie', 'bravo', 'Alpha']);
    expect(await names(s, 'sort=score&order=desc')).toEqual(['Alpha', 'bravo', 'Delta', 'Charlie']);
    expect(await names(s, 'sort=score')).toEqual(['Delta', 'bravo', 'Alpha', 'Charlie']);
    expect((await names(s, 'sort=tier')).slice(0, 2)).toEqual(['Alpha', 'Charlie']);
    expect((await names(s, 'sort=owner'))[0]).toBe('Delta');
    expect((await names(s, 'sort=city&order=desc')).slice(0, 2)).toEqual(['bravo', 'Alpha']);
    const byCity = await list(s, 'sort=city');
    expect(byCity.items.map((i) => i.name).slice(0, 2)).toEqual(['Alpha', 'bravo']);
    expect(
      byCity.items
        .map((i) => i.name)
        .slice(2)
        .sort(),
    ).toEqual(['Charlie', 'Delta']);

    const page1 = await list(s, 'sort=name&limit=3&offset=0');
    const page2 = await list(s, 'sort=name&limit=3&offset=3');
    expect(page1.total).toBe(4);
    expect(page2.total).toBe(4);
    expect([...page1.items, ...page2.items].map((i) => i.name)).toEqual(['Alpha', 'bravo', 'Charlie', 'Delta']);
    expect((await list(s, 'q=a&limit=1')).total).toBe(4);
  });

  it('answers the items with their owner and the list fields', async () => {
    const { kam, s } = await freshKam();
    await makeAccount(t.database.db, { ownerId: kam.id, name: 'Shape Ltd', patch: { score: '72.25', creditLimit: '1500000.50' } });
    const [item] = (await list(s)).items;
    expect(item).toMatchObject({ name: 'Shape Ltd', owner: { id: kam.id, name: 'Kira Kam' }, score: 72.25, archived: false });
    expect((item as unknown as { creditLimit: string }).creditLimit).toBe('1500000.50');
  });
});

describe('facets', () => {
  it('lists the distinct segments, industries and regions of the accounts the caller may see, sorted', async () => {
    const { kam, s } = await freshKam();
    const db = t.database.db;
    await makeAccount(db, { ownerId: kam.id, patch: { segment: 'Wholesale', industry: 'Food', region: 'Volga' } });
    await makeAccount(db, { ownerId: kam.id, patch: { segment: 'Horeca', industry: 'Food', region: '' } });
    const stranger = await makeUser(db, { role: 'kam' });
    await makeAccount(db, { ownerId: stranger.id, patch: { segment: 'Hidden segment', industry: 'Hidden', region: 'Hidden' } });
    const res = await s.get('/api/accounts/facets');
    expect(res.json()).toEqual({ segments: ['Horeca', 'Wholesale'], industries: ['Food'], regions: ['Volga'] });
  });
});
