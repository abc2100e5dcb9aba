import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountOwners, accounts } from './accounts.schema.js';

let t: TestApp;
let kam: TestUser;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  kam = await makeUser(t.database.db, { role: 'kam', name: 'Kira Kam' });
  s = await signedIn(t.app, kam);
});
afterAll(() => t.close());

const kinds = async (id: string) => ((await s.get(`/api/accounts/${id}/timeline`)).json().items as { kind: string }[]).map((e) => e.kind);

describe('creating an account', () => {
  it('makes the creator the owner, with the company currency, a first assignment, a timeline event and an audit entry', async () => {
    const res = await s.post('/api/accounts', { name: '  Volga Trade  ', city: 'Samara', creditLimit: '2500000.50', paymentTermsDays: 30 });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      name: 'Volga Trade',
      owner: { id: kam.id, name: 'Kira Kam' },
      tier: 'regular',
      status: 'active',
      currency: 'RUB',
      creditLimit: '2500000.50',
      version: 1,
      access: 'full',
      can: { edit: true, assign: false, retier: false },
    });
    const db = t.database.db;
    expect(await db.select().from(accountOwners).where(eq(accountOwners.accountId, a.id))).toHaveLength(1);
    expect(await kinds(a.id)).toEqual(['account.created']);
    const [audit] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.create'), eq(auditLog.entityId, a.id)));
    expect(audit?.n).toBe(1);
  });

  it('creates a prospect with a source and a next step (A7)', async () => {
    const res = await s.post('/api/accounts', {
      name: 'Lead Co',
      status: 'prospect',
      tier: 'potential',
      source: 'Trade fair',
      nextStep: 'Call the buyer',
    });
    expect(res.json()).toMatchObject({ status: 'prospect', tier: 'potential', source: 'Trade fair', nextStep: 'Call the buyer' });
  });

  it('refuses a lost account without a lost date and stores nothing', async () => {
    const db = t.database.db;
    const before = (await db.select({ n: count() }).from(accounts))[0]?.n;
    const res = await s.post('/api/accounts', { name: 'Gone Ltd', status: 'lost' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('LOST_DATE_REQUIRED');
    expect((await db.select({ n: count() }).from(accounts))[0]?.n).toBe(before);
  });

  it('leaves owners and key tiers to those who may assign and re-tier', async () => {
    const other = await makeUser(t.database.db, { role: 'kam' });
    expect((await s.post('/api/accounts', { name: 'Not mine', ownerId: other.id })).statusCode).toBe(403);
    expect((await s.post('/api/accounts', { name: 'Too key', tier: 'key' })).statusCode).toBe(403);
    const head = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
    const res = await head.post('/api/accounts', { name: 'Assigned', ownerId: other.id, tier: 'key' });
    expect(res.json()).toMatchObject({ owner: { id: other.id }, tier: 'key' });
    const disabled = await makeUser(t.database.db, { role: 'kam', disabled: true });
    expect((await head.post('/api/accounts', { name: 'Nobody', ownerId: disabled.id })).json().error.code).toBe('OWNER_INVALID');
  });

  it('rejects unknown fields, bad money and a taken external id', async () => {
    expect((await s.post('/api/accounts', { name: 'X', colour: 'red' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await s.post('/api/accounts', { name: 'X', creditLimit: '1,5' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await s.post('/api/accounts', { name: '   ' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await s.post('/api/accounts', { name: 'First', externalId: 'DUP-1' })).statusCode).toBe(200);
    const dup = await s.post('/api/accounts', { name: 'Second', externalId: 'DUP-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EXTERNAL_ID_TAKEN');
  });
});

describe('changing an account', () => {
  it('applies a change with the version read, tells the timeline what changed, and bumps the version', async () => {
    const a = (await s.post('/api/accounts', { name: 'Edit Me', city: 'Tula' })).json();
    const res = await s.patch(`/api/accounts/${a.id}`, { city: 'Tver', creditLimit: '1000', version: a.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ city: 'Tver', creditLimit: '1000.00', version: 2 });
    const [event] = (await s.get(`/api/accounts/${a.id}/timeline?kind=account.updated`)).json().items;
    expect(event.data.changes).toEqual([
      { field: 'city', from: 'Tula', to: 'Tver' },
      { field: 'creditLimit', from: null, to: '1000.00' },
    ]);
    expect(event.actor).toEqual({ id: kam.id, name: 'Kira Kam' });
  });

  it('answers 409 CONFLICT to a second change made with the old version, and overwrites nothing', async () => {
    const a = (await s.post('/api/accounts', { name: 'Contested', city: 'Omsk' })).json();
    const colleague = await signedIn(t.app, kam);
    expect((await colleague.patch(`/api/accounts/${a.id}`, { city: 'Kazan', version: a.version })).statusCode).toBe(200);
    const stale = await s.patch(`/api/accounts/${a.id}`, { city: 'Perm', phone: '+7 900', version: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await s.get(`/api/accounts/${a.id}`)).json()).toMatchObject({ city: 'Kazan', phone: null, version: 2 });
  });

  it('marks an account lost with date and reason, and clears them when it comes back', async () => {
    const a = (await s.post('/api/accounts', { name: 'Slipping' })).json();
    expect((await s.patch(`/api/accounts/${a.id}`, { status: 'lost', version: a.version })).json().error.code).toBe('LOST_DATE_REQUIRED');
    const lost = await s.patch(`/api/accounts/${a.id}`, {
      status: 'lost',
      lostDate: '2026-03-01',
      lostReason: 'Price',
      version: a.version,
    });
    expect(lost.json()).toMatchObject({ status: 'lost', lostDate: '2026-03-01', lostReason: 'Price', version: 2 });
    const [event] = (await s.get(`/api/accounts/${a.id}/timeline?kind=status.changed`)).json().items;
    expect(event.data).toEqual({ from: 'active', to: 'lost', lostReason: 'Price', lostDate: '2026-03-01' });
    const back = await s.patch(`/api/accounts/${a.id}`, { status: 'active', version: 2 });
    expect(back.json()).toMatchObject({ status: 'active', lostDate: null, lostReason: null, lostToCompetitorId: null });
  });

  it('asks why when an account is marked lost (a reason or the competitor), and keeps an already lost one editable', async () => {
    const a = (await s.post('/api/accounts', { name: 'Why Lost' })).json();
    const noWhy = await s.patch(`/api/accounts/${a.id}`, { status: 'lost', lostDate: '2026-03-01', version: a.version });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.json().error.code).toBe('LOST_REASON_REQUIRED');
    expect((await s.post('/api/accounts', { name: 'Lost At Birth', status: 'lost', lostDate: '2026-03-01' })).json().error.code).toBe(
      'LOST_REASON_REQUIRED',
    );
    // lost before, with a date only (as an import leaves it): other edits still go through
    await t.database.db.update(accounts).set({ status: 'lost', lostDate: '2026-02-01' }).where(eq(accounts.id, a.id));
    const edited = await s.patch(`/api/accounts/${a.id}`, { city: 'Tver', version: a.version });
    expect(edited.json()).toMatchObject({ status: 'lost', city: 'Tver', lostReason: null });
  });

  it('lets only those who may re-tier change the tier, with the reason on the timeline', async () => {
    const a = (await s.post('/api/accounts', { name: 'Rising' })).json();
    expect((await s.patch(`/api/accounts/${a.id}`, { tier: 'key', version: a.version })).statusCode).toBe(403);
    const head = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
    await head.patch(`/api/accounts/${a.id}`, { tier: 'key', tierReason: 'Large and loyal', version: a.version });
    const [event] = (await s.get(`/api/accounts/${a.id}/timeline?kind=tier.changed`)).json().items;
    expect(event.data).toEqual({ from: 'regular', to: 'key', reason: 'Large and loyal' });
  });
});

describe('archiving', () => {
  it('archives and restores with the version read, each on the timeline; a stale version is a conflict', async () => {
    const a = (await s.post('/api/accounts', { name: 'Dormant' })).json();
    const archived = await s.post(`/api/accounts/${a.id}/archive`, { version: a.version });
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    expect((await s.get('/api/accounts?archived=false&q=Dormant')).json().total).toBe(0);
    expect((await s.post(`/api/accounts/${a.id}/restore`, { version: 1 })).json().error.code).toBe('CONFLICT');
    expect((await s.post(`/api/accounts/${a.id}/restore`, { version: 2 })).json()).toMatchObject({ archived: false, version: 3 });
    expect(await kinds(a.id)).toEqual(['account.restored', 'account.archived', 'account.created']);
  });
});
