import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountEvents } from '../accounts/accounts.schema.js';
import type { AccountCompetitors, CompetitorDetail, Threat } from './competitors.contracts.js';

let t: TestApp;
let kam: Session;
let kamId: string;
let head: Session;
beforeAll(async () => {
  t = await createTestApp();
  const user = await makeUser(t.database.db, { role: 'kam' });
  kamId = user.id;
  kam = await signedIn(t.app, user);
  head = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
});
afterAll(() => t.close());

let seq = 0;
async function newCompetitor(s: Session = kam, name = `Rival ${++seq} ${Date.now()}`) {
  const res = await s.post('/api/competitors', { name, website: 'rival.example', strengths: 'Cheap', weaknesses: 'Slow' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CompetitorDetail;
}

describe('the competitor catalogue', () => {
  it('adds, finds, changes, archives and restores a competitor, refusing a duplicate name', async () => {
    const created = await newCompetitor(kam, 'Nordic Foods');
    expect(created).toMatchObject({ name: 'Nordic Foods', website: 'rival.example', archived: false, version: 1, accountCount: 0 });
    const dup = await kam.post('/api/competitors', { name: '  nordic foods ' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('COMPETITOR_NAME_TAKEN');
    expect((await kam.post('/api/competitors', { name: 'Bad site', website: 'not a website' })).statusCode).toBe(400);

    const found = (await kam.get('/api/competitors?q=nordic')).json();
    expect(found.items.map((c: { id: string }) => c.id)).toContain(created.id);

    const changed = await kam.patch(`/api/competitors/${created.id}`, { notes: 'Aggressive in retail', version: 1 });
    expect(changed.json()).toMatchObject({ notes: 'Aggressive in retail', version: 2 });
    expect((await kam.patch(`/api/competitors/${created.id}`, { notes: 'stale', version: 1 })).statusCode).toBe(409);

    const archived = (await kam.patch(`/api/competitors/${created.id}`, { archived: true, version: 2 })).json() as CompetitorDetail;
    expect(archived.archived).toBe(true);
    const active = (await kam.get('/api/competitors?q=nordic')).json();
    expect(active.total).toBe(0);
    expect((await kam.get('/api/competitors?q=nordic&archived=true')).json().total).toBe(1);
    await kam.patch(`/api/competitors/${created.id}`, { archived: false, version: 3 });

    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id))).map((a) => a.action);
    expect(actions).toEqual(['competitor.create', 'competitor.update', 'competitor.archive', 'competitor.restore']);
  });

  it('is for account managers: sales support and HR are refused, the executive only reads', async () => {
    const support = await signedIn(t.app, await makeUser(t.database.db, { role: 'sales_support' }));
    expect((await support.get('/api/competitors')).statusCode).toBe(403);
    const hr = await signedIn(t.app, await makeUser(t.database.db, { role: 'hr' }));
    expect((await hr.get('/api/competitors/threats')).statusCode).toBe(403);
    const exec = await signedIn(t.app, await makeUser(t.database.db, { role: 'executive' }));
    expect((await exec.get('/api/competitors')).statusCode).toBe(200);
    expect((await exec.post('/api/competitors', { name: 'Exec rival' })).statusCode).toBe(403);
  });
});

describe('competitors at an account', () => {
  it('records presence with share, prices and threat, on the timeline and in the audit log', async () => {
    const account = await makeAccount(t.database.db, { ownerId: kamId });
    const rival = await newCompetitor();
    const res = await kam.post(`/api/accounts/${account.id}/competitors`, {
      competitorId: rival.id,
      shareOfWallet: 35,
      products: 'Canned goods, dairy',
      priceNotes: 'Listed 8 % below our column B',
      priceIndex: 92,
      threat: 'high',
      lastObserved: '2026-01-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as AccountCompetitors;
    expect(list).toMatchObject({ totalShare: 35, can: { edit: true } });
    expect(list.items[0]).toMatchObject({
      competitor: { id: rival.id },
      shareOfWallet: 35,
      priceIndex: 92,
      threat: 'high',
      updatedBy: { id: kamId },
    });

    const again = await kam.post(`/api/accounts/${account.id}/competitors`, { competitorId: rival.id, threat: 'low' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('COMPETITOR_ALREADY_PRESENT');

    const presence = list.items[0]!;
    const lowered = (
      await kam.patch(`/api/competitor-presence/${presence.id}`, { threat: 'medium', version: 1 })
    ).json() as AccountCompetitors;
    expect(lowered.items[0]).toMatchObject({ threat: 'medium', version: 2, shareOfWallet: 35 });
    expect((await kam.patch(`/api/competitor-presence/${presence.id}`, { threat: 'low', version: 1 })).statusCode).toBe(409);
    expect((await kam.delete(`/api/competitor-presence/${presence.id}`)).json().items).toEqual([]);

    const events = await t.database.db
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.accountId, account.id), eq(accountEvents.kind, 'competitor.presence')));
    expect(events.map((e) => e.data)).toEqual([
      { name: rival.name, threat: 'high', action: 'added' },
      { name: rival.name, threat: 'medium', action: 'changed', previousThreat: 'high' },
      { name: rival.name, threat: 'medium', action: 'removed' },
    ]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, presence.id));
    expect(audits.map((a) => a.action)).toEqual(['competitor.presence.create', 'competitor.presence.update', 'competitor.presence.delete']);
  });

  it('keeps the shares of wallet within 100 %, refuses the future and archived competitors, and validates', async () => {
    const account = await makeAccount(t.database.db, { ownerId: kamId });
    const [a, b, c] = [await newCompetitor(), await newCompetitor(), await newCompetitor()];
    const url = `/api/accounts/${account.id}/competitors`;
    await kam.post(url, { competitorId: a.id, shareOfWallet: 60, threat: 'medium' });
    const over = await kam.post(url, { competitorId: b.id, shareOfWallet: 45, threat: 'low' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'SHARE_OF_WALLET_OVER_100' });
    expect(over.json().error.message).toContain('105');
    expect((await kam.post(url, { competitorId: b.id, shareOfWallet: 40, threat: 'low' })).statusCode).toBe(200);

    const future = await kam.post(url, { competitorId: c.id, threat: 'low', lastObserved: '2999-01-01' });
    expect(future.json().error.code).toBe('OBSERVED_IN_FUTURE');
    const bad = await kam.post(url, { competitorId: c.id, threat: 'severe', shareOfWallet: 101, priceIndex: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['priceIndex', 'shareOfWallet', 'threat']);

    await kam.patch(`/api/competitors/${c.id}`, { archived: true, version: 1 });
    const archived = await kam.post(url, { competitorId: c.id, threat: 'low' });
    expect(archived.json().error.code).toBe('COMPETITOR_ARCHIVED');
    expect((await kam.get(url)).json().items).toHaveLength(2);
  });

  it('hides the account from those who may not see it in full', async () => {
    const db = t.database.db;
    const support = await makeUser(db, { role: 'sales_support' });
    const stranger = await makeUser(db, { role: 'kam' });
    const account = await makeAccount(db, { ownerId: kamId, team: [{ userId: support.id, role: 'sales_support' }] });
    const rival = await newCompetitor();
    const created = (await kam.post(`/api/accounts/${account.id}/competitors`, { competitorId: rival.id, threat: 'high' })).json();
    const presenceId = created.items[0].id;

    const supportS = await signedIn(t.app, support);
    expect((await supportS.get(`/api/accounts/${account.id}/competitors`)).statusCode).toBe(404);
    const strangerS = await signedIn(t.app, stranger);
    expect((await strangerS.get(`/api/accounts/${account.id}/competitors`)).statusCode).toBe(404);
    expect((await strangerS.patch(`/api/competitor-presence/${presenceId}`, { threat: 'low', version: 1 })).statusCode).toBe(404);
    expect((await strangerS.delete(`/api/competitor-presence/${presenceId}`)).statusCode).toBe(404);

    // the catalogue shows the stranger no trace of the account
    const seen = (await strangerS.get(`/api/competitors/${rival.id}`)).json() as CompetitorDetail;
    expect(seen).toMatchObject({ accountCount: 0, threatCount: 0, presence: [] });
    const seenByOwner = (await kam.get(`/api/competitors/${rival.id}`)).json() as CompetitorDetail;
    expect(seenByOwner).toMatchObject({ accountCount: 1, threatCount: 1 });
    expect(seenByOwner.presence[0]!.account).toMatchObject({ id: account.id, name: account.name, owner: { id: kamId } });
  });
});

describe('the threats list', () => {
  it('lists medium and high threats at visible accounts, the worst first', async () => {
    const db = t.database.db;
    const owner = await makeUser(db, { role: 'kam' });
    const ownerS = await signedIn(t.app, owner);
    const [x, y, z] = [
      await makeAccount(db, { ownerId: owner.id, name: 'Alpha Retail' }),
      await makeAccount(db, { ownerId: owner.id, name: 'Beta Foods' }),
      await makeAccount(db, { ownerId: owner.id, name: 'Gamma Stores' }),
    ];
    const rival = await newCompetitor(ownerS);
    await ownerS.post(`/api/accounts/${x.id}/competitors`, { competitorId: rival.id, threat: 'medium', shareOfWallet: 50 });
    await ownerS.post(`/api/accounts/${y.id}/competitors`, { competitorId: rival.id, threat: 'high', shareOfWallet: 10 });
    await ownerS.post(`/api/accounts/${z.id}/competitors`, { competitorId: rival.id, threat: 'low', shareOfWallet: 90 });

    const mine = (await ownerS.get('/api/competitors/threats')).json() as {
      items: Threat[];
      total: number;
      counts: { high: number; medium: number };
    };
    expect(mine.items.map((i) => [i.account.name, i.threat])).toEqual([
      ['Beta Foods', 'high'],
      ['Alpha Retail', 'medium'],
    ]);
    expect(mine).toMatchObject({ total: 2, counts: { high: 1, medium: 1 } });
    expect((await ownerS.get('/api/competitors/threats?threat=high')).json().total).toBe(1);

    // the KAM of this test sees none of them; the head sees them all
    const others = (await kam.get(`/api/competitors/threats?competitorId=${rival.id}`)).json();
    expect(others.total).toBe(0);
    const all = (await head.get(`/api/competitors/threats?competitorId=${rival.id}`)).json();
    expect(all.total).toBe(2);
  });
});
