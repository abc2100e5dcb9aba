import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { containsPattern, type Executor } from '../../core/db/tx.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { assertCan, can } from '../../core/policy/policy.js';
import { accounts } from '../accounts/accounts.schema.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { users } from '../users/users.schema.js';
import type {
  AccountRef,
  Competitor,
  CompetitorDetail,
  CompetitorListQuery,
  CreateCompetitorRequest,
  Threat,
  ThreatListQuery,
  UpdateCompetitorRequest,
} from './competitors.contracts.js';
import { competitorPresence, competitors } from './competitors.schema.js';

type Row = typeof competitors.$inferSelect;

/** Presence rows at accounts the reader may see (not archived): the basis of every count and list. */
async function visiblePresence(ctx: Ctx): Promise<SQL> {
  return and(isNull(accounts.archivedAt), await visibleAccountsSql(ctx)) ?? sql`true`;
}

const threatened = inArray(competitorPresence.threat, ['high', 'medium']);
const threatOrder = sql`CASE ${competitorPresence.threat} WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

export const accountRefColumns = {
  id: accounts.id,
  name: accounts.name,
  tier: accounts.tier,
  status: accounts.status,
  ownerId: users.id,
  ownerName: users.name,
};
export function toAccountRef(r: {
  id: string;
  name: string;
  tier: AccountRef['tier'];
  status: AccountRef['status'];
  ownerId: string | null;
  ownerName: string | null;
}): AccountRef {
  return {
    id: r.id,
    name: r.name,
    tier: r.tier,
    status: r.status,
    owner: r.ownerId && r.ownerName ? { id: r.ownerId, name: r.ownerName } : null,
  };
}

function counts(visible: SQL) {
  const base = sql`FROM competitor_presence p JOIN accounts ON accounts.id = p.account_id WHERE p.competitor_id = ${competitors.id} AND ${visible}`;
  return {
    accountCount: sql<number>`(SELECT count(*)::int ${base})`.mapWith(Number),
    threatCount: sql<number>`(SELECT count(*)::int ${base} AND p.threat IN ('high', 'medium'))`.mapWith(Number),
  };
}

function toCompetitor(r: Row & { accountCount: number; threatCount: number }): Competitor {
  return {
    id: r.id,
    name: r.name,
    website: r.website,
    strengths: r.strengths,
    weaknesses: r.weaknesses,
    notes: r.notes,
    archived: r.archivedAt !== null,
    accountCount: r.accountCount,
    threatCount: r.threatCount,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listCompetitors(ctx: Ctx, q: CompetitorListQuery): Promise<{ items: Competitor[]; total: number }> {
  assertCan(actorOf(ctx), 'competitors.read');
  const where: (SQL | undefined)[] = [];
  if (q.archived !== 'all') where.push(q.archived === 'true' ? isNotNull(competitors.archivedAt) : isNull(competitors.archivedAt));
  if (q.q) {
    const like = containsPattern(q.q);
    where.push(or(ilike(competitors.name, like), ilike(competitors.website, like)));
  }
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ c: competitors, ...counts(await visiblePresence(ctx)) })
      .from(competitors)
      .where(cond)
      .orderBy(sql`lower(${competitors.name})`, asc(competitors.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(competitors).where(cond),
  ]);
  return {
    items: rows.map((r) => toCompetitor({ ...r.c, accountCount: r.accountCount, threatCount: r.threatCount })),
    total: total?.n ?? 0,
  };
}

export async function getCompetitor(ctx: Ctx, id: string): Promise<CompetitorDetail> {
  const actor = actorOf(ctx);
  assertCan(actor, 'competitors.read');
  const visible = await visiblePresence(ctx);
  const [row] = await ctx.db
    .select({ c: competitors, ...counts(visible) })
    .from(competitors)
    .where(eq(competitors.id, id));
  if (!row) throw notFound();
  const [presence, lost] = await Promise.all([
    ctx.db
      .select({
        id: competitorPresence.id,
        account: accountRefColumns,
        threat: competitorPresence.threat,
        shareOfWallet: competitorPresence.shareOfWallet,
        lastObserved: competitorPresence.lastObserved,
      })
      .from(competitorPresence)
      .innerJoin(accounts, eq(accounts.id, competitorPresence.accountId))
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .where(and(eq(competitorPresence.competitorId, id), visible))
      .orderBy(threatOrder, desc(competitorPresence.shareOfWallet), asc(accounts.name))
      .limit(500),
    ctx.db
      .select({ id: accounts.id, name: accounts.name, lostDate: accounts.lostDate })
      .from(accounts)
      .where(and(eq(accounts.lostToCompetitorId, id), (await visibleAccountsSql(ctx)) ?? sql`true`))
      .orderBy(desc(accounts.lostDate), asc(accounts.name))
      .limit(500),
  ]);
  return {
    ...toCompetitor({ ...row.c, accountCount: row.accountCount, threatCount: row.threatCount }),
    presence: presence.map((p) => ({ ...p, account: toAccountRef(p.account) })),
    lostAccounts: lost,
    can: { edit: can(actor, 'competitors.write') },
  };
}

async function assertNameFree(tx: Executor, name: string, exceptId?: string) {
  const [other] = await tx
    .select({ id: competitors.id })
    .from(competitors)
    .where(and(sql`lower(${competitors.name}) = lower(${name})`, exceptId ? ne(competitors.id, exceptId) : undefined));
  if (other) throw new AppError('COMPETITOR_NAME_TAKEN', 409, { name });
}

export async function createCompetitor(ctx: Ctx, input: CreateCompetitorRequest): Promise<CompetitorDetail> {
  const actor = actorOf(ctx);
  assertCan(actor, 'competitors.write');
  const id = await ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const [created] = await tx
      .insert(competitors)
      .values({ ...input, createdBy: actor.userId })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordAudit(ctx, { action: 'competitor.create', entity: 'competitor', entityId: created.id, after: created }, tx);
    return created.id;
  });
  return getCompetitor(ctx, id);
}

export async function updateCompetitor(ctx: Ctx, id: string, input: UpdateCompetitorRequest): Promise<CompetitorDetail> {
  assertCan(actorOf(ctx), 'competitors.write');
  const { version, archived, ...changes } = input;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(competitors).where(eq(competitors.id, id)).for('update');
    if (!before) throw notFound();
    if (before.version !== version) throw conflict();
    if (changes.name) await assertNameFree(tx, changes.name, id);
    const archivedAt = archived === undefined ? undefined : archived ? (before.archivedAt ?? sql`now()`) : null;
    const [after] = await tx
      .update(competitors)
      .set({
        ...changes,
        ...(archivedAt !== undefined ? { archivedAt } : {}),
        version: sql`${competitors.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(competitors.id, id), eq(competitors.version, version)))
      .returning();
    if (!after) throw conflict();
    const action =
      archived === true && !before.archivedAt
        ? 'competitor.archive'
        : archived === false && before.archivedAt
          ? 'competitor.restore'
          : 'competitor.update';
    await recordAudit(ctx, { action, entity: 'competitor', entityId: id, before, after }, tx);
  });
  return getCompetitor(ctx, id);
}

export async function listThreats(
  ctx: Ctx,
  q: ThreatListQuery,
): Promise<{ items: Threat[]; total: number; counts: { high: number; medium: number } }> {
  assertCan(actorOf(ctx), 'competitors.read');
  const scope = and(await visiblePresence(ctx), isNull(competitors.archivedAt), threatened);
  const where = and(
    scope,
    q.threat ? eq(competitorPresence.threat, q.threat) : undefined,
    q.competitorId ? eq(competitorPresence.competitorId, q.competitorId) : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    ctx.db
      .select({
        presenceId: competitorPresence.id,
        account: accountRefColumns,
        competitor: { id: competitors.id, name: competitors.name },
        threat: competitorPresence.threat,
        shareOfWallet: competitorPresence.shareOfWallet,
        priceIndex: competitorPresence.priceIndex,
        lastObserved: competitorPresence.lastObserved,
      })
      .from(competitorPresence)
      .innerJoin(accounts, eq(accounts.id, competitorPresence.accountId))
      .innerJoin(competitors, eq(competitors.id, competitorPresence.competitorId))
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .where(where)
      .orderBy(
        threatOrder,
        sql`${competitorPresence.shareOfWallet} DESC NULLS LAST`,
        sql`${competitorPresence.lastObserved} DESC NULLS LAST`,
        sql`lower(${accounts.name})`,
        asc(competitorPresence.id),
      )
      .limit(q.limit)
      .offset(q.offset),
    ctx.db
      .select({
        total: sql<number>`count(*) FILTER (WHERE ${where ?? sql`true`})`.mapWith(Number),
        high: sql<number>`count(*) FILTER (WHERE ${competitorPresence.threat} = 'high')`.mapWith(Number),
        medium: sql<number>`count(*) FILTER (WHERE ${competitorPresence.threat} = 'medium')`.mapWith(Number),
      })
      .from(competitorPresence)
      .innerJoin(accounts, eq(accounts.id, competitorPresence.accountId))
      .innerJoin(competitors, eq(competitors.id, competitorPresence.competitorId))
      .where(scope),
  ]);
  return {
    items: rows.map((r) => ({ ...r, account: toAccountRef(r.account) })),
    total: totals?.total ?? 0,
    counts: { high: totals?.high ?? 0, medium: totals?.medium ?? 0 },
  };
}
