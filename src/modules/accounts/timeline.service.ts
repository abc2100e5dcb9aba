import { and, desc, eq, inArray, like, lt, or } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError } from '../../core/errors.js';
import { users } from '../users/users.schema.js';
import type { TimelineEvent } from './accounts.contracts.js';
import { accountEvents } from './accounts.schema.js';
import { requireAccount } from './accounts.service.js';

export interface NewAccountEvent {
  accountId: string;
  /** `<module>.<what>`, e.g. `account.created`, `ownership.changed`, `order.confirmed` */
  kind: string;
  data?: Record<string, unknown>;
  actorId?: string | null;
  occurredAt?: Date;
}

/** Adds an event to an account's timeline (A5); every module calls this inside its own transaction. */
export async function recordAccountEvent(tx: Executor, e: NewAccountEvent): Promise<void> {
  await tx.insert(accountEvents).values({
    accountId: e.accountId,
    kind: e.kind,
    data: e.data ?? {},
    actorId: e.actorId ?? null,
    ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
  });
}

/** Newest first, a page at a time; `before` is the cursor of the last event shown. */
export async function listTimeline(
  ctx: Ctx,
  accountId: string,
  q: { before?: string; limit: number; kind?: string[] },
): Promise<{ items: TimelineEvent[]; next: string | null }> {
  await requireAccount(ctx, accountId, 'read');
  const where = [eq(accountEvents.accountId, accountId)];
  if (q.kind?.length) {
    // `contact.*` stands for every kind of that module (validated by TimelineKindFilter)
    const exact = q.kind.filter((k) => !k.endsWith('.*'));
    const modules = q.kind.filter((k) => k.endsWith('.*')).map((k) => `${k.slice(0, -1).replaceAll('_', '\\_')}%`);
    where.push(or(exact.length ? inArray(accountEvents.kind, exact) : undefined, ...modules.map((m) => like(accountEvents.kind, m)))!);
  }
  if (q.before) {
    const [at, id] = q.before.split('|');
    const when = new Date(at ?? '');
    if (Number.isNaN(when.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id))
      throw new AppError('VALIDATION_FAILED', 400, { fields: 'before' });
    where.push(or(lt(accountEvents.occurredAt, when), and(eq(accountEvents.occurredAt, when), lt(accountEvents.id, id)))!);
  }
  const rows = await ctx.db
    .select({ e: accountEvents, actor: { id: users.id, name: users.name } })
    .from(accountEvents)
    .leftJoin(users, eq(users.id, accountEvents.actorId))
    .where(and(...where))
    .orderBy(desc(accountEvents.occurredAt), desc(accountEvents.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.e.id,
      occurredAt: r.e.occurredAt.toISOString(),
      kind: r.e.kind,
      actor: r.actor?.id ? r.actor : null,
      data: r.e.data,
    })),
    next: rows.length > q.limit && last ? `${last.e.occurredAt.toISOString()}|${last.e.id}` : null,
  };
}

/** A free-text note on the timeline. */
export async function addNote(ctx: Ctx, accountId: string, body: string): Promise<void> {
  await requireAccount(ctx, accountId, 'write');
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await recordAccountEvent(tx, { accountId, kind: 'note.added', data: { body }, actorId: actor.userId });
    await recordAudit(ctx, { action: 'account.note', entity: 'account', entityId: accountId, after: { body } }, tx);
  });
}
