import { and, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import type { Db } from '../db/database.js';
import { assertCan } from '../policy/policy.js';
import { users } from '../../modules/users/users.schema.js';
import type { AuditEntry, AuditQuery } from './audit.contracts.js';
import { auditLog } from './audit.schema.js';

export interface AuditEvent {
  action: string;
  entity?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  /** when the actor is not known to the context (failed sign-in) */
  actorId?: string | null;
}

type Executor = Pick<Db, 'insert'>;

/** Appends one event. Pass the transaction that makes the change, so both land or neither does. */
export async function recordAudit(ctx: Ctx, event: AuditEvent, tx: Executor = ctx.db): Promise<void> {
  const actor = ctx.actor;
  // A deputy acts "on behalf of" the absent colleague whose rights the action needed.
  const onBehalfOf = actor?.actingFor[0]?.userId ?? null;
  await tx.insert(auditLog).values({
    actorId: event.actorId !== undefined ? event.actorId : (actor?.userId ?? null),
    onBehalfOfId: onBehalfOf,
    action: event.action,
    entity: event.entity ?? null,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
}

export async function listAudit(ctx: Ctx, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  assertCan(ctx.actor!, 'audit.read');
  const where: SQL[] = [];
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.onBehalfOfId]).filter((x): x is string => !!x))];
  const people = ids.length
    ? await ctx.db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids))
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: (r.actorId && byId.get(r.actorId)) || null,
      onBehalfOf: (r.onBehalfOfId && byId.get(r.onBehalfOfId)) || null,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
  };
}
