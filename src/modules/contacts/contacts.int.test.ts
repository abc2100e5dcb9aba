import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeContact, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import type { Contact } from './contacts.contracts.js';
import { contacts } from './contacts.schema.js';

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
async function timeline(s: Session, accountId: string) {
  return (await s.get(`/api/accounts/${accountId}/timeline`)).json().items as { kind: string; data: Record<string, unknown> }[];
}
async function add(accountId: string, body: Record<string, unknown>): Promise<Contact> {
  const res = await kam.post(`/api/accounts/${accountId}/contacts`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('stakeholders', () => {
  it('adds a stakeholder with a relation owner, on the timeline and in the audit log', async () => {
    const account = await ownAccount();
    const contact = await add(account.id, {
      fullName: '  Irina Volkova ',
      title: 'Procurement director',
      email: 'irina@client.test',
      phone: '+7 (495) 123-45-67 доб. 12',
      buyingRole: 'decision_maker',
      influence: 5,
      attitude: 'supporter',
      relationshipStrength: 4,
      relationOwnerId: kamUser.id,
      lastContactOn: '2026-01-15',
    });
    expect(contact).toMatchObject({
      fullName: 'Irina Volkova',
      accountId: account.id,
      relationOwner: { id: kamUser.id, name: 'Kira Kam' },
      reportsTo: null,
      archived: false,
      version: 1,
    });
    const list = (await kam.get(`/api/accounts/${account.id}/contacts`)).json().items as Contact[];
    expect(list.map((c) => c.fullName)).toEqual(['Irina Volkova']);
    expect((await timeline(kam, account.id))[0]).toMatchObject({
      kind: 'contact.added',
      data: { contactId: contact.id, name: 'Irina Volkova' },
    });
    const [audit] = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contact.create'), eq(auditLog.entityId, contact.id)));
    expect(audit?.n).toBe(1);
  });

  it('refuses bad input with clear codes, names the field, and stores nothing', async () => {
    const account = await ownAccount();
    const other = await ownAccount();
    const foreign = await makeContact(db(), { accountId: other.id });
    const disabled = await makeUser(db(), { disabled: true });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ fullName: 'A', email: 'not-an-email' }, 'VALIDATION_FAILED', 'email'],
      [{ fullName: 'A', influence: 6 }, 'VALIDATION_FAILED', 'influence'],
      [{ fullName: 'A', relationshipStrength: 0 }, 'VALIDATION_FAILED', 'relationshipStrength'],
      [{ fullName: 'A', phone: 'call me maybe' }, 'VALIDATION_FAILED', 'phone'],
      [{ fullName: '   ' }, 'VALIDATION_FAILED', 'fullName'],
      [{ fullName: 'A', buyingRole: 'boss' }, 'VALIDATION_FAILED', 'buyingRole'],
      [{ fullName: 'A', salary: 1 }, 'VALIDATION_FAILED', ''],
      [{ fullName: 'A', relationOwnerId: disabled.id }, 'CONTACT_OWNER_INVALID', 'relationOwnerId'],
      [{ fullName: 'A', reportsToId: foreign.id }, 'REPORTS_TO_INVALID', 'reportsToId'],
      [{ fullName: 'A', lastContactOn: '2999-01-01' }, 'LAST_CONTACT_IN_FUTURE', 'lastContactOn'],
    ];
    for (const [body, code, field] of cases) {
      const res = await kam.post(`/api/accounts/${account.id}/contacts`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
      if (field) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    const [stored] = await db().select({ n: count() }).from(contacts).where(eq(contacts.accountId, account.id));
    expect(stored?.n).toBe(0);
  });

  it('explains the error in the user’s language, on the field too', async () => {
    const ru = await makeUser(db(), { role: 'kam', locale: 'ru' });
    const account = await makeAccount(db(), { ownerId: ru.id });
    const res = await (await signedIn(t.app, ru)).post(`/api/accounts/${account.id}/contacts`, {
      fullName: 'A',
      lastContactOn: '2999-01-01',
    });
    expect(res.json().error).toMatchObject({
      code: 'LAST_CONTACT_IN_FUTURE',
      message: 'Дата последнего контакта не может быть в будущем.',
      details: [{ path: 'lastContactOn', message: 'Дата последнего контакта не может быть в будущем.' }],
    });
  });

  it('shows stakeholders only to readers with full access, and lets only writers change them', async () => {
    const support = await makeUser(db(), { role: 'sales_support' });
    const executive = await makeUser(db(), { role: 'executive' });
    const stranger = await makeUser(db(), { role: 'kam' });
    const senior = await makeUser(db(), { role: 'senior_kam' });
    const junior = await makeUser(db(), { role: 'kam', managerId: senior.id });
    const account = await makeAccount(db(), { ownerId: junior.id, team: [{ userId: support.id, role: 'sales_support' }] });
    const contact = await makeContact(db(), { accountId: account.id, fullName: 'Oleg Petrov' });
    const urls = [`/api/accounts/${account.id}/contacts`, `/api/contacts/${contact.id}`, `/api/accounts/${account.id}/relationship-map`];
    const status = async (s: Session) => Promise.all(urls.map(async (u) => (await s.get(u)).statusCode));

    expect(await status(await signedIn(t.app, support))).toEqual([404, 404, 404]);
    expect(await status(await signedIn(t.app, stranger))).toEqual([404, 404, 404]);
    expect(await status(await signedIn(t.app, senior))).toEqual([200, 200, 200]);
    const exec = await signedIn(t.app, executive);
    expect(await status(exec)).toEqual([200, 200, 200]);
    expect((await exec.patch(`/api/contacts/${contact.id}`, { title: 'CEO', version: 1 })).statusCode).toBe(403);
    expect((await exec.post(`/api/accounts/${account.id}/contacts`, { fullName: 'X' })).statusCode).toBe(403);
    const seniorSession = await signedIn(t.app, senior);
    expect((await seniorSession.patch(`/api/contacts/${contact.id}`, { title: 'CEO', version: 1 })).json()).toMatchObject({
      title: 'CEO',
      version: 2,
    });
  });

  it('answers 409 to an edit made on an old version, and keeps the newer one', async () => {
    const account = await ownAccount();
    const contact = await add(account.id, { fullName: 'Pavel Orlov', attitude: 'neutral' });
    const first = await kam.patch(`/api/contacts/${contact.id}`, { attitude: 'supporter', influence: 4, version: contact.version });
    expect(first.json()).toMatchObject({ attitude: 'supporter', version: 2 });
    const stale = await kam.patch(`/api/contacts/${contact.id}`, { attitude: 'opponent', version: contact.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await kam.get(`/api/contacts/${contact.id}`)).json().attitude).toBe('supporter');
    const [event] = await timeline(kam, account.id);
    expect(event).toMatchObject({
      kind: 'contact.updated',
      data: {
        name: 'Pavel Orlov',
        changes: [
          { field: 'influence', from: null, to: 4 },
          { field: 'attitude', from: 'neutral', to: 'supporter' },
        ],
      },
    });
  });

  it('sets reports-to within the account and refuses a circle, naming the people on it', async () => {
    const account = await ownAccount();
    const ceo = await add(account.id, { fullName: 'Anna CEO' });
    const cfo = await add(account.id, { fullName: 'Boris CFO', reportsToId: ceo.id });
    const accountant = await add(account.id, { fullName: 'Vera Accountant', reportsToId: cfo.id });
    expect(accountant.reportsTo).toEqual({ id: cfo.id, name: 'Boris CFO' });

    const cycle = await kam.patch(`/api/contacts/${ceo.id}`, { reportsToId: accountant.id, version: ceo.version });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error).toMatchObject({ code: 'REPORTS_TO_CYCLE', details: [{ path: 'reportsToId' }] });
    expect(cycle.json().error.message).toMatch(/Anna CEO.*Vera Accountant|Vera Accountant.*Anna CEO/);
    const self = await kam.patch(`/api/contacts/${ceo.id}`, { reportsToId: ceo.id, version: ceo.version });
    expect(self.json().error.code).toBe('REPORTS_TO_CYCLE');
    expect((await kam.get(`/api/contacts/${ceo.id}`)).json()).toMatchObject({ reportsTo: null, version: 1 });

    const moved = await kam.patch(`/api/contacts/${accountant.id}`, { reportsToId: ceo.id, version: accountant.version });
    expect(moved.json().reportsTo).toEqual({ id: ceo.id, name: 'Anna CEO' });
    expect((await timeline(kam, account.id))[0]).toMatchObject({
      kind: 'contact.updated',
      data: { changes: [{ field: 'reportsTo', from: 'Boris CFO', to: 'Anna CEO' }] },
    });
  });

  it('archives and restores a stakeholder: off the list and the map, read-only meanwhile', async () => {
    const account = await ownAccount();
    const boss = await add(account.id, { fullName: 'Gleb Boss' });
    const report = await add(account.id, { fullName: 'Dina Report', reportsToId: boss.id });
    const archived = await kam.post(`/api/contacts/${boss.id}/archive`, { version: boss.version });
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    expect(((await kam.get(`/api/accounts/${account.id}/contacts`)).json().items as Contact[]).map((c) => c.fullName)).toEqual([
      'Dina Report',
    ]);
    expect(((await kam.get(`/api/accounts/${account.id}/contacts?archived=true`)).json().items as Contact[]).map((c) => c.id)).toEqual([
      boss.id,
    ]);
    const map = (await kam.get(`/api/accounts/${account.id}/relationship-map`)).json();
    expect(map.nodes.map((n: Contact) => n.id)).toEqual([report.id]);
    expect(map.edges).toEqual([]);
    expect((await timeline(kam, account.id))[0]).toMatchObject({ kind: 'contact.archived', data: { name: 'Gleb Boss' } });

    const edit = await kam.patch(`/api/contacts/${boss.id}`, { title: 'CEO', version: 2 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('CONTACT_ARCHIVED');
    const newcomer = await kam.post(`/api/accounts/${account.id}/contacts`, { fullName: 'New', reportsToId: boss.id });
    expect(newcomer.json().error.code).toBe('REPORTS_TO_INVALID');

    const restored = await kam.post(`/api/contacts/${boss.id}/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ archived: false, version: 3 });
    expect((await timeline(kam, account.id))[0]).toMatchObject({ kind: 'contact.restored', data: { name: 'Gleb Boss' } });
    const again = await kam.get(`/api/accounts/${account.id}/relationship-map`);
    expect(again.json().edges).toEqual([{ id: `${boss.id}>${report.id}`, source: boss.id, target: report.id }]);
  });

  it('answers 404 for a stakeholder that does not exist', async () => {
    expect((await kam.get('/api/contacts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
