import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeContact, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import type { Contact, RelationshipMap } from './contacts.contracts.js';

let t: TestApp;
let kamUser: TestUser;
let kam: Session;
beforeAll(async () => {
  t = await createTestApp();
  kamUser = await makeUser(t.database.db, { role: 'kam', name: 'Kira Kam' });
  kam = await signedIn(t.app, kamUser);
});
afterAll(() => t.close());

const db = () => t.database.db;
const ownAccount = () => makeAccount(db(), { ownerId: kamUser.id });
async function add(accountId: string, body: Record<string, unknown>): Promise<Contact> {
  const res = await kam.post(`/api/accounts/${accountId}/contacts`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const getMap = async (accountId: string): Promise<RelationshipMap> => (await kam.get(`/api/accounts/${accountId}/relationship-map`)).json();
const warningCodes = async (accountId: string) => (await getMap(accountId)).warnings.map((w) => w.code);
const save = (accountId: string, body: unknown) => kam.put(`/api/accounts/${accountId}/relationship-map`, body);

describe('relationship map', () => {
  it('warns as the stakeholders fill in, and goes quiet when the account is well covered', async () => {
    const account = await ownAccount();
    expect(await warningCodes(account.id)).toEqual(['no_stakeholders']);

    const buyer = await add(account.id, { fullName: 'Olga Buyer', buyingRole: 'user', relationOwnerId: kamUser.id });
    expect(await warningCodes(account.id)).toEqual(['no_decision_maker', 'single_threaded', 'no_champion']);

    const ceo = await add(account.id, {
      fullName: 'Igor CEO',
      buyingRole: 'decision_maker',
      attitude: 'opponent',
      relationshipStrength: 2,
    });
    const map = await getMap(account.id);
    expect(map.warnings).toEqual([
      { code: 'opponent_decision_maker', severity: 'high', contactIds: [ceo.id] },
      { code: 'no_relation_with_decision_maker', severity: 'high', contactIds: [ceo.id] },
      { code: 'single_threaded', severity: 'medium', contactIds: [buyer.id] },
      { code: 'no_champion', severity: 'low', contactIds: [] },
    ]);

    await kam.patch(`/api/contacts/${ceo.id}`, { attitude: 'neutral', relationshipStrength: 3, version: ceo.version });
    await add(account.id, { fullName: 'Nina Champion', buyingRole: 'champion', attitude: 'supporter', relationshipStrength: 5 });
    expect(await warningCodes(account.id)).toEqual([]);
  });

  it('draws the reports-to lines between current stakeholders', async () => {
    const account = await ownAccount();
    const ceo = await add(account.id, { fullName: 'CEO' });
    const cfo = await add(account.id, { fullName: 'CFO', reportsToId: ceo.id });
    const map = await getMap(account.id);
    expect(map.nodes.map((n) => n.fullName)).toEqual(['CEO', 'CFO']);
    expect(map.edges).toEqual([{ id: `${ceo.id}>${cfo.id}`, source: ceo.id, target: cfo.id }]);
  });

  it('saves positions and lines in one go: lines are versioned and on the timeline, positions are not', async () => {
    const account = await ownAccount();
    const ceo = await add(account.id, { fullName: 'Anna CEO' });
    const cfo = await add(account.id, { fullName: 'Boris CFO' });
    const res = await save(account.id, {
      positions: [
        { contactId: ceo.id, x: 100.4, y: 0 },
        { contactId: cfo.id, x: 40.6, y: 180 },
      ],
      reportsTo: [{ contactId: cfo.id, reportsToId: ceo.id, version: cfo.version }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const map: RelationshipMap = res.json();
    expect(map.edges).toEqual([{ id: `${ceo.id}>${cfo.id}`, source: ceo.id, target: cfo.id }]);
    const byName = new Map(map.nodes.map((n) => [n.fullName, n]));
    expect(byName.get('Anna CEO')).toMatchObject({ mapX: 100, mapY: 0, version: 1 });
    expect(byName.get('Boris CFO')).toMatchObject({ mapX: 41, mapY: 180, version: 2, reportsTo: { id: ceo.id, name: 'Anna CEO' } });

    const events = (await kam.get(`/api/accounts/${account.id}/timeline`)).json().items;
    expect(events[0]).toMatchObject({
      kind: 'contact.updated',
      data: { name: 'Boris CFO', changes: [{ field: 'reportsTo', from: null, to: 'Anna CEO' }] },
    });
    expect(events.filter((e: { kind: string }) => e.kind === 'contact.updated')).toHaveLength(1);
    const layout = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contact.map.layout'), eq(auditLog.entityId, account.id)));
    expect(layout).toHaveLength(1);
    expect(layout[0]?.after).toEqual([
      { contactId: ceo.id, x: 100, y: 0 },
      { contactId: cfo.id, x: 41, y: 180 },
    ]);

    // moving a card again: the last save wins, with no version to name
    const moved = await save(account.id, { positions: [{ contactId: ceo.id, x: 300, y: 0 }] });
    expect(moved.json().nodes.find((n: Contact) => n.id === ceo.id)).toMatchObject({ mapX: 300, version: 1 });
    // clearing a position hands the card back to the automatic layout
    const cleared = await save(account.id, { positions: [{ contactId: ceo.id, x: null, y: null }] });
    expect(cleared.json().nodes.find((n: Contact) => n.id === ceo.id)).toMatchObject({ mapX: null, mapY: null });
    // a line deleted on the map
    const unlinked = await save(account.id, { reportsTo: [{ contactId: cfo.id, reportsToId: null, version: 2 }] });
    expect(unlinked.json().edges).toEqual([]);
  });

  it('refuses a batch that closes a circle, a stale version or someone else’s stakeholder, and stores none of it', async () => {
    const account = await ownAccount();
    const a = await add(account.id, { fullName: 'Alla' });
    const b = await add(account.id, { fullName: 'Boris', reportsToId: a.id });
    const c = await add(account.id, { fullName: 'Vlad', reportsToId: b.id });
    const foreign = await makeContact(db(), { accountId: (await ownAccount()).id });
    const before = await getMap(account.id);

    const cycle = await save(account.id, {
      positions: [{ contactId: a.id, x: 5, y: 5 }],
      reportsTo: [{ contactId: a.id, reportsToId: c.id, version: a.version }],
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('REPORTS_TO_CYCLE');
    expect(cycle.json().error.message).toContain('→');

    const stale = await save(account.id, {
      positions: [{ contactId: a.id, x: 5, y: 5 }],
      reportsTo: [{ contactId: c.id, reportsToId: a.id, version: c.version + 1 }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const stranger = await save(account.id, { positions: [{ contactId: foreign.id, x: 1, y: 1 }] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error).toMatchObject({ code: 'CONTACT_NOT_ON_ACCOUNT', details: [{ path: 'positions.0.contactId' }] });
    const crossLine = await save(account.id, { reportsTo: [{ contactId: c.id, reportsToId: foreign.id, version: c.version }] });
    expect(crossLine.json().error.code).toBe('REPORTS_TO_INVALID');

    const invalid = await save(account.id, { positions: [{ contactId: a.id, x: 1, y: null }] });
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    const twice = await save(account.id, {
      positions: [
        { contactId: a.id, x: 1, y: 1 },
        { contactId: a.id, x: 2, y: 2 },
      ],
    });
    expect(twice.json().error.code).toBe('VALIDATION_FAILED');

    expect(await getMap(account.id)).toEqual(before);
  });

  it('lets a batch reverse a line, since only the end result must be a tree', async () => {
    const account = await ownAccount();
    const a = await add(account.id, { fullName: 'Alla' });
    const b = await add(account.id, { fullName: 'Boris', reportsToId: a.id });
    const res = await save(account.id, {
      reportsTo: [
        { contactId: b.id, reportsToId: null, version: b.version },
        { contactId: a.id, reportsToId: b.id, version: a.version },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().edges).toEqual([{ id: `${b.id}>${a.id}`, source: b.id, target: a.id }]);
  });

  it('never lets two people drawing at once close a circle between them', async () => {
    const account = await ownAccount();
    const a = await add(account.id, { fullName: 'Alla' });
    const b = await add(account.id, { fullName: 'Boris' });
    const other = await signedIn(t.app, kamUser);
    const answers = await Promise.all([
      save(account.id, { reportsTo: [{ contactId: a.id, reportsToId: b.id, version: a.version }] }),
      other.put(`/api/accounts/${account.id}/relationship-map`, {
        reportsTo: [{ contactId: b.id, reportsToId: a.id, version: b.version }],
      }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect((await getMap(account.id)).edges).toHaveLength(1);
  });

  it('shows the map to an executive but does not let them change it', async () => {
    const account = await ownAccount();
    const a = await add(account.id, { fullName: 'Alla' });
    const exec = await signedIn(t.app, await makeUser(db(), { role: 'executive' }));
    expect((await exec.get(`/api/accounts/${account.id}/relationship-map`)).statusCode).toBe(200);
    const res = await exec.put(`/api/accounts/${account.id}/relationship-map`, { positions: [{ contactId: a.id, x: 1, y: 1 }] });
    expect(res.statusCode).toBe(403);
  });
});
