import { aliasedTable, and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../core/context.js';
import { containsPattern } from '../../core/db/tx.js';
import { notFound } from '../../core/errors.js';
import { assertCan, selvesOf } from '../../core/policy/policy.js';
import { accounts } from '../accounts/accounts.schema.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { dayRange } from '../company/calendar.js';
import { users } from '../users/users.schema.js';
import type { Complaint, ComplaintList, ComplaintListQuery } from './complaint-list.contracts.js';
import { complaints } from './complaints.schema.js';

/**
 * Client complaints (D1), read side: those of the accounts the reader sees in full (the accounts
 * scope); sales support and departments, who see accounts at the basic level, are refused.
 */
async function readerScope(ctx: Ctx): Promise<SQL | undefined> {
  assertCan(actorOf(ctx), 'complaints.read');
  return visibleAccountsSql(ctx);
}

const hours = (to: SQL) => sql<string | null>`round(extract(epoch FROM (${to} - ${complaints.receivedAt})) / 3600, 2)::text`;

const handler = aliasedTable(users, 'handler');
const columns = {
  c: complaints,
  account: { id: accounts.id, name: accounts.name },
  owner: { id: users.id, name: users.name },
  handler: { id: handler.id, name: handler.name },
  firstResponseHours: hours(sql`${complaints.firstResponseAt}`),
  resolutionHours: hours(sql`${complaints.resolvedAt}`),
};

type Row = {
  c: typeof complaints.$inferSelect;
  account: { id: string; name: string };
  owner: { id: string; name: string } | null;
  handler: { id: string; name: string } | null;
  firstResponseHours: string | null;
  resolutionHours: string | null;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toComplaint(r: Row): Complaint {
  return {
    id: r.c.id,
    externalId: r.c.externalId,
    account: { ...r.account, owner: r.owner?.id ? r.owner : null },
    receivedAt: r.c.receivedAt.toISOString(),
    firstResponseAt: r.c.firstResponseAt?.toISOString() ?? null,
    resolvedAt: r.c.resolvedAt?.toISOString() ?? null,
    severity: r.c.severity,
    justified: r.c.justified,
    category: r.c.category,
    firstResponseHours: r.firstResponseHours === null ? null : Number(r.firstResponseHours),
    resolutionHours: r.resolutionHours === null ? null : Number(r.resolutionHours),
    reference: r.c.reference,
    status: r.c.status,
    channel: r.c.channel,
    subject: r.c.subject,
    handler: r.handler?.id ? r.handler : null,
    responseDueAt: iso(r.c.responseDueAt),
    resolutionDueAt: iso(r.c.resolutionDueAt),
    pausedSince: iso(r.c.pausedSince),
    responseBreachedAt: iso(r.c.responseBreachedAt),
    resolutionBreachedAt: iso(r.c.resolutionBreachedAt),
    legalClaim: r.c.legalClaim,
    legalDueAt: iso(r.c.legalDueAt),
    legalBreachedAt: iso(r.c.legalBreachedAt),
    createdAt: r.c.createdAt.toISOString(),
    updatedAt: r.c.updatedAt.toISOString(),
  };
}

export async function listComplaints(ctx: Ctx, q: ComplaintListQuery): Promise<ComplaintList> {
  const scope = await readerScope(ctx);
  const justified =
    q.justified === 'unknown' ? isNull(complaints.justified) : q.justified ? eq(complaints.justified, q.justified === 'true') : undefined;
  const base = and(
    scope,
    q.accountId ? eq(complaints.accountId, q.accountId) : undefined,
    q.severity ? eq(complaints.severity, q.severity) : undefined,
    justified,
    q.q
      ? or(
          ilike(complaints.category, containsPattern(q.q)),
          ilike(complaints.reference, containsPattern(q.q)),
          ilike(complaints.subject, containsPattern(q.q)),
        )
      : undefined,
    q.status ? eq(complaints.status, q.status) : undefined,
    q.breached
      ? or(isNotNull(complaints.responseBreachedAt), isNotNull(complaints.resolutionBreachedAt), isNotNull(complaints.legalBreachedAt))
      : undefined,
    q.mine ? inArray(complaints.handlerId, selvesOf(actorOf(ctx))) : undefined,
    ...(await dayRange(ctx, sql`${complaints.receivedAt}`, q.from, q.to)),
  );
  const state = q.state === 'open' ? isNull(complaints.resolvedAt) : q.state === 'resolved' ? isNotNull(complaints.resolvedAt) : undefined;
  const where = and(base, state);
  const order = q.order === 'asc' ? asc : desc;
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select(columns)
      .from(complaints)
      .innerJoin(accounts, eq(accounts.id, complaints.accountId))
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .leftJoin(handler, eq(handler.id, complaints.handlerId))
      .where(where)
      .orderBy(order(complaints.receivedAt), order(complaints.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db
      .select({
        n: sql<number>`count(*) FILTER (WHERE ${state ?? sql`true`})::int`,
        open: sql<number>`count(*) FILTER (WHERE ${complaints.resolvedAt} IS NULL)::int`,
      })
      .from(complaints)
      .innerJoin(accounts, eq(accounts.id, complaints.accountId))
      .where(base),
  ]);
  return { items: rows.map(toComplaint), total: count?.n ?? 0, open: count?.open ?? 0 };
}

export async function getComplaint(ctx: Ctx, id: string): Promise<Complaint> {
  const scope = await readerScope(ctx);
  const [row] = await ctx.db
    .select(columns)
    .from(complaints)
    .innerJoin(accounts, eq(accounts.id, complaints.accountId))
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .leftJoin(handler, eq(handler.id, complaints.handlerId))
    .where(and(eq(complaints.id, id), scope));
  if (!row) throw notFound();
  return toComplaint(row);
}

/** Complaints not yet resolved, per account; callers have scoped the accounts to the reader. */
export async function openComplaintCounts(ctx: Ctx, accountIds: string[]): Promise<Map<string, number>> {
  if (!accountIds.length) return new Map();
  const { rows } = await ctx.db.execute<{ account_id: string; n: number }>(sql`
    SELECT account_id, count(*)::int AS n FROM complaints
    WHERE account_id = ANY(${sql.param(accountIds)}::uuid[]) AND resolved_at IS NULL GROUP BY account_id`);
  return new Map(rows.map((r) => [r.account_id, r.n]));
}
