import { aliasedTable, and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../core/context.js';
import { containsPattern } from '../../core/db/tx.js';
import { notFound } from '../../core/errors.js';
import { assertCan, can, selvesOf } from '../../core/policy/policy.js';
import { accounts } from '../accounts/accounts.schema.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { dayRange } from '../company/calendar.js';
import { contacts } from '../contacts/contacts.schema.js';
import { users } from '../users/users.schema.js';
import type { Interaction, InteractionList, InteractionListQuery } from './interaction-list.contracts.js';
import type { InteractionDetail } from './interaction-write.contracts.js';
import { interactionContacts, interactionMoves, interactions } from './interactions.schema.js';

/**
 * Interactions with clients (C1), read side: those of the accounts the reader sees in full (the
 * accounts scope); sales support and departments, who see accounts at the basic level, are refused.
 */
async function readerScope(ctx: Ctx): Promise<SQL | undefined> {
  assertCan(actorOf(ctx), 'interactions.read');
  return visibleAccountsSql(ctx);
}

const columns = {
  i: interactions,
  account: { id: accounts.id, name: accounts.name },
  user: { id: users.id, name: users.name },
};

function toInteraction(r: {
  i: typeof interactions.$inferSelect;
  account: { id: string; name: string };
  user: { id: string; name: string };
}): Interaction {
  return {
    id: r.i.id,
    externalId: r.i.externalId,
    account: r.account,
    user: r.user,
    type: r.i.type,
    status: r.i.status,
    occurredAt: r.i.occurredAt.toISOString(),
    allDay: r.i.allDay,
    subject: r.i.subject,
    outcome: r.i.outcome,
    createdAt: r.i.createdAt.toISOString(),
    updatedAt: r.i.updatedAt.toISOString(),
  };
}

export async function listInteractions(ctx: Ctx, q: InteractionListQuery): Promise<InteractionList> {
  const scope = await readerScope(ctx);
  const where = and(
    scope,
    q.accountId ? eq(interactions.accountId, q.accountId) : undefined,
    q.userId ? eq(interactions.userId, q.userId) : undefined,
    q.type ? eq(interactions.type, q.type) : undefined,
    q.status ? eq(interactions.status, q.status) : undefined,
    q.q ? or(ilike(interactions.subject, containsPattern(q.q)), ilike(interactions.outcome, containsPattern(q.q))) : undefined,
    ...(await dayRange(ctx, sql`${interactions.occurredAt}`, q.from, q.to)),
  );
  const order = q.order === 'asc' ? asc : desc;
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select(columns)
      .from(interactions)
      .innerJoin(accounts, eq(accounts.id, interactions.accountId))
      .innerJoin(users, eq(users.id, interactions.userId))
      .where(where)
      .orderBy(order(interactions.occurredAt), order(interactions.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(interactions)
      .innerJoin(accounts, eq(accounts.id, interactions.accountId))
      .where(where),
  ]);
  return { items: rows.map(toInteraction), total: count?.n ?? 0 };
}

/** The interaction row if the caller sees it; 404 otherwise. */
export async function visibleInteraction(ctx: Ctx, id: string): Promise<typeof interactions.$inferSelect> {
  const scope = await readerScope(ctx);
  const [row] = await ctx.db
    .select({ i: interactions })
    .from(interactions)
    .innerJoin(accounts, eq(accounts.id, interactions.accountId))
    .where(and(eq(interactions.id, id), scope));
  if (!row) throw notFound();
  return row.i;
}

export async function getInteraction(ctx: Ctx, id: string): Promise<InteractionDetail> {
  const scope = await readerScope(ctx);
  const [row] = await ctx.db
    .select(columns)
    .from(interactions)
    .innerJoin(accounts, eq(accounts.id, interactions.accountId))
    .innerJoin(users, eq(users.id, interactions.userId))
    .where(and(eq(interactions.id, id), scope));
  if (!row) throw notFound();
  const mover = aliasedTable(users, 'mover');
  const [people, moves] = await Promise.all([
    ctx.db
      .select({ id: contacts.id, fullName: contacts.fullName, title: contacts.title, buyingRole: contacts.buyingRole })
      .from(interactionContacts)
      .innerJoin(contacts, eq(contacts.id, interactionContacts.contactId))
      .where(eq(interactionContacts.interactionId, id))
      .orderBy(asc(contacts.fullName)),
    ctx.db
      .select({ m: interactionMoves, by: { id: mover.id, name: mover.name } })
      .from(interactionMoves)
      .leftJoin(mover, eq(mover.id, interactionMoves.movedBy))
      .where(eq(interactionMoves.interactionId, id))
      .orderBy(asc(interactionMoves.movedAt)),
  ]);
  const i = row.i;
  const a = actorOf(ctx);
  return {
    ...toInteraction(row),
    origin: i.origin,
    plannedFor: i.plannedFor?.toISOString() ?? null,
    durationMinutes: i.durationMinutes,
    nextStep: i.nextStep,
    cancelReason: i.cancelReason,
    checklistKind: i.checklistKind,
    checklist: i.checklist,
    completedAt: i.completedAt?.toISOString() ?? null,
    contacts: people,
    moves: moves.map((m) => ({
      fromAt: m.m.fromAt.toISOString(),
      toAt: m.m.toAt.toISOString(),
      reason: m.m.reason,
      movedBy: m.by?.id ? m.by : null,
      movedAt: m.m.movedAt.toISOString(),
    })),
    canEdit: can(a, 'interactions.write') && selvesOf(a).includes(i.userId),
  };
}
