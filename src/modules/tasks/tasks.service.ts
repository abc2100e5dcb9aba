import { aliasedTable, and, asc, eq, inArray, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { Actor } from '../../core/policy/policy.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { accounts } from '../accounts/accounts.schema.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { companyToday } from '../accounts/ownership.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { notifyTaskAssigned, notifyTaskMentions } from '../notifications/notifications.service.js';
import { listAttachments } from '../files/files.service.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { users } from '../users/users.schema.js';
import type { NewTask, Task, TaskAttachment, TaskDetail, TaskList, TaskListQuery, TaskPatch, TaskStatus } from './tasks.contracts.js';
import { departmentRoles, mayAssign } from './tasks.rules.js';
import { taskComments, tasks } from './tasks.schema.js';

/**
 * Tasks and delegation (B2, B4). A task is seen by its assignee, its giver, the senior KAMs above
 * either in the reporting line, the head and administrators; to anyone else it does not exist (404).
 * A deputy (B3) sees what the colleague they cover sees.
 */
const seesAll = (a: Actor) => [a.role, ...a.actingFor.map((p) => p.role)].some((r) => r === 'admin' || r === 'head');
export const selves = (a: Actor) => [a.userId, ...a.actingFor.map((p) => p.userId)];
const seniors = (a: Actor) => [{ userId: a.userId, role: a.role }, ...a.actingFor].filter((p) => p.role === 'senior_kam');

async function lineOf(ctx: Ctx, a: Actor): Promise<string[]> {
  return reportingLineOf(
    ctx.db,
    seniors(a).map((p) => p.userId),
  );
}

const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;

async function visibleTasksSql(ctx: Ctx): Promise<SQL | undefined> {
  const a = actorOf(ctx);
  if (seesAll(a)) return undefined;
  const ids = [...selves(a), ...(await lineOf(ctx, a))];
  return or(sql`${tasks.assigneeId} = ANY(${uuids(ids)})`, sql`${tasks.giverId} = ANY(${uuids(ids)})`);
}

const assignee = aliasedTable(users, 'assignee');
const giver = aliasedTable(users, 'giver');
const columns = {
  t: tasks,
  account: { id: accounts.id, name: accounts.name },
  assignee: { id: assignee.id, name: assignee.name },
  giver: { id: giver.id, name: giver.name },
  overdue: sql<boolean>`(${tasks.dueDate} < ${companyToday} AND ${tasks.status} IN ('open', 'in_progress'))`,
};
type Row = {
  t: typeof tasks.$inferSelect;
  account: { id: string; name: string } | null;
  assignee: { id: string; name: string };
  giver: { id: string; name: string };
  overdue: boolean;
};

function select(ctx: Ctx) {
  return ctx.db
    .select(columns)
    .from(tasks)
    .innerJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .innerJoin(giver, eq(giver.id, tasks.giverId))
    .leftJoin(accounts, eq(accounts.id, tasks.accountId));
}

function toTask(a: Actor, r: Row): Task {
  const me = selves(a);
  return {
    id: r.t.id,
    title: r.t.title,
    description: r.t.description,
    account: r.account?.id ? r.account : null,
    assignee: r.assignee,
    giver: r.giver,
    dueDate: r.t.dueDate,
    priority: r.t.priority,
    status: r.t.status,
    overdue: Boolean(r.overdue),
    canEdit: me.includes(r.t.giverId),
    canWork: me.includes(r.t.assigneeId) || me.includes(r.t.giverId),
    createdAt: r.t.createdAt.toISOString(),
    updatedAt: r.t.updatedAt.toISOString(),
  };
}

const open = inArray(tasks.status, ['open', 'in_progress']);

export async function listTasks(ctx: Ctx, q: TaskListQuery): Promise<TaskList> {
  const a = actorOf(ctx);
  const me = selves(a);
  let where: SQL | undefined;
  if (q.view === 'mine') where = inArray(tasks.assigneeId, me);
  else if (q.view === 'given') where = and(inArray(tasks.giverId, me), notInArray(tasks.assigneeId, me));
  else if (q.view === 'overdue') where = and(await visibleTasksSql(ctx), open, sql`${tasks.dueDate} < ${companyToday}`);
  else {
    // the team board: the senior's reporting line, or the whole department for the head
    if (seesAll(a)) where = undefined;
    else if (seniors(a).length) {
      const line = await lineOf(ctx, a);
      where = line.length ? inArray(tasks.assigneeId, line) : sql`false`;
    } else throw forbidden();
  }
  const closed = q.view === 'overdue' || q.closed === 'true' ? undefined : open;
  const rows = await select(ctx)
    .where(and(where, closed, q.accountId ? eq(tasks.accountId, q.accountId) : undefined))
    .orderBy(sql`${tasks.dueDate} ASC NULLS LAST`, asc(tasks.createdAt))
    .limit(500);
  return { items: rows.map((r) => toTask(a, r)) };
}

export async function findTask(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await select(ctx).where(and(eq(tasks.id, id), await visibleTasksSql(ctx)));
  if (!row) throw notFound();
  return row;
}

export async function getTask(ctx: Ctx, id: string): Promise<TaskDetail> {
  const a = actorOf(ctx);
  const row = await findTask(ctx, id);
  const comments = await ctx.db
    .select({ c: taskComments, author: { id: users.id, name: users.name } })
    .from(taskComments)
    .leftJoin(users, eq(users.id, taskComments.authorId))
    .where(eq(taskComments.taskId, id))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id));
  return {
    ...toTask(a, row),
    comments: comments.map((c) => ({
      id: c.c.id,
      author: c.author?.id ? c.author : null,
      body: c.c.body,
      createdAt: c.c.createdAt.toISOString(),
    })),
    attachments: await taskAttachments(ctx, row.t),
  };
}

/** The files of a task, without their bytes; their uploader and the task's giver may delete them. */
export async function taskAttachments(ctx: Ctx, t: { id: string; giverId: string }): Promise<TaskAttachment[]> {
  const me = selves(actorOf(ctx));
  const files = await listAttachments(ctx.db, { type: 'task', id: t.id });
  return files.map((f) => ({
    ...f,
    createdAt: f.createdAt.toISOString(),
    canDelete: me.includes(t.giverId) || (!!f.uploadedBy && me.includes(f.uploadedBy.id)),
  }));
}

/** The users the caller may give a task to, themselves first. */
export async function listAssignees(ctx: Ctx): Promise<{ items: { id: string; name: string }[] }> {
  const a = actorOf(ctx);
  const base = ctx.db.select({ id: users.id, name: users.name }).from(users);
  let rows: { id: string; name: string }[];
  if (a.role === 'admin' || a.role === 'head')
    rows = await base.where(and(isNull(users.disabledAt), inArray(users.role, [...departmentRoles]))).orderBy(asc(users.name));
  else {
    const line = a.role === 'senior_kam' ? await reportingLineOf(ctx.db, [a.userId]) : [];
    rows = await base.where(and(isNull(users.disabledAt), inArray(users.id, [a.userId, ...line]))).orderBy(asc(users.name));
  }
  return { items: [...rows.filter((r) => r.id === a.userId), ...rows.filter((r) => r.id !== a.userId)] };
}

/** Refuses an assignee the caller may not give tasks to (403), or an unknown one (404). */
async function checkAssignee(ctx: Ctx, assigneeId: string) {
  const a = actorOf(ctx);
  const [u] = await ctx.db
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, assigneeId));
  if (!u) throw new AppError('TASK_ASSIGNEE_NOT_ALLOWED', 403);
  const line = a.role === 'senior_kam' ? new Set(await reportingLineOf(ctx.db, [a.userId])) : new Set<string>();
  if (!mayAssign({ id: a.userId, role: a.role }, { id: u.id, role: u.role, disabled: u.disabledAt !== null }, line))
    throw new AppError('TASK_ASSIGNEE_NOT_ALLOWED', 403);
  return u;
}

/** The account must be visible to the giver (else 404) and to the assignee (else a 422 with a code). */
async function checkAccount(ctx: Ctx, accountId: string, who: { id: string; role: Actor['role'] }) {
  const row = await requireAccount(ctx, accountId, 'read');
  const theirs: Ctx = { ...ctx, actor: { ...actorOf(ctx), userId: who.id, role: who.role, actingFor: [] } };
  const [seen] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), await visibleAccountsSql(theirs)));
  if (!seen) throw new AppError('TASK_ACCOUNT_NOT_VISIBLE', 422);
  return row;
}

export async function createTask(ctx: Ctx, body: NewTask): Promise<TaskDetail> {
  const a = actorOf(ctx);
  const who = await checkAssignee(ctx, body.assigneeId);
  if (body.accountId) await checkAccount(ctx, body.accountId, who);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({
        title: body.title,
        description: body.description ?? null,
        assigneeId: body.assigneeId,
        giverId: a.userId,
        accountId: body.accountId ?? null,
        dueDate: body.dueDate ?? null,
        priority: body.priority,
      })
      .returning();
    if (!row) throw new Error('task not inserted');
    if (row.accountId) await event(tx, row, 'task.created', a.userId);
    await notifyTaskAssigned(tx, row, a);
    await recordAudit(ctx, { action: 'task.create', entity: 'task', entityId: row.id, after: row }, tx);
    return row.id;
  });
  return getTask(ctx, id);
}

async function event(tx: Executor, t: typeof tasks.$inferSelect, kind: string, actorId: string) {
  if (!t.accountId) return;
  const [u] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, t.assigneeId));
  await recordAccountEvent(tx, {
    accountId: t.accountId,
    kind,
    actorId,
    data: { taskId: t.id, title: t.title, assignee: u ?? null, dueDate: t.dueDate, priority: t.priority },
  });
}

export async function updateTask(ctx: Ctx, id: string, patch: TaskPatch): Promise<TaskDetail> {
  const a = actorOf(ctx);
  const row = await findTask(ctx, id);
  if (!selves(a).includes(row.t.giverId)) throw forbidden();
  const assigneeId = patch.assigneeId ?? row.t.assigneeId;
  const who = patch.assigneeId && patch.assigneeId !== row.t.assigneeId ? await checkAssignee(ctx, patch.assigneeId) : null;
  const accountId = patch.accountId === undefined ? row.t.accountId : patch.accountId;
  if (accountId && (who || accountId !== row.t.accountId)) {
    const [u] = await ctx.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, assigneeId));
    if (u) await checkAccount(ctx, accountId, u);
  }
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(tasks)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(tasks.id, id))
      .returning();
    await recordAudit(ctx, { action: 'task.update', entity: 'task', entityId: id, before: row.t, after }, tx);
    if (after && after.assigneeId !== row.t.assigneeId) await notifyTaskAssigned(tx, after, a);
  });
  return getTask(ctx, id);
}

/**
 * The assignee moves a task through open, in progress and done; the giver may also cancel it (or
 * reopen it). Done and cancelled tasks on an account appear on its timeline.
 */
export async function changeStatus(ctx: Ctx, id: string, status: TaskStatus): Promise<TaskDetail> {
  const a = actorOf(ctx);
  const row = await findTask(ctx, id);
  const me = selves(a);
  const isGiver = me.includes(row.t.giverId);
  const isAssignee = me.includes(row.t.assigneeId);
  if (!isGiver && !isAssignee) throw forbidden();
  if (status === 'cancelled' && !isGiver) throw new AppError('TASK_CANCEL_GIVER_ONLY', 403);
  if (row.t.status === 'cancelled' && !isGiver) throw new AppError('TASK_CANCEL_GIVER_ONLY', 403);
  if (status === row.t.status) return getTask(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx.update(tasks).set({ status, updatedAt: new Date() }).where(eq(tasks.id, id)).returning();
    if (after && (status === 'done' || status === 'cancelled')) await event(tx, after, `task.${status}`, a.userId);
    await recordAudit(
      ctx,
      { action: 'task.status', entity: 'task', entityId: id, before: { status: row.t.status }, after: { status } },
      tx,
    );
  });
  return getTask(ctx, id);
}

/** The assignee and the giver discuss the task. */
export async function addComment(ctx: Ctx, id: string, body: string): Promise<TaskDetail> {
  const a = actorOf(ctx);
  const row = await findTask(ctx, id);
  const me = selves(a);
  if (!me.includes(row.t.giverId) && !me.includes(row.t.assigneeId)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.insert(taskComments).values({ taskId: id, authorId: a.userId, body }).returning({ id: taskComments.id });
    if (c) await notifyTaskMentions(tx, row.t, { id: c.id, body }, a);
    await recordAudit(ctx, { action: 'task.comment', entity: 'task', entityId: id, after: { commentId: c?.id, body } }, tx);
  });
  return getTask(ctx, id);
}
