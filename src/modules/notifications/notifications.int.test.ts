import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { interactions } from '../interactions/interactions.schema.js';
import { todayIn } from '../plans/plans.rules.js';
import { tasks } from '../tasks/tasks.schema.js';
import type { NotificationList, NotificationSettings } from './notifications.contracts.js';
import { dayBefore } from './notifications.rules.js';
import { notifications } from './notifications.schema.js';
import { runNotificationSweep } from './notifications.sweep.js';

let t: TestApp;
let head: TestUser;
let senior: TestUser;
let junior: TestUser;
let stranger: TestUser;

const db = () => t.database.db;
const local = (u: TestUser) => u.email.slice(0, u.email.indexOf('@'));

beforeAll(async () => {
  t = await createTestApp();
  head = await makeUser(db(), { role: 'head' });
  senior = await makeUser(db(), { role: 'senior_kam', managerId: head.id, name: 'Sam Senior' });
  junior = await makeUser(db(), { role: 'kam', managerId: senior.id, name: 'June Junior' });
  stranger = await makeUser(db(), { role: 'kam' });
});
afterAll(() => t.close());

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const inbox = (s: Session, query = '') => ok<NotificationList>(s.get(`/api/notifications${query}`));
const unread = async (s: Session) => (await ok<{ unread: number }>(s.get('/api/notifications/unread-count'))).unread;
const rowsOf = (userId: string, kind: string) =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

describe('the in-app inbox (H5)', () => {
  it('tells the assignee of a task given or passed on to them, not the giver; only the owner reads it', async () => {
    const s = await signedIn(t.app, senior);
    const j = await signedIn(t.app, junior);
    const before = await unread(j);
    const task = await ok<{ id: string }>(s.post('/api/tasks', { title: 'Call the buyer', assigneeId: junior.id, dueDate: '2030-01-05' }));
    // a task to oneself tells nobody
    await ok(s.post('/api/tasks', { title: 'Note to self', assigneeId: senior.id }));

    expect(await unread(j)).toBe(before + 1);
    const mine = await inbox(j);
    const n = mine.items.find((x) => x.payload.taskId === task.id);
    expect(n).toMatchObject({
      kind: 'task_assigned',
      payload: { title: 'Call the buyer', by: 'Sam Senior', dueDate: '2030-01-05' },
      link: `/tasks?task=${task.id}`,
      readAt: null,
    });
    expect((await inbox(s)).items.filter((x) => x.kind === 'task_assigned')).toEqual([]);

    // another user's notification does not exist for them
    const other = await signedIn(t.app, stranger);
    expect((await other.post(`/api/notifications/${n!.id}/read`)).statusCode).toBe(404);
    expect((await s.post(`/api/notifications/${n!.id}/read`)).statusCode).toBe(404);
    expect((await inbox(other)).items.map((x) => x.id)).not.toContain(n!.id);

    const read = await ok<{ readAt: string | null }>(j.post(`/api/notifications/${n!.id}/read`));
    expect(read.readAt).not.toBeNull();
    expect(await unread(j)).toBe(before);

    // passed on to someone else by the giver: the new assignee hears of it
    const patched = await s.patch(`/api/tasks/${task.id}`, { assigneeId: senior.id });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await rowsOf(senior.id, 'task_assigned')).toEqual([]); // the actor took it himself
    await ok(s.patch(`/api/tasks/${task.id}`, { assigneeId: junior.id }));
    expect((await rowsOf(junior.id, 'task_assigned')).filter((r) => r.payload.taskId === task.id)).toHaveLength(2);
  });

  it('lists unread first, counts and marks all read', async () => {
    const u = await makeUser(db(), { role: 'kam' });
    const s = await signedIn(t.app, u);
    await db()
      .insert(notifications)
      .values([
        { userId: u.id, kind: 'task_due', payload: { title: 'A' }, createdAt: new Date('2026-01-01T10:00:00Z') },
        { userId: u.id, kind: 'task_due', payload: { title: 'B' }, createdAt: new Date('2026-01-02T10:00:00Z'), readAt: new Date() },
        { userId: u.id, kind: 'task_due', payload: { title: 'C' }, createdAt: new Date('2026-01-03T10:00:00Z') },
      ]);
    expect(await unread(s)).toBe(2);
    expect((await inbox(s)).items.map((x) => x.payload.title)).toEqual(['C', 'B', 'A']);
    const first = await inbox(s, '?unreadFirst=true&limit=2');
    expect(first).toMatchObject({ total: 3, unread: 2 });
    expect(first.items.map((x) => x.payload.title)).toEqual(['C', 'A']);
    expect((await inbox(s, '?unread=true')).total).toBe(2);
    expect((await s.get('/api/notifications?limit=0')).statusCode).toBe(400);
    await ok(s.post('/api/notifications/read-all'));
    expect(await unread(s)).toBe(0);
  });

  it('tells the colleagues a comment @mentions who may see the task, and nobody else', async () => {
    const s = await signedIn(t.app, senior);
    const j = await signedIn(t.app, junior);
    const task = await ok<{ id: string }>(s.post('/api/tasks', { title: 'Prepare the offer', assigneeId: junior.id }));
    const body = `@${local(senior).toUpperCase()} and @${local(head)}, see this; @${local(stranger)} too. Also mail anna@${local(stranger)}.test`;
    await ok(j.post(`/api/tasks/${task.id}/comments`, { body }));
    const [toSenior] = (await rowsOf(senior.id, 'mention')).filter((r) => r.payload.taskId === task.id);
    expect(toSenior).toMatchObject({ link: `/tasks?task=${task.id}`, payload: { by: 'June Junior', title: 'Prepare the offer' } });
    expect((await rowsOf(head.id, 'mention')).filter((r) => r.payload.taskId === task.id)).toHaveLength(1);
    // the stranger cannot see the task: no word of it reaches them
    expect(await rowsOf(stranger.id, 'mention')).toEqual([]);
    // the author is not told of their own mention
    await ok(j.post(`/api/tasks/${task.id}/comments`, { body: `note to @${local(junior)}` }));
    expect(await rowsOf(junior.id, 'mention')).toEqual([]);
  });

  it('sweeps due and overdue tasks once however often it runs, and respects muted kinds', async () => {
    const u = await makeUser(db(), { role: 'kam' });
    const muter = await makeUser(db(), { role: 'kam' });
    const now = new Date();
    const today = todayIn('Europe/Moscow', now);
    const yesterday = dayBefore(today);
    const [due, overdue, older, done] = await db()
      .insert(tasks)
      .values([
        { title: 'Due today', giverId: u.id, assigneeId: u.id, dueDate: today },
        { title: 'Due yesterday', giverId: u.id, assigneeId: u.id, dueDate: yesterday },
        { title: 'Due long ago', giverId: u.id, assigneeId: u.id, dueDate: '2020-01-01' },
        { title: 'Done today', giverId: u.id, assigneeId: u.id, dueDate: today, status: 'done' },
      ])
      .returning();
    const ms = await signedIn(t.app, muter);
    const settings = await ok<NotificationSettings>(ms.put('/api/notifications/settings', { muted: ['task_due'], reminderMinutes: 60 }));
    expect(settings).toEqual({ muted: ['task_due'], reminderMinutes: 60, emailKinds: [] });
    expect((await ms.put('/api/notifications/settings', { reminderMinutes: 7 })).statusCode).toBe(400);
    expect((await ms.put('/api/notifications/settings', { muted: ['nonsense'] })).statusCode).toBe(400);
    await db()
      .insert(tasks)
      .values([
        { title: 'Muted due', giverId: u.id, assigneeId: muter.id, dueDate: today },
        { title: 'Not muted overdue', giverId: u.id, assigneeId: muter.id, dueDate: yesterday },
      ]);

    await runNotificationSweep(db(), now);
    await runNotificationSweep(db(), now);

    const dueRows = await rowsOf(u.id, 'task_due');
    expect(dueRows.map((r) => r.payload.taskId)).toEqual([due!.id]);
    expect(dueRows[0]!.link).toBe(`/tasks?task=${due!.id}`);
    expect((await rowsOf(u.id, 'task_overdue')).map((r) => r.payload.taskId)).toEqual([overdue!.id]);
    expect([older!.id, done!.id]).not.toContain(dueRows[0]!.payload.taskId);
    expect(await rowsOf(muter.id, 'task_due')).toEqual([]);
    expect((await rowsOf(muter.id, 'task_overdue')).map((r) => r.payload.title)).toEqual(['Not muted overdue']);
  });

  it('reminds of a planned interaction only within the user’s reminder window', async () => {
    const u = await makeUser(db(), { role: 'kam' });
    const account = await makeAccount(db(), { ownerId: u.id, name: 'Reminder Foods' });
    const now = new Date('2031-03-10T09:00:00Z');
    const at = new Date('2031-03-10T09:20:00Z');
    const [planned] = await db()
      .insert(interactions)
      .values({ accountId: account.id, userId: u.id, type: 'visit', status: 'planned', origin: 'plan', occurredAt: at, plannedFor: at })
      .returning();
    // not planned in the plan, or done: no reminder
    await db()
      .insert(interactions)
      .values([
        { accountId: account.id, userId: u.id, type: 'call', status: 'planned', origin: 'off_plan', occurredAt: at },
        { accountId: account.id, userId: u.id, type: 'call', status: 'done', origin: 'plan', occurredAt: at },
      ]);

    const s = await signedIn(t.app, u);
    await ok(s.put('/api/notifications/settings', { reminderMinutes: 15 }));
    await runNotificationSweep(db(), now); // 20 minutes ahead, window 15: not yet
    expect(await rowsOf(u.id, 'plan_reminder')).toEqual([]);

    await ok(s.put('/api/notifications/settings', { reminderMinutes: 30 }));
    await runNotificationSweep(db(), now);
    await runNotificationSweep(db(), new Date('2031-03-10T09:10:00Z'));
    const rows = await rowsOf(u.id, 'plan_reminder');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      link: `/accounts/${account.id}?tab=plan`,
      payload: { interactionId: planned!.id, accountName: 'Reminder Foods', type: 'visit', time: '2031-03-10T09:20:00Z' },
    });
    // once it has begun, no reminder any more
    await db().delete(notifications).where(eq(notifications.userId, u.id));
    await runNotificationSweep(db(), new Date('2031-03-10T09:21:00Z'));
    expect(await rowsOf(u.id, 'plan_reminder')).toEqual([]);
  });

  it('tells the absent user and the deputy when an absence starts, and at once when it is ended early', async () => {
    const away = await makeUser(db(), { role: 'kam', name: 'Anna Away' });
    const deputy = await makeUser(db(), { role: 'kam', name: 'Dan Deputy' });
    const s = await signedIn(t.app, away);
    const today = todayIn('Europe/Moscow');
    const created = await s.post('/api/absences', { kind: 'vacation', deputyId: deputy.id, firstDay: today, lastDay: '2099-01-01' });
    expect(created.statusCode, created.body).toBe(200);
    const absenceId = created.json().id as string;

    await runNotificationSweep(db());
    await runNotificationSweep(db());
    expect((await rowsOf(away.id, 'absence_started')).map((r) => r.payload)).toEqual([
      expect.objectContaining({ absenceId, role: 'absent', deputyName: 'Dan Deputy' }),
    ]);
    expect((await rowsOf(deputy.id, 'absence_started')).map((r) => r.payload)).toEqual([
      expect.objectContaining({ absenceId, role: 'deputy', userName: 'Anna Away' }),
    ]);

    expect((await s.post(`/api/absences/${absenceId}/end`)).statusCode).toBe(200);
    for (const [user, role] of [
      [away, 'absent'],
      [deputy, 'deputy'],
    ] as const) {
      const ended = await rowsOf(user.id, 'absence_ended');
      expect(ended.map((r) => r.payload)).toEqual([expect.objectContaining({ absenceId, role, lastDay: today })]);
    }
    // the sweep the day after does not tell them again
    await runNotificationSweep(db(), new Date(Date.now() + 24 * 3600_000));
    expect(await rowsOf(deputy.id, 'absence_ended')).toHaveLength(1);
    const { rows } = await db().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE payload->>'absenceId' = ${absenceId}`,
    );
    expect(rows[0]?.n).toBe(4);
  });

  it('sweeps an absence that ended yesterday as ended', async () => {
    const away = await makeUser(db(), { role: 'kam' });
    const deputy = await makeUser(db(), { role: 'kam' });
    const now = new Date();
    const yesterday = dayBefore(todayIn('Europe/Moscow', now));
    await db().execute(
      sql`INSERT INTO absences (user_id, deputy_id, kind, first_day, last_day) VALUES (${away.id}, ${deputy.id}, 'sick_leave', ${dayBefore(yesterday)}, ${yesterday})`,
    );
    await runNotificationSweep(db(), now);
    expect(await rowsOf(away.id, 'absence_ended')).toHaveLength(1);
    expect(await rowsOf(deputy.id, 'absence_ended')).toHaveLength(1);
    expect(await rowsOf(deputy.id, 'absence_started')).toEqual([]);
  });
});
