import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { accounts } from '../accounts/accounts.schema.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { listAttachments } from '../files/files.service.js';
import { notify } from '../notifications/notifications.service.js';
import { users } from '../users/users.schema.js';
import { type RequestReach, reachOf, visibleRequestsSql } from './requests.access-rules.js';
import { calendarOf, deadlineOf, slaMinutesOf } from './requests.clock.js';
import {
  type DepartmentRequest,
  type DepartmentSla,
  type DepartmentSlaUpdate,
  type NewRequest,
  openRequestStatuses,
  type RequestAssign,
  type RequestAttachment,
  type RequestDepartment,
  type RequestDetail,
  type RequestList,
  type RequestListQuery,
  type RequestPatch,
  type RequestStatus,
  type RequestStatusChange,
  requestDepartments,
  requestTypesByDepartment,
  type requestViews,
} from './requests.contracts.js';
import { departmentRequests, departmentSla, requestEvents } from './requests.schema.js';

/** The app path of a request. */
export const requestLink = (id: string) => `/requests?request=${id}`;

const owner = aliasedTable(users, 'owner');
const requester = aliasedTable(users, 'requester');
const assignee = aliasedTable(users, 'assignee');
const r = departmentRequests;

const columns = {
  r,
  account: { id: accounts.id, name: accounts.name, tier: accounts.tier },
  owner: { id: owner.id, name: owner.name },
  requester: { id: requester.id, name: requester.name },
  assignee: { id: assignee.id, name: assignee.name },
};
type Row = {
  r: typeof departmentRequests.$inferSelect;
  account: { id: string; name: string; tier: string };
  owner: { id: string; name: string } | null;
  requester: { id: string; name: string };
  assignee: { id: string; name: string } | null;
};

function select(db: Executor) {
  return db
    .select(columns)
    .from(r)
    .innerJoin(accounts, eq(accounts.id, r.accountId))
    .leftJoin(owner, eq(owner.id, accounts.ownerId))
    .innerJoin(requester, eq(requester.id, r.requestedById))
    .leftJoin(assignee, eq(assignee.id, r.assigneeId));
}

const isOpen = (s: RequestStatus) => (openRequestStatuses as readonly string[]).includes(s);
const works = (reach: RequestReach, row: Row) => reach.departments.includes(row.r.department);
const requested = (reach: RequestReach, row: Row) => reach.selves.includes(row.r.requestedById);

function toRequest(reach: RequestReach, row: Row, now = new Date()): DepartmentRequest {
  const t = row.r;
  const open = isOpen(t.status);
  return {
    id: t.id,
    reference: t.reference,
    account: { ...row.account, owner: row.owner?.id ? row.owner : null },
    department: t.department,
    type: t.type,
    title: t.title,
    description: t.description,
    dueDate: t.dueDate,
    status: t.status,
    requestedBy: row.requester,
    assignee: row.assignee?.id ? row.assignee : null,
    slaMinutes: t.slaMinutes,
    dueAt: t.dueAt?.toISOString() ?? null,
    warnedAt: t.warnedAt?.toISOString() ?? null,
    breachedAt: t.breachedAt?.toISOString() ?? null,
    doneAt: t.doneAt?.toISOString() ?? null,
    overdue: open && !!t.dueAt && t.dueAt < now,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    can: {
      edit: requested(reach, row) && t.status === 'new',
      work: works(reach, row) && open,
      cancel: requested(reach, row) && open,
      comment: requested(reach, row) || works(reach, row) || reach.all || reach.isSenior,
    },
  };
}

type View = (typeof requestViews)[number];
function viewsOf(reach: RequestReach): View[] {
  const views: View[] = [];
  if (reach.departments.length) views.push('queue');
  if (reach.mayRaise) views.push('mine');
  if (reach.isSenior) views.push('line');
  if (reach.all) views.push('all');
  return views.length ? views : ['mine'];
}

export async function listRequests(ctx: Ctx, q: RequestListQuery): Promise<RequestList> {
  const a = actorOf(ctx);
  const reach = await reachOf(ctx.db, a);
  const views = viewsOf(reach);
  const view = q.view ?? views[0] ?? 'mine';
  let where: SQL | undefined;
  if (view === 'mine') where = inArray(r.requestedById, reach.selves);
  else if (view === 'queue') {
    if (!reach.departments.length) throw new AppError('REQUEST_NO_QUEUE', 403);
    where = sql`${r.department}::text = ANY(${sql.param(reach.departments)}::text[])`;
  } else if (view === 'line') {
    if (!reach.isSenior) throw forbidden();
    where = inArray(r.requestedById, reach.requesters);
  } else {
    if (!reach.all) throw forbidden();
    where = undefined;
  }
  const status =
    q.status === 'open'
      ? inArray(r.status, [...openRequestStatuses])
      : q.status === 'closed'
        ? inArray(r.status, ['done', 'rejected', 'cancelled'])
        : q.status
          ? eq(r.status, q.status)
          : undefined;
  const filter = and(
    where,
    visibleRequestsSql(reach),
    status,
    q.department ? eq(r.department, q.department) : undefined,
    q.accountId ? eq(r.accountId, q.accountId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    select(ctx.db)
      .where(filter)
      .orderBy(sql`(${r.status} IN ('new', 'in_progress', 'waiting')) DESC`, sql`${r.dueAt} ASC NULLS LAST`, desc(r.createdAt), asc(r.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(r).where(filter),
  ]);
  const now = new Date();
  return { view, views, items: rows.map((row) => toRequest(reach, row, now)), total: total?.n ?? 0 };
}

/** The request if the caller sees it, else 404. */
export async function findRequest(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<{ row: Row; reach: RequestReach }> {
  const reach = await reachOf(ctx.db, actorOf(ctx));
  const [row] = await select(db).where(and(eq(r.id, id), visibleRequestsSql(reach)));
  if (!row) throw notFound();
  return { row, reach };
}

export async function getRequest(ctx: Ctx, id: string): Promise<RequestDetail> {
  const { row, reach } = await findRequest(ctx, id);
  const events = await ctx.db
    .select({ e: requestEvents, actor: { id: users.id, name: users.name } })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.createdAt), asc(requestEvents.id));
  return {
    ...toRequest(reach, row),
    events: events.map((e) => ({
      id: e.e.id,
      kind: e.e.kind,
      actor: e.actor?.id ? e.actor : null,
      data: e.e.data,
      createdAt: e.e.createdAt.toISOString(),
    })),
    attachments: await requestAttachments(ctx, row.r, reach),
  };
}

/** The files of a request, without their bytes; their uploader and the requester may delete them. */
export async function requestAttachments(
  ctx: Ctx,
  t: { id: string; requestedById: string },
  reach: RequestReach,
): Promise<RequestAttachment[]> {
  const files = await listAttachments(ctx.db, { type: 'department_request', id: t.id });
  return files.map((f) => ({
    ...f,
    createdAt: f.createdAt.toISOString(),
    canDelete: reach.selves.includes(t.requestedById) || (!!f.uploadedBy && reach.selves.includes(f.uploadedBy.id)),
  }));
}

export async function addRequestEvent(
  tx: Executor,
  requestId: string,
  kind: string,
  actorId: string | null,
  data: Record<string, unknown> = {},
  at?: Date,
): Promise<void> {
  await tx.insert(requestEvents).values({ requestId, kind, actorId, data, ...(at ? { createdAt: at } : {}) });
}

function checkType(department: RequestDepartment, type: string) {
  if (!(requestTypesByDepartment[department] as readonly string[]).includes(type))
    throw new AppError('REQUEST_TYPE_INVALID', 422, { department, type });
}

async function checkDueDate(ctx: Ctx, dueDate: string | null | undefined) {
  if (!dueDate) return;
  const { rows } = await ctx.db.execute<{ past: boolean }>(
    sql`SELECT ${dueDate}::date < (now() AT TIME ZONE coalesce((SELECT time_zone FROM company WHERE id = 1), 'UTC'))::date AS past`,
  );
  if (rows[0]?.past) throw new AppError('REQUEST_DUE_DATE_PAST', 422);
}

/** A KAM (senior, head, or a deputy covering one) raises a request for an account they see in full. */
export async function createRequest(ctx: Ctx, body: NewRequest): Promise<RequestDetail> {
  const a = actorOf(ctx);
  const reach = await reachOf(ctx.db, a);
  if (!reach.mayRaise) throw forbidden();
  const account = await requireAccount(ctx, body.accountId, 'full');
  checkType(body.department, body.type);
  await checkDueDate(ctx, body.dueDate);
  const cal = await calendarOf(ctx.db);
  const now = new Date();
  const slaMinutes = await slaMinutesOf(ctx.db, cal, body.department);
  const dueAt = await deadlineOf(ctx.db, cal, now, slaMinutes, body.dueDate);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(r)
      .values({
        accountId: body.accountId,
        department: body.department,
        type: body.type,
        title: body.title,
        description: body.description ?? null,
        dueDate: body.dueDate ?? null,
        requestedById: a.userId,
        slaMinutes,
        dueAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('request not inserted');
    await addRequestEvent(tx, row.id, 'raised', a.userId, { department: row.department, type: row.type });
    await recordAccountEvent(tx, {
      accountId: account.id,
      kind: 'request.raised',
      actorId: a.userId,
      data: { requestId: row.id, reference: row.reference, title: row.title, department: row.department, type: row.type },
    });
    await recordAudit(ctx, { action: 'request.create', entity: 'department_request', entityId: row.id, after: row }, tx);
    return row.id;
  });
  return getRequest(ctx, id);
}

/** The requester edits the request while the department has not started on it. */
export async function updateRequest(ctx: Ctx, id: string, patch: RequestPatch): Promise<RequestDetail> {
  const a = actorOf(ctx);
  const { row, reach } = await findRequest(ctx, id);
  if (!requested(reach, row)) throw forbidden();
  if (row.r.status !== 'new') throw new AppError('REQUEST_NOT_EDITABLE', 409);
  if (patch.type !== undefined) checkType(row.r.department, patch.type);
  if (patch.dueDate !== undefined && patch.dueDate !== row.r.dueDate) await checkDueDate(ctx, patch.dueDate);
  const dueDate = patch.dueDate === undefined ? row.r.dueDate : patch.dueDate;
  const cal = await calendarOf(ctx.db);
  const dueAt = dueDate !== row.r.dueDate ? await deadlineOf(ctx.db, cal, row.r.createdAt, row.r.slaMinutes, dueDate) : row.r.dueAt;
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(r)
      .set({ ...patch, dueAt, updatedAt: new Date() })
      .where(and(eq(r.id, id), eq(r.status, 'new')))
      .returning();
    if (!after) throw new AppError('REQUEST_NOT_EDITABLE', 409);
    const changed = Object.keys(patch).filter((k) => patch[k as keyof RequestPatch] !== row.r[k as keyof RequestPatch]);
    await addRequestEvent(tx, id, 'edited', a.userId, { fields: changed });
    await recordAudit(ctx, { action: 'request.update', entity: 'department_request', entityId: id, before: row.r, after }, tx);
  });
  return getRequest(ctx, id);
}

async function notifyStatus(tx: Executor, row: Row, status: RequestStatus, actor: { userId: string; name: string }, reason: string | null) {
  if (row.r.requestedById === actor.userId) return;
  await notify(tx, {
    userId: row.r.requestedById,
    kind: 'request_status',
    payload: {
      requestId: row.r.id,
      reference: row.r.reference,
      title: row.r.title,
      account: row.account.name,
      department: row.r.department,
      status,
      by: actor.name,
      reason,
    },
    link: requestLink(row.r.id),
  });
}

/**
 * The department moves a request through in progress, waiting, done or rejected (with a reason);
 * the requester may cancel it while it is open. Final statuses stay final. The requester hears of
 * every change made by someone else; done requests appear on the account's timeline.
 */
export async function changeRequestStatus(ctx: Ctx, id: string, body: RequestStatusChange): Promise<RequestDetail> {
  const a = actorOf(ctx);
  const { row, reach } = await findRequest(ctx, id);
  const { status } = body;
  const reason = body.reason?.trim() || null;
  if (status === 'cancelled') {
    if (!requested(reach, row)) throw new AppError('REQUEST_CANCEL_REQUESTER_ONLY', 403);
  } else if (!works(reach, row)) throw new AppError('REQUEST_DEPARTMENT_ONLY', 403);
  if (!isOpen(row.r.status)) throw new AppError('REQUEST_CLOSED', 409);
  if (status === 'rejected' && !reason) throw new AppError('REQUEST_REASON_REQUIRED', 422);
  if (status === row.r.status) return getRequest(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [after] = await tx
      .update(r)
      .set({
        status,
        updatedAt: now,
        ...(status === 'done' ? { doneAt: now } : {}),
        // whoever starts on an unassigned request takes it
        ...(status === 'in_progress' && !row.r.assigneeId ? { assigneeId: a.userId } : {}),
      })
      .where(and(eq(r.id, id), eq(r.status, row.r.status)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 409);
    if (after.assigneeId !== row.r.assigneeId)
      await addRequestEvent(tx, id, 'assigned', a.userId, { assignee: { id: a.userId, name: a.name } }, new Date(now.getTime() - 1));
    await addRequestEvent(tx, id, 'status', a.userId, { from: row.r.status, to: status, reason }, now);
    if (status === 'done')
      await recordAccountEvent(tx, {
        accountId: row.r.accountId,
        kind: 'request.done',
        actorId: a.userId,
        data: { requestId: id, reference: row.r.reference, title: row.r.title, department: row.r.department, type: row.r.type },
      });
    await notifyStatus(tx, row, status, a, reason);
    await recordAudit(
      ctx,
      {
        action: 'request.status',
        entity: 'department_request',
        entityId: id,
        before: { status: row.r.status },
        after: { status, reason },
      },
      tx,
    );
  });
  return getRequest(ctx, id);
}

/** The active members of a department. */
async function membersOf(db: Executor, department: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'department'), sql`${users.department}::text = ${department}`, isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

export async function listRequestAssignees(ctx: Ctx, id: string): Promise<{ items: { id: string; name: string }[] }> {
  const { row, reach } = await findRequest(ctx, id);
  if (!works(reach, row)) return { items: [] };
  return { items: await membersOf(ctx.db, row.r.department) };
}

/**
 * A department member takes an open request (no assignee named) or passes it to a colleague of the
 * department (or to nobody). Taking a new request starts it.
 */
export async function assignRequest(ctx: Ctx, id: string, body: RequestAssign): Promise<RequestDetail> {
  const a = actorOf(ctx);
  const { row, reach } = await findRequest(ctx, id);
  if (!works(reach, row)) throw new AppError('REQUEST_DEPARTMENT_ONLY', 403);
  if (!isOpen(row.r.status)) throw new AppError('REQUEST_CLOSED', 409);
  const assigneeId = body.assigneeId === undefined ? a.userId : body.assigneeId;
  let who: { id: string; name: string } | null = null;
  if (assigneeId) {
    who = (await membersOf(ctx.db, row.r.department)).find((m) => m.id === assigneeId) ?? null;
    if (!who) throw new AppError('REQUEST_ASSIGNEE_INVALID', 422);
  }
  const starts = assigneeId !== null && row.r.status === 'new';
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(r)
      .set({ assigneeId, updatedAt: new Date(), ...(starts ? { status: 'in_progress' as const } : {}) })
      .where(and(eq(r.id, id), eq(r.status, row.r.status)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 409);
    // the two events of one change keep their order (a transaction's now() is one instant)
    const at = new Date();
    await addRequestEvent(tx, id, 'assigned', a.userId, { assignee: who }, at);
    if (starts) {
      await addRequestEvent(tx, id, 'status', a.userId, { from: 'new', to: 'in_progress', reason: null }, new Date(at.getTime() + 1));
      await notifyStatus(tx, row, 'in_progress', a, null);
    }
    await recordAudit(
      ctx,
      {
        action: 'request.assign',
        entity: 'department_request',
        entityId: id,
        before: { assigneeId: row.r.assigneeId, status: row.r.status },
        after: { assigneeId, status: after.status },
      },
      tx,
    );
  });
  return getRequest(ctx, id);
}

/** The requester, the department and those watching (senior, head) discuss the request. */
export async function addRequestComment(ctx: Ctx, id: string, body: string): Promise<RequestDetail> {
  const a = actorOf(ctx);
  const { row, reach } = await findRequest(ctx, id);
  if (!toRequest(reach, row).can.comment) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await addRequestEvent(tx, id, 'comment', a.userId, { body });
    await recordAudit(ctx, { action: 'request.comment', entity: 'department_request', entityId: id, after: { body } }, tx);
  });
  return getRequest(ctx, id);
}

/** Each department's SLA; everyone signed in may read them (the request form shows them). */
export async function listDepartmentSla(ctx: Ctx): Promise<{ items: DepartmentSla[]; canEdit: boolean }> {
  const reach = await reachOf(ctx.db, actorOf(ctx));
  const rows = await ctx.db.select().from(departmentSla);
  const byDept = new Map(rows.map((x) => [x.department, x]));
  const items = requestDepartments.flatMap((d) => {
    const x = byDept.get(d);
    return x ? [{ department: d, amount: x.amount, unit: x.unit }] : [];
  });
  return { items, canEdit: reach.mayConfigure };
}

/** The head (or an administrator) sets the departments' SLAs; requests raised later use them. */
export async function updateDepartmentSla(ctx: Ctx, body: DepartmentSlaUpdate): Promise<{ items: DepartmentSla[]; canEdit: boolean }> {
  const reach = await reachOf(ctx.db, actorOf(ctx));
  if (!reach.mayConfigure) throw forbidden();
  const seen = new Set<string>();
  for (const it of body.items) {
    if (seen.has(it.department)) throw new AppError('REQUEST_SLA_DUPLICATE', 422, { department: it.department });
    seen.add(it.department);
  }
  await ctx.db.transaction(async (tx) => {
    const before = await tx.select().from(departmentSla);
    for (const it of body.items)
      await tx
        .insert(departmentSla)
        .values({ department: it.department, amount: it.amount, unit: it.unit })
        .onConflictDoUpdate({ target: departmentSla.department, set: { amount: it.amount, unit: it.unit, updatedAt: new Date() } });
    await recordAudit(ctx, { action: 'request.sla.update', entity: 'department_sla', before, after: body.items }, tx);
  });
  return listDepartmentSla(ctx);
}
