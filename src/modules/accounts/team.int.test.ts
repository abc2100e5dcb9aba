import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountEvents } from './accounts.schema.js';

let t: TestApp;
let senior: TestUser;
let owner: TestUser;
let ownerSession: Session;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  senior = await makeUser(db(), { role: 'senior_kam', name: 'Sergei Senior' });
  owner = await makeUser(db(), { role: 'kam', managerId: senior.id, name: 'Olga Owner' });
  ownerSession = await signedIn(t.app, owner);
});
afterAll(() => t.close());

async function team(s: Session, accountId: string) {
  return (await s.get(`/api/accounts/${accountId}/team`)).json();
}

async function setTeam(s: Session, accountId: string, members: { userId: string; role: string }[], version?: string) {
  const v = version ?? (await team(ownerSession, accountId)).version;
  return s.put(`/api/accounts/${accountId}/team`, { members, version: v });
}

describe('the account team', () => {
  it('lists the owner and the members with their roles, and says who may change it', async () => {
    const junior = await makeUser(db(), { role: 'kam', name: 'Ivan Junior' });
    const account = await makeAccount(db(), { ownerId: owner.id, team: [{ userId: junior.id, role: 'junior_kam' }] });
    const mine = await team(ownerSession, account.id);
    expect(mine).toMatchObject({
      owner: { id: owner.id, name: 'Olga Owner', role: 'kam' },
      ownerSince: null,
      upcomingOwner: null,
      members: [{ user: { id: junior.id, name: 'Ivan Junior', role: 'kam' }, role: 'junior_kam' }],
      canEdit: true,
      canHandOver: false,
    });
    const juniorView = await team(await signedIn(t.app, junior), account.id);
    expect(juniorView.canEdit).toBe(false);
    expect(juniorView.members).toHaveLength(1);
    const head = await signedIn(t.app, await makeUser(db(), { role: 'head' }));
    expect(await team(head, account.id)).toMatchObject({ canEdit: true, canHandOver: true });
  });

  it('the owner adds a member, who then reads the account; a removed member gets 404', async () => {
    const newcomer = await makeUser(db(), { role: 'kam' });
    const leaver = await makeUser(db(), { role: 'sales_support' });
    const account = await makeAccount(db(), { ownerId: owner.id, team: [{ userId: leaver.id, role: 'sales_support' }] });
    const newcomerSession = await signedIn(t.app, newcomer);
    const leaverSession = await signedIn(t.app, leaver);
    expect((await newcomerSession.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await leaverSession.get(`/api/accounts/${account.id}`)).statusCode).toBe(200);

    const res = await setTeam(ownerSession, account.id, [{ userId: newcomer.id, role: 'junior_kam' }]);
    expect(res.statusCode).toBe(200);
    expect(res.json().members.map((m: { user: { id: string } }) => m.user.id)).toEqual([newcomer.id]);

    expect((await newcomerSession.get(`/api/accounts/${account.id}`)).statusCode).toBe(200);
    const list = (await newcomerSession.get('/api/accounts?limit=500')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(account.id);
    expect((await leaverSession.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await leaverSession.get(`/api/accounts/${account.id}/team`)).statusCode).toBe(404);

    const [event] = await db()
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.accountId, account.id), eq(accountEvents.kind, 'team.changed')));
    expect(event?.data).toMatchObject({
      added: [{ id: newcomer.id, role: 'junior_kam' }],
      removed: [{ id: leaver.id, role: 'sales_support' }],
      changed: [],
    });
    expect(event?.actorId).toBe(owner.id);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, account.id), eq(auditLog.action, 'account.team')));
    expect(audit).toHaveLength(1);
  });

  it("may be changed by admin, head, the owner and the owner's senior KAM; not by a team member, another senior or the executive", async () => {
    const member = await makeUser(db(), { role: 'kam' });
    const otherSenior = await makeUser(db(), { role: 'senior_kam' });
    const account = await makeAccount(db(), {
      ownerId: owner.id,
      team: [
        { userId: member.id, role: 'junior_kam' },
        { userId: otherSenior.id, role: 'senior_kam' },
      ],
    });
    const members = [
      { userId: member.id, role: 'junior_kam' },
      { userId: otherSenior.id, role: 'senior_kam' },
    ];
    expect((await setTeam(await signedIn(t.app, member), account.id, members)).statusCode).toBe(403);
    expect((await setTeam(await signedIn(t.app, otherSenior), account.id, members)).statusCode).toBe(403);
    const stranger = await signedIn(t.app, await makeUser(db(), { role: 'kam' }));
    expect((await setTeam(stranger, account.id, members)).statusCode).toBe(404);
    const executive = await signedIn(t.app, await makeUser(db(), { role: 'executive' }));
    expect((await setTeam(executive, account.id, members)).statusCode).toBe(403);
    const supportOnTeam = await makeUser(db(), { role: 'sales_support' });
    await setTeam(ownerSession, account.id, [...members, { userId: supportOnTeam.id, role: 'sales_support' }]);
    expect((await setTeam(await signedIn(t.app, supportOnTeam), account.id, members)).statusCode).toBe(403);

    const managerSession = await signedIn(t.app, senior);
    const byManager = await setTeam(managerSession, account.id, [{ userId: member.id, role: 'senior_kam' }]);
    expect(byManager.statusCode).toBe(200);
    expect((await team(managerSession, account.id)).canEdit).toBe(true);
    const head = await signedIn(t.app, await makeUser(db(), { role: 'head' }));
    expect((await setTeam(head, account.id, [])).statusCode).toBe(200);
    const admin = await signedIn(t.app, await makeUser(db(), { role: 'admin' }));
    expect((await setTeam(admin, account.id, [{ userId: member.id, role: 'other' }])).statusCode).toBe(200);
    expect((await team(ownerSession, account.id)).members).toMatchObject([{ user: { id: member.id }, role: 'other' }]);
  });

  it('refuses duplicates, the owner, people who do not work with accounts, and a stale version', async () => {
    const account = await makeAccount(db(), { ownerId: owner.id });
    const member = await makeUser(db(), { role: 'kam' });
    const hr = await makeUser(db(), { role: 'hr' });
    const disabled = await makeUser(db(), { role: 'kam', disabled: true });
    const cases: [unknown[], string][] = [
      [
        [
          { userId: member.id, role: 'junior_kam' },
          { userId: member.id, role: 'other' },
        ],
        'TEAM_DUPLICATE_MEMBER',
      ],
      [[{ userId: owner.id, role: 'junior_kam' }], 'TEAM_OWNER_IN_TEAM'],
      [[{ userId: hr.id, role: 'other' }], 'TEAM_MEMBER_INVALID'],
      [[{ userId: disabled.id, role: 'junior_kam' }], 'TEAM_MEMBER_INVALID'],
      [[{ userId: '00000000-0000-4000-8000-000000000009', role: 'junior_kam' }], 'TEAM_MEMBER_INVALID'],
      [[{ userId: member.id, role: 'boss' }], 'VALIDATION_FAILED'],
    ];
    for (const [members, code] of cases) {
      const res = await setTeam(ownerSession, account.id, members as { userId: string; role: string }[]);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const { version } = await team(ownerSession, account.id);
    expect((await setTeam(ownerSession, account.id, [{ userId: member.id, role: 'junior_kam' }], version)).statusCode).toBe(200);
    const stale = await setTeam(ownerSession, account.id, [], version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect((await team(ownerSession, account.id)).members).toHaveLength(1);
  });

  it('saving the same team changes nothing and writes nothing', async () => {
    const member = await makeUser(db(), { role: 'kam' });
    const account = await makeAccount(db(), { ownerId: owner.id, team: [{ userId: member.id, role: 'junior_kam' }] });
    const res = await setTeam(ownerSession, account.id, [{ userId: member.id, role: 'junior_kam' }]);
    expect(res.statusCode).toBe(200);
    const events = await db().select().from(accountEvents).where(eq(accountEvents.accountId, account.id));
    expect(events.filter((e) => e.kind === 'team.changed')).toEqual([]);
  });

  it('offers the people who may join the team, or take the account over, to those who may make that change', async () => {
    const account = await makeAccount(db(), { ownerId: owner.id });
    const support = await makeUser(db(), { role: 'sales_support', name: 'Zoya Candidate' });
    await makeUser(db(), { role: 'hr', name: 'Zina Candidate' });
    await makeUser(db(), { role: 'kam', name: 'Zakhar Candidate', disabled: true });
    const kamCandidate = await makeUser(db(), { role: 'kam', name: 'Zlata Candidate' });
    const res = await ownerSession.get(`/api/accounts/${account.id}/team/candidates?q=candidate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: kamCandidate.id, name: 'Zlata Candidate', role: 'kam' },
      { id: support.id, name: 'Zoya Candidate', role: 'sales_support' },
    ]);
    expect((await ownerSession.get(`/api/accounts/${account.id}/team/candidates?purpose=owner`)).statusCode).toBe(403);
    const head = await signedIn(t.app, await makeUser(db(), { role: 'head' }));
    const owners = (await head.get(`/api/accounts/${account.id}/team/candidates?purpose=owner&q=candidate`)).json().items;
    expect(owners.map((u: { id: string }) => u.id)).toEqual([kamCandidate.id]);
  });
});
