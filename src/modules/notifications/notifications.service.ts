import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { notFound } from '../../core/errors.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { users } from '../users/users.schema.js';
import { mutedKindsOf } from './notification-settings.service.js';
import { mailNotification } from './notifications.mail.js';
import type {
  Notification,
  NotificationKind,
  NotificationList,
  NotificationListQuery,
  NotificationPayload,
  UnreadCount,
} from './notifications.contracts.js';
import { mentionNameOf, parseMentions } from './notifications.rules.js';
import { notifications, notificationSettings } from './notifications.schema.js';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  payload: NotificationPayload;
  /** the app path it opens */
  link: string | null;
  /** makes it arrive once: a second notify with the same key does nothing */
  dedupeKey?: string;
}

/**
 * Puts a notification in a user's inbox, unless they muted its kind or one with the same dedupe key
 * already exists. Pass the transaction of the change it reports, so both land or neither does.
 * Answers whether it was created.
 */
export async function notify(db: Executor, n: NewNotification): Promise<boolean> {
  if ((await mutedKindsOf(db, n.userId)).includes(n.kind)) return false;
  const rows = await db
    .insert(notifications)
    .values({ userId: n.userId, kind: n.kind, payload: n.payload, link: n.link, dedupeKey: n.dedupeKey ?? null })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  const created = rows[0];
  // and by e-mail, when the reader asked for this kind so (H5)
  if (created) await mailNotification(db, { id: created.id, userId: n.userId, kind: n.kind, payload: n.payload, link: n.link });
  return !!created;
}

/**
 * notify() for many at once (escalation sweeps): one query for the readers' settings, one insert,
 * e-mail only for those who asked for the kind by e-mail. Answers how many were created.
 */
export async function notifyMany(db: Executor, list: NewNotification[]): Promise<number> {
  if (!list.length) return 0;
  const userIds = [...new Set(list.map((n) => n.userId))];
  const settings = await db
    .select({ userId: notificationSettings.userId, muted: notificationSettings.muted, emailKinds: notificationSettings.emailKinds })
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, userIds));
  const of = new Map(settings.map((s) => [s.userId, s]));
  const wanted = list.filter((n) => !of.get(n.userId)?.muted.includes(n.kind));
  if (!wanted.length) return 0;
  const created = await db
    .insert(notifications)
    .values(wanted.map((n) => ({ userId: n.userId, kind: n.kind, payload: n.payload, link: n.link, dedupeKey: n.dedupeKey ?? null })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning();
  for (const c of created)
    if (of.get(c.userId)?.emailKinds.includes(c.kind))
      await mailNotification(db, { id: c.id, userId: c.userId, kind: c.kind, payload: c.payload, link: c.link });
  return created.length;
}

const toNotification = (r: typeof notifications.$inferSelect): Notification => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  payload: r.payload,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

/** The caller's own inbox, newest first (or unread first); nobody reads another's. */
export async function listMyNotifications(ctx: Ctx, q: NotificationListQuery): Promise<NotificationList> {
  const me = actorOf(ctx).userId;
  const where = and(eq(notifications.userId, me), q.unread === 'true' ? isNull(notifications.readAt) : undefined);
  const order = [desc(notifications.createdAt), desc(notifications.id)];
  const [rows, [total], unread] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(...(q.unreadFirst === 'true' ? [sql`${notifications.readAt} IS NULL DESC`, ...order] : order))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(notifications).where(where),
    unreadOf(ctx.db, me),
  ]);
  return { items: rows.map(toNotification), total: total?.n ?? 0, unread };
}

async function unreadOf(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function myUnreadCount(ctx: Ctx): Promise<UnreadCount> {
  return { unread: await unreadOf(ctx.db, actorOf(ctx).userId) };
}

/** Marks one of the caller's notifications read; another's (or a missing one) is 404. */
export async function markRead(ctx: Ctx, id: string): Promise<Notification> {
  const me = actorOf(ctx).userId;
  const [row] = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, me)));
  if (!row) throw notFound();
  if (row.readAt) return toNotification(row);
  const after = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)))
      .returning();
    if (r) await recordAudit(ctx, { action: 'notification.read', entity: 'notification', entityId: id }, tx);
    return r;
  });
  return toNotification(after ?? row);
}

/** Marks all the caller's notifications read. */
export async function markAllRead(ctx: Ctx): Promise<UnreadCount> {
  const me = actorOf(ctx).userId;
  const changed = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, me), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (changed.length)
    await recordAudit(ctx, { action: 'notifications.read_all', entity: 'user', entityId: me, after: { count: changed.length } });
  return { unread: 0 };
}

/** The app path of a task. */
export const taskLink = (taskId: string) => `/tasks?task=${taskId}`;

/** A task given (or passed on) to someone other than the one who does it: the assignee hears of it. */
export async function notifyTaskAssigned(
  tx: Executor,
  task: { id: string; title: string; assigneeId: string; dueDate: string | null },
  actor: { userId: string; name: string },
): Promise<void> {
  if (task.assigneeId === actor.userId) return;
  await notify(tx, {
    userId: task.assigneeId,
    kind: 'task_assigned',
    payload: { taskId: task.id, title: task.title, by: actor.name, dueDate: task.dueDate },
    link: taskLink(task.id),
  });
}

/**
 * The users a task comment mentions (`@` + the local part of their e-mail) who may see the task:
 * its assignee and giver, the senior KAMs above either, the head and administrators. Nobody else
 * learns of the task; the author is not told of their own comment.
 */
export async function notifyTaskMentions(
  tx: Executor,
  task: { id: string; title: string; assigneeId: string; giverId: string },
  comment: { id: string; body: string },
  actor: { userId: string; name: string },
): Promise<void> {
  const names = parseMentions(comment.body);
  if (!names.length) return;
  const candidates = await tx
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(
      and(isNull(users.disabledAt), ne(users.id, actor.userId), inArray(sql<string>`lower(split_part(${users.email}, '@', 1))`, names)),
    );
  for (const u of candidates) {
    if (!names.includes(mentionNameOf(u.email))) continue;
    let sees = u.id === task.assigneeId || u.id === task.giverId || u.role === 'admin' || u.role === 'head';
    if (!sees && u.role === 'senior_kam') {
      const line = await reportingLineOf(tx, [u.id]);
      sees = line.includes(task.assigneeId) || line.includes(task.giverId);
    }
    if (!sees) continue;
    await notify(tx, {
      userId: u.id,
      kind: 'mention',
      payload: { taskId: task.id, title: task.title, by: actor.name, excerpt: comment.body.slice(0, 200) },
      link: taskLink(task.id),
      dedupeKey: `mention:${comment.id}:${u.id}`,
    });
  }
}
