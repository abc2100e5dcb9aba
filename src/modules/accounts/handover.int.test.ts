import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountEvents, accountOwners, accounts, accountTeam } from './accounts.schema.js';
import { companyToday, ownerOnDay, syncCurrentOwners } from './ownership.js';

let t: TestApp;
let head: Session;
let today: string;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
  head = await signedIn(t.app, await makeUser(db(), { role: 'head' }));
  today = (await db().execute<{ d: string }>(sql`SELECT ${companyToday}::text AS d`)).rows[0]!.d;
});
afterAll(() => t.close());

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function ownerOf(accountId: string): Promise<string | null> {
  const [row] = await db().select({ ownerId: accounts.ownerId }).from(accounts).where(eq(accounts.id, accountId));
  return row?.ownerId ?? null;
}

async function ownerOn(accountId: string, day: string): Promise<string | null> {
  const { rows } = await db().execute<{ owner: string | null }>(
    sql`SELECT ${ownerOnDay(sql`${accountId}::uuid`, sql`${day}::date`)} AS owner`,
  );
  return rows[0]?.owner ?? null;
}

const history = (accountId: string) =>
  db().select().from(accountOwners).where(eq(accountOwners.accountId, accountId)).orderBy(accountOwners.startDate);

const handOver = (s: Session, accountId: string, body: Record<string, unknown>) => s.post(`/api/accounts/${accountId}/handover`, body);

describe('handing an account over', () => {
  let manager: TestUser;
  let kam: TestUser;
  beforeAll(async () => {
    manager = await makeUser(db(), { role: 'kam', name: 'Sam Sales' });
    kam = await makeUser(db(), { role: 'kam', name: 'Kira Kam' });
  });

  it('from today: the new owner at once, on the timeline and in the audit log; the new owner sees it, the old one no longer', async () => {
    const account = await makeAccount(db(), { ownerId: manager.id });
    const res = await handOver(head, account.id, { toOwnerId: kam.id, startDate: today, note: 'Promoted to key' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toMatchObject([
      {
        startDate: today,
        owner: { id: kam.id, name: 'Kira Kam' },
        note: 'Promoted to key',
        createdBy: { name: 'Test head' },
        state: 'current',
      },
      { startDate: null, owner: { id: manager.id }, state: 'past' },
    ]);
    expect(await ownerOf(account.id)).toBe(kam.id);
    const [event] = await db()
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.accountId, account.id), eq(accountEvents.kind, 'ownership.changed')));
    expect(event?.data).toEqual({
      from: { id: manager.id, name: 'Sam Sales' },
      to: { id: kam.id, name: 'Kira Kam' },
      startDate: today,
      note: 'Promoted to key',
    });
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, account.id));
    expect(audit.map((a) => a.action)).toContain('account.handover');

    const kamSession = await signedIn(t.app, kam);
    expect((await kamSession.get(`/api/accounts/${account.id}`)).json().owner).toEqual({ id: kam.id, name: 'Kira Kam' });
    expect((await kamSession.get(`/api/accounts/${account.id}/owners`)).statusCode).toBe(200);
    const managerSession = await signedIn(t.app, manager);
    expect((await managerSession.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);
  });

  it('is for admin and head only', async () => {
    const account = await makeAccount(db(), { ownerId: manager.id });
    const owner = await signedIn(t.app, manager);
    const res = await handOver(owner, account.id, { toOwnerId: kam.id, startDate: today });
    expect(res.statusCode).toBe(403);
    const senior = await signedIn(t.app, await makeUser(db(), { role: 'senior_kam' }));
    expect((await handOver(senior, account.id, { toOwnerId: kam.id, startDate: today })).statusCode).toBe(403);
    const admin = await signedIn(t.app, await makeUser(db(), { role: 'admin' }));
    expect((await handOver(admin, account.id, { toOwnerId: kam.id, startDate: today })).statusCode).toBe(200);
    expect(await history(account.id)).toHaveLength(2);
  });

  it('only to an active KAM, senior KAM or head, and not to whoever already owns it then', async () => {
    const account = await makeAccount(db(), { ownerId: manager.id });
    const support = await makeUser(db(), { role: 'sales_support' });
    const gone = await makeUser(db(), { role: 'kam', disabled: true });
    for (const toOwnerId of [support.id, gone.id, '00000000-0000-4000-8000-000000000001']) {
      const res = await handOver(head, account.id, { toOwnerId, startDate: today });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('HANDOVER_OWNER_INVALID');
    }
    const same = await handOver(head, account.id, { toOwnerId: manager.id, startDate: today });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'HANDOVER_SAME_OWNER', message: `Sam Sales already owns this account on ${today}.` });
    for (const startDate of ['2026-02-30', 'tomorrow', '']) {
      expect((await handOver(head, account.id, { toOwnerId: kam.id, startDate })).statusCode).toBe(400);
    }
    expect((await handOver(head, account.id, { toOwnerId: kam.id, startDate: today, extra: 1 })).statusCode).toBe(400);
    expect(await history(account.id)).toHaveLength(1);
    expect(await ownerOf(account.id)).toBe(manager.id);
  });

  it('never rewrites history: a later or earlier hand-over leaves the other assignments as they were', async () => {
    const [a, b, c, d] = [manager, kam, await makeUser(db(), { role: 'senior_kam' }), await makeUser(db(), { role: 'kam' })];
    const account = await makeAccount(db(), { ownerId: a.id });
    expect((await handOver(head, account.id, { toOwnerId: b.id, startDate: '2026-01-10', note: 'first' })).statusCode).toBe(200);
    const afterFirst = await history(account.id);
    expect((await handOver(head, account.id, { toOwnerId: c.id, startDate: '2026-03-01', note: 'second' })).statusCode).toBe(200);
    const afterSecond = await history(account.id);
    expect(afterSecond).toHaveLength(3);
    expect(afterSecond.slice(0, 2)).toEqual(afterFirst);
    // an earlier date slots in between; nothing before or after it moves
    expect((await handOver(head, account.id, { toOwnerId: d.id, startDate: '2025-06-01', note: 'back-dated' })).statusCode).toBe(200);
    const afterThird = await history(account.id);
    expect(afterThird.map((r) => [r.startDate, r.ownerId])).toEqual([
      ['-infinity', a.id],
      ['2025-06-01', d.id],
      ['2026-01-10', b.id],
      ['2026-03-01', c.id],
    ]);
    expect(afterThird.filter((r) => r.startDate !== '2025-06-01')).toEqual(afterSecond);
    expect(await ownerOf(account.id)).toBe(today >= '2026-03-01' ? c.id : today >= '2026-01-10' ? b.id : d.id);

    // the owner on a day is the latest assignment on or before it
    expect(await ownerOn(account.id, '2025-05-31')).toBe(a.id);
    expect(await ownerOn(account.id, '2025-06-01')).toBe(d.id);
    expect(await ownerOn(account.id, '2026-01-09')).toBe(d.id);
    expect(await ownerOn(account.id, '2026-01-10')).toBe(b.id);
    expect(await ownerOn(account.id, '2026-02-28')).toBe(b.id);
    expect(await ownerOn(account.id, '2026-03-01')).toBe(c.id);
    expect(await ownerOn(account.id, '2030-01-01')).toBe(c.id);
  });

  it('on the date of another assignment replaces that one, and only that one', async () => {
    const other = await makeUser(db(), { role: 'kam' });
    const account = await makeAccount(db(), { ownerId: manager.id });
    await handOver(head, account.id, { toOwnerId: kam.id, startDate: '2026-02-01', note: 'by mistake' });
    const before = await history(account.id);
    const res = await handOver(head, account.id, { toOwnerId: other.id, startDate: '2026-02-01', note: 'corrected' });
    expect(res.statusCode).toBe(200);
    const after = await history(account.id);
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ startDate: '2026-02-01', ownerId: other.id, note: 'corrected' });
    const [event] = await db()
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.accountId, account.id), eq(accountEvents.kind, 'ownership.changed'), sql`data->>'note' = 'corrected'`));
    // the assignment it replaced is who the account would have had on that day
    expect(event?.data).toMatchObject({ from: { id: kam.id }, to: { id: other.id }, startDate: '2026-02-01' });
  });

  it("dated in the future, it does not change today's owner until that day", async () => {
    const account = await makeAccount(db(), { ownerId: manager.id });
    const day = addDays(today, 30);
    const res = await handOver(head, account.id, { toOwnerId: kam.id, startDate: day, note: 'From next month' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toMatchObject([
      { startDate: day, owner: { id: kam.id }, state: 'upcoming' },
      { startDate: null, owner: { id: manager.id }, state: 'current' },
    ]);
    expect(await ownerOf(account.id)).toBe(manager.id);
    await db().transaction((tx) => syncCurrentOwners(tx));
    expect(await ownerOf(account.id)).toBe(manager.id);
    expect(await ownerOn(account.id, today)).toBe(manager.id);
    expect(await ownerOn(account.id, addDays(day, -1))).toBe(manager.id);
    expect(await ownerOn(account.id, day)).toBe(kam.id);
    const team = (await head.get(`/api/accounts/${account.id}/team`)).json();
    expect(team).toMatchObject({ owner: { id: manager.id }, upcomingOwner: { owner: { id: kam.id }, startDate: day } });
    // the future KAM does not see the account yet; the current owner still does
    expect((await (await signedIn(t.app, kam)).get(`/api/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, manager)).get(`/api/accounts/${account.id}`)).statusCode).toBe(200);
  });

  it('an account whose first assignment is still ahead is with that owner already, though no one owns it by the day rule', async () => {
    const [row] = await db().insert(accounts).values({ name: 'Prepared', ownerId: null, currency: 'RUB' }).returning();
    const first = addDays(today, 10);
    await db().insert(accountOwners).values({ accountId: row!.id, ownerId: manager.id, startDate: first });
    await db().transaction((tx) => syncCurrentOwners(tx, [row!.id]));
    expect(await ownerOf(row!.id)).toBe(manager.id);
    expect(await ownerOn(row!.id, today)).toBeNull();
    const later = addDays(today, 40);
    expect((await handOver(head, row!.id, { toOwnerId: kam.id, startDate: later })).statusCode).toBe(200);
    expect(await ownerOf(row!.id)).toBe(manager.id);
    const owners = (await head.get(`/api/accounts/${row!.id}/owners`)).json().items;
    expect(owners.map((o: { state: string }) => o.state)).toEqual(['upcoming', 'current']);
    expect(await ownerOn(row!.id, later)).toBe(kam.id);
  });

  it('keeps the team or replaces it in the same step; the new owner leaves the team they now own', async () => {
    const junior = await makeUser(db(), { role: 'kam' });
    const support = await makeUser(db(), { role: 'sales_support' });
    const account = await makeAccount(db(), {
      ownerId: manager.id,
      team: [
        { userId: kam.id, role: 'junior_kam' },
        { userId: support.id, role: 'sales_support' },
      ],
    });
    const kept = await handOver(head, account.id, { toOwnerId: kam.id, startDate: today, team: 'keep' });
    expect(kept.statusCode).toBe(200);
    const team1 = await db().select().from(accountTeam).where(eq(accountTeam.accountId, account.id));
    expect(team1.map((m) => m.userId)).toEqual([support.id]);

    const refused = await handOver(head, account.id, {
      toOwnerId: junior.id,
      startDate: today,
      team: [{ userId: junior.id, role: 'junior_kam' }],
    });
    expect(refused.json().error.code).toBe('TEAM_OWNER_IN_TEAM');
    expect(await ownerOf(account.id)).toBe(kam.id);

    const replaced = await handOver(head, account.id, {
      toOwnerId: junior.id,
      startDate: today,
      note: 'Kira moves to the north',
      team: [{ userId: kam.id, role: 'senior_kam' }],
    });
    expect(replaced.statusCode).toBe(200);
    const team2 = await db().select().from(accountTeam).where(eq(accountTeam.accountId, account.id));
    expect(team2.map((m) => [m.userId, m.role])).toEqual([[kam.id, 'senior_kam']]);
    const kinds = (await db().select().from(accountEvents).where(eq(accountEvents.accountId, account.id))).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'team.changed')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'ownership.changed')).toHaveLength(2);
    // same date as the previous hand-over: it replaced that assignment
    expect((await history(account.id)).map((r) => r.ownerId)).toEqual([manager.id, junior.id]);
  });

  it('shows the history to whoever may read the account, and to no one else', async () => {
    const support = await makeUser(db(), { role: 'sales_support' });
    const account = await makeAccount(db(), { ownerId: manager.id, team: [{ userId: support.id, role: 'sales_support' }] });
    expect((await (await signedIn(t.app, support)).get(`/api/accounts/${account.id}/owners`)).statusCode).toBe(200);
    const stranger = await signedIn(t.app, await makeUser(db(), { role: 'kam' }));
    expect((await stranger.get(`/api/accounts/${account.id}/owners`)).statusCode).toBe(404);
  });
});
