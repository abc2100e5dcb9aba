import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { accountEvents } from './accounts.schema.js';

let t: TestApp;
let kam: TestUser;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  kam = await makeUser(t.database.db, { role: 'kam', name: 'Kira Kam' });
  s = await signedIn(t.app, kam);
});
afterAll(() => t.close());

type Page = { items: { id: string; kind: string; occurredAt: string; data: Record<string, unknown> }[]; next: string | null };
const page = async (id: string, qs = ''): Promise<Page> => {
  const res = await s.get(`/api/accounts/${id}/timeline${qs ? `?${qs}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('notes', () => {
  it('adds a note to the timeline as the newest event, with its author', async () => {
    const a = await makeAccount(t.database.db, { ownerId: kam.id });
    expect((await s.post(`/api/accounts/${a.id}/notes`, { body: '  Met the new buyer.  ' })).json()).toEqual({ ok: true });
    const [event] = (await page(a.id)).items;
    expect(event).toMatchObject({ kind: 'note.added', data: { body: 'Met the new buyer.' }, actor: { id: kam.id, name: 'Kira Kam' } });
  });

  it('refuses an empty note, and notes on accounts the caller may not change', async () => {
    const a = await makeAccount(t.database.db, { ownerId: kam.id });
    expect((await s.post(`/api/accounts/${a.id}/notes`, { body: '   ' })).json().error.code).toBe('VALIDATION_FAILED');
    const stranger = await makeAccount(t.database.db, { ownerId: (await makeUser(t.database.db)).id });
    expect((await s.post(`/api/accounts/${stranger.id}/notes`, { body: 'Hi' })).statusCode).toBe(404);
    const support = await makeUser(t.database.db, { role: 'sales_support' });
    const served = await makeAccount(t.database.db, { ownerId: kam.id, team: [{ userId: support.id, role: 'sales_support' }] });
    const theirs = await signedIn(t.app, support);
    expect((await theirs.post(`/api/accounts/${served.id}/notes`, { body: 'Hi' })).statusCode).toBe(403);
    // basic readers still read the timeline
    expect((await theirs.get(`/api/accounts/${served.id}/timeline`)).statusCode).toBe(200);
  });
});

describe('paging the timeline', () => {
  it('pages newest first by cursor without gaps or repeats, also between events at the same instant', async () => {
    const a = await makeAccount(t.database.db, { ownerId: kam.id });
    const same = new Date('2026-05-01T10:00:00Z');
    const rows = Array.from({ length: 7 }, (_, i) => ({
      accountId: a.id,
      kind: 'note.added',
      data: { body: `n${i}` },
      occurredAt: i < 4 ? same : new Date(same.getTime() + i * 60_000),
    }));
    await t.database.db.insert(accountEvents).values(rows);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page(a.id, `limit=3${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...p.items.map((e) => e.data.body as string));
      cursor = p.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 3)).toEqual(['n6', 'n5', 'n4']);
  });

  it('answers VALIDATION_FAILED to a malformed cursor', async () => {
    const a = await makeAccount(t.database.db, { ownerId: kam.id });
    for (const before of ['nonsense', '2026-01-01T00:00:00Z|not-an-id', '|']) {
      const res = await s.get(`/api/accounts/${a.id}/timeline?before=${encodeURIComponent(before)}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('filters by kinds, and by every kind of a module with `module.*`', async () => {
    const a = await makeAccount(t.database.db, { ownerId: kam.id });
    await t.database.db
      .insert(accountEvents)
      .values(
        ['contact.added', 'contact.updated', 'contactx.added', 'note.added', 'plan.updated'].map((kind) => ({ accountId: a.id, kind })),
      );
    const kindsOf = async (qs: string) => (await page(a.id, qs)).items.map((e) => e.kind).sort();
    expect(await kindsOf('kind=contact.*')).toEqual(['contact.added', 'contact.updated']);
    expect(await kindsOf('kind=contact.*,note.added')).toEqual(['contact.added', 'contact.updated', 'note.added']);
    expect(await kindsOf('kind=plan.updated')).toEqual(['plan.updated']);
    expect((await s.get(`/api/accounts/${a.id}/timeline?kind=${encodeURIComponent('%')}`)).statusCode).toBe(400);
  });

  it('hides the timeline of an account the caller may not see', async () => {
    const stranger = await makeAccount(t.database.db, { ownerId: (await makeUser(t.database.db)).id });
    expect((await s.get(`/api/accounts/${stranger.id}/timeline`)).statusCode).toBe(404);
  });
});
