import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import type { TaskDetail, TaskList } from './tasks.contracts.js';

let t: TestApp;
let head: TestUser;
let senior: TestUser;
let junior: TestUser;
let stranger: TestUser;
let juniorAccount: { id: string };
let strangerAccount: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  head = await makeUser(db, { role: 'head' });
  senior = await makeUser(db, { role: 'senior_kam', managerId: head.id });
  junior = await makeUser(db, { role: 'kam', managerId: senior.id, name: 'June Junior' });
  stranger = await makeUser(db, { role: 'kam' });
  juniorAccount = await makeAccount(db, { ownerId: junior.id, name: 'Junior Foods' });
  strangerAccount = await makeAccount(db, { ownerId: stranger.id });
});
afterAll(() => t.close());

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const list = (s: Session, view: string) => ok<TaskList>(s.get(`/api/tasks?view=${view}`));

describe('tasks and delegation (B2, B4)', () => {
  it('lets a senior give a task on an account to a junior, who works it; it shows on the timeline', async () => {
    const s = await signedIn(t.app, senior);
    const j = await signedIn(t.app, junior);
    const assignees = await ok<{ items: { id: string }[] }>(s.get('/api/tasks/assignees'));
    expect(assignees.items.map((u) => u.id)).toEqual([senior.id, junior.id]);

    const task = await ok<TaskDetail>(
      s.post('/api/tasks', {
        title: 'Call the buyer',
        assigneeId: junior.id,
        accountId: juniorAccount.id,
        priority: 'high',
        dueDate: '2026-01-05',
      }),
    );
    expect(task).toMatchObject({ status: 'open', overdue: true, canEdit: true, assignee: { id: junior.id }, giver: { id: senior.id } });

    expect((await list(j, 'mine')).items.map((x) => x.id)).toContain(task.id);
    expect((await list(s, 'given')).items.map((x) => x.id)).toContain(task.id);
    expect((await list(s, 'overdue')).items.map((x) => x.id)).toContain(task.id);
    expect((await list(s, 'team')).items.map((x) => x.id)).toContain(task.id);

    // the assignee comments and finishes; only the giver may edit or cancel
    const commented = await ok<TaskDetail>(j.post(`/api/tasks/${task.id}/comments`, { body: 'Meeting booked' }));
    expect(commented.comments.map((c) => [c.author?.id, c.body])).toEqual([[junior.id, 'Meeting booked']]);
    expect((await j.patch(`/api/tasks/${task.id}`, { title: 'Mine now' })).statusCode).toBe(403);
    expect((await j.post(`/api/tasks/${task.id}/status`, { status: 'cancelled' })).json()).toMatchObject({
      error: { code: 'TASK_CANCEL_GIVER_ONLY' },
    });
    const done = await ok<TaskDetail>(j.post(`/api/tasks/${task.id}/status`, { status: 'done' }));
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expect((await list(s, 'overdue')).items.map((x) => x.id)).not.toContain(task.id);

    const timeline = await ok<{ items: { kind: string; data: { taskId?: string } }[] }>(
      s.get(`/api/accounts/${juniorAccount.id}/timeline`),
    );
    expect(timeline.items.filter((e) => e.data.taskId === task.id).map((e) => e.kind)).toEqual(['task.done', 'task.created']);

    const { rows } = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity = 'task' AND entity_id = ${task.id} ORDER BY at`,
    );
    expect(rows.map((r) => r.action)).toEqual(['task.create', 'task.comment', 'task.status']);
  });

  it('refuses assignees outside the giver’s reach and accounts the assignee cannot see', async () => {
    const s = await signedIn(t.app, senior);
    const k = await signedIn(t.app, junior);
    const h = await signedIn(t.app, head);
    const refused = await s.post('/api/tasks', { title: 'Not yours', assigneeId: stranger.id });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'TASK_ASSIGNEE_NOT_ALLOWED']);
    expect((await k.post('/api/tasks', { title: 'Boss', assigneeId: senior.id })).statusCode).toBe(403);
    expect((await h.post('/api/tasks', { title: 'Anyone', assigneeId: stranger.id })).statusCode).toBe(200);
    // the head sees every account, the junior does not see the stranger's
    const hidden = await h.post('/api/tasks', { title: 'Wrong account', assigneeId: junior.id, accountId: strangerAccount.id });
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([422, 'TASK_ACCOUNT_NOT_VISIBLE']);
    // a giver who cannot see the account gets 404
    expect((await s.post('/api/tasks', { title: 'x', assigneeId: senior.id, accountId: strangerAccount.id })).statusCode).toBe(404);
  });

  it('hides a task from unrelated users (404) and shows it to the seniors above', async () => {
    const h = await signedIn(t.app, head);
    const task = await ok<TaskDetail>(h.post('/api/tasks', { title: 'For the junior', assigneeId: junior.id }));
    expect((await (await signedIn(t.app, stranger)).get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    const s = await signedIn(t.app, senior);
    expect(await ok<TaskDetail>(s.get(`/api/tasks/${task.id}`))).toMatchObject({ canEdit: false, canWork: false });
    expect((await s.post(`/api/tasks/${task.id}/comments`, { body: 'hi' })).statusCode).toBe(403);
    const edited = await ok<TaskDetail>(h.patch(`/api/tasks/${task.id}`, { priority: 'urgent', dueDate: null }));
    expect(edited.priority).toBe('urgent');
    expect((await ok<TaskDetail>(h.post(`/api/tasks/${task.id}/status`, { status: 'cancelled' }))).status).toBe('cancelled');
    expect((await (await signedIn(t.app, junior)).post(`/api/tasks/${task.id}/status`, { status: 'open' })).statusCode).toBe(403);
  });

  it('keeps the team board for seniors and the head', async () => {
    expect((await (await signedIn(t.app, junior)).get('/api/tasks?view=team')).statusCode).toBe(403);
  });
});
