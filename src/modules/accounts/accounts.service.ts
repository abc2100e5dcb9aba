import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { containsPattern, type Executor } from '../../core/db/tx.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { accountAccessLevel, assertCan, can } from '../../core/policy/policy.js';
import { findCompany } from '../company/company.service.js';
import { users } from '../users/users.schema.js';
import {
  type Account,
  type AccountFacets,
  type AccountFilters,
  type AccountListItem,
  type AccountListQuery,
  accountStoryFields,
  type CreateAccountRequest,
  type UpdateAccountRequest,
} from './accounts.contracts.js';
import { accountOwners, accounts, accountTeam } from './accounts.schema.js';
import { visibleAccountsSql } from './accounts.scope.js';
import { companyToday, recordAssignment } from './ownership.js';
import { recordAccountEvent } from './timeline.service.js';

type Row = typeof accounts.$inferSelect;
const listColumns = {
  a: accounts,
  owner: { id: users.id, name: users.name },
};

function toListItem(r: { a: Row; owner: { id: string; name: string } | null }): AccountListItem {
  const a = r.a;
  return {
    id: a.id,
    externalId: a.externalId,
    name: a.name,
    registrationNo: a.registrationNo,
    tier: a.tier,
    status: a.status,
    owner: r.owner?.id ? r.owner : null,
    channel: a.channel,
    segment: a.segment,
    industry: a.industry,
    region: a.region,
    city: a.city,
    currency: a.currency,
    creditLimit: a.creditLimit,
    paymentTermsDays: a.paymentTermsDays,
    priceColumn: a.priceColumn,
    score: a.score === null ? null : Number(a.score),
    lastContactAt: a.lastContactAt?.toISOString() ?? null,
    planUpdatedAt: a.planUpdatedAt?.toISOString() ?? null,
    source: a.source,
    nextStep: a.nextStep,
    archived: a.archivedAt !== null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

const sortColumns = {
  name: sql`lower(${accounts.name})`,
  tier: sql`array_position(ARRAY['key','potential','regular']::account_tier[], ${accounts.tier})`,
  status: accounts.status,
  owner: sql`lower(${users.name})`,
  score: accounts.score,
  lastContactAt: accounts.lastContactAt,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
  city: sql`lower(${accounts.city})`,
} as const;

/** The WHERE of a list or export: the reader's scope and the filters. */
export async function accountListWhere(ctx: Ctx, f: AccountFilters): Promise<SQL | undefined> {
  const where: (SQL | undefined)[] = [await visibleAccountsSql(ctx)];
  if (f.q) {
    // The trigram index on search_text OR'ed (as a bitmap) with the few accounts whose stakeholders
    // match; a sub-select in the OR would make PostgreSQL scan every account instead.
    const like = containsPattern(f.q.toLowerCase());
    where.push(
      sql`(${accounts.searchText} LIKE ${like} OR ${accounts.id} = ANY(ARRAY(
            SELECT c.account_id FROM contacts c WHERE c.full_name ILIKE ${like} AND c.archived_at IS NULL)))`,
    );
  }
  if (f.tier?.length) where.push(inArray(accounts.tier, f.tier));
  if (f.status?.length) where.push(inArray(accounts.status, f.status));
  if (f.channel?.length) where.push(inArray(accounts.channel, f.channel));
  if (f.ownerId) where.push(eq(accounts.ownerId, f.ownerId === 'me' ? actorOf(ctx).userId : f.ownerId));
  if (f.segment) where.push(eq(accounts.segment, f.segment));
  if (f.industry) where.push(eq(accounts.industry, f.industry));
  if (f.region) where.push(eq(accounts.region, f.region));
  if (f.archived) where.push(f.archived === 'true' ? isNotNull(accounts.archivedAt) : isNull(accounts.archivedAt));
  if (f.hasPlan) where.push(f.hasPlan === 'true' ? isNotNull(accounts.planUpdatedAt) : isNull(accounts.planUpdatedAt));
  return and(...where);
}

/** Sort columns that may be empty; the others are NOT NULL and sort straight along their indexes. */
const nullableSorts = new Set<AccountFilters['sort']>(['owner', 'score', 'lastContactAt', 'city']);

/** ORDER BY of a list or export: the chosen column (empty values last either way), then id. */
function listOrder(f: Pick<AccountFilters, 'sort' | 'order'>): SQL[] {
  return [
    sql`${sortColumns[f.sort]} ${sql.raw(f.order === 'desc' ? 'desc' : 'asc')}${nullableSorts.has(f.sort) ? sql` NULLS LAST` : sql``}`,
    (f.order === 'desc' ? desc : asc)(accounts.id),
  ];
}

export async function listAccounts(ctx: Ctx, q: AccountListQuery): Promise<{ items: AccountListItem[]; total: number }> {
  assertCan(actorOf(ctx), 'accounts.read');
  const where = await accountListWhere(ctx, q);
  if (q.q) return searchPage(ctx, q, where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(listColumns)
      .from(accounts)
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .where(where)
      .orderBy(...listOrder(q))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(accounts).where(where),
  ]);
  return { items: rows.map(toListItem), total: total?.n ?? 0 };
}

/**
 * A search matches a bounded set of accounts: find it once (behind OFFSET 0, so that the planner uses
 * the search indexes rather than walking the sort index), count it and take the page in one query,
 * then read the page's rows.
 */
async function searchPage(ctx: Ctx, q: AccountListQuery, where: SQL | undefined) {
  const dir = sql.raw(q.order === 'desc' ? 'desc' : 'asc');
  const nulls = nullableSorts.has(q.sort) ? sql`NULLS LAST` : sql``;
  const { rows: page } = await ctx.db.execute<{ id: string; total: number }>(sql`
    SELECT m.id, count(*) OVER ()::int AS total FROM (
      SELECT ${accounts.id} AS id, ${sortColumns[q.sort]} AS sort_key
      FROM ${accounts} LEFT JOIN ${users} ON ${users.id} = ${accounts.ownerId}
      WHERE ${where ?? sql`true`}
      OFFSET 0) m
    ORDER BY m.sort_key ${dir} ${nulls}, m.id ${dir}
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  if (!page.length) {
    const [all] = q.offset ? await ctx.db.select({ n: count() }).from(accounts).where(where) : [{ n: 0 }];
    return { items: [], total: all?.n ?? 0 };
  }
  const rows = await ctx.db
    .select(listColumns)
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(
      inArray(
        accounts.id,
        page.map((p) => p.id),
      ),
    );
  const byId = new Map(rows.map((r) => [r.a.id, r]));
  return { items: page.flatMap((p) => (byId.has(p.id) ? [toListItem(byId.get(p.id)!)] : [])), total: page[0]?.total ?? 0 };
}

/**
 * Rows of a list or export in the list's order, a batch at a time (exports stream them, so that a
 * hundred thousand accounts are never in memory at once).
 */
export async function* accountRows(ctx: Ctx, f: AccountFilters, batch = 1000): AsyncGenerator<AccountListItem[]> {
  assertCan(actorOf(ctx), 'accounts.read');
  const where = await accountListWhere(ctx, f);
  for (let offset = 0; ; offset += batch) {
    const rows = await ctx.db
      .select(listColumns)
      .from(accounts)
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .where(where)
      .orderBy(...listOrder(f))
      .limit(batch)
      .offset(offset);
    if (rows.length) yield rows.map(toListItem);
    if (rows.length < batch) return;
  }
}

export type Need = 'read' | 'full' | 'write';

/**
 * The gate for every record that hangs off an account (contacts, plans, competitors, orders…): a
 * hidden account, or details beyond the reader's level, answer 404; a visible one they may not
 * change answers 403.
 */
export async function requireAccount(ctx: Ctx, id: string, need: Need, tx: Executor = ctx.db): Promise<Row> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.read');
  const [row] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), await visibleAccountsSql(ctx)));
  if (!row) throw notFound();
  if (need !== 'read' && accountAccessLevel(actor) !== 'full') throw notFound();
  if (need === 'write' && !can(actor, 'accounts.write')) throw forbidden();
  return row;
}

export async function getAccount(ctx: Ctx, id: string): Promise<Account> {
  const actor = actorOf(ctx);
  const row = await requireAccount(ctx, id, 'read');
  const [owner, team, since] = await Promise.all([
    row.ownerId ? ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.ownerId)) : [],
    ctx.db
      .select({ user: { id: users.id, name: users.name }, role: accountTeam.role, addedAt: accountTeam.addedAt })
      .from(accountTeam)
      .innerJoin(users, eq(users.id, accountTeam.userId))
      .where(eq(accountTeam.accountId, id))
      .orderBy(asc(accountTeam.role), asc(users.name)),
    ctx.db
      .select({ startDate: accountOwners.startDate })
      .from(accountOwners)
      .where(and(eq(accountOwners.accountId, id), sql`${accountOwners.startDate} <= ${companyToday}`))
      .orderBy(desc(accountOwners.startDate))
      .limit(1),
  ]);
  const level = accountAccessLevel(actor);
  const writable = level === 'full' && can(actor, 'accounts.write');
  const startDate = since[0]?.startDate;
  return {
    ...toListItem({ a: row, owner: owner[0] ?? null }),
    legalName: row.legalName,
    address: row.address,
    website: row.website,
    phone: row.phone,
    lostDate: row.lostDate,
    lostReason: row.lostReason,
    lostToCompetitorId: row.lostToCompetitorId,
    ownerSince: startDate && startDate !== '-infinity' ? startDate : null,
    team: team.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() })),
    version: row.version,
    access: level,
    can: { edit: writable, assign: can(actor, 'accounts.assign'), retier: can(actor, 'accounts.retier') },
  };
}

async function assertActiveUser(tx: Executor, userId: string): Promise<void> {
  const [u] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!u) throw new AppError('OWNER_INVALID', 400);
}

interface LostFacts {
  lostDate?: string | null;
  lostReason?: string | null;
  lostToCompetitorId?: string | null;
}

/**
 * A lost account needs the date; marking it lost also needs why (a reason or the competitor it went
 * to). Accounts already lost (e.g. imported with a date only) stay editable.
 */
function checkLost(status: string, facts: LostFacts, becomingLost: boolean) {
  if (status !== 'lost') return;
  if (!facts.lostDate) throw new AppError('LOST_DATE_REQUIRED', 400);
  if (becomingLost && !facts.lostReason && !facts.lostToCompetitorId) throw new AppError('LOST_REASON_REQUIRED', 400);
}

async function assertExternalIdFree(tx: Executor, externalId: string | null | undefined, exceptId?: string) {
  if (!externalId) return;
  const [other] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.externalId, externalId));
  if (other && other.id !== exceptId) throw new AppError('EXTERNAL_ID_TAKEN', 409, { externalId });
}

export async function createAccount(ctx: Ctx, input: CreateAccountRequest): Promise<Account> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.write');
  const ownerId = input.ownerId ?? actor.userId;
  if (ownerId !== actor.userId) assertCan(actor, 'accounts.assign');
  if (input.tier && input.tier !== 'regular' && input.tier !== 'potential') assertCan(actor, 'accounts.retier');
  const status = input.status ?? 'active';
  checkLost(status, input, true);
  const currency = input.currency ?? (await findCompany(ctx.db))?.currency ?? 'USD';
  const id = await ctx.db.transaction(async (tx) => {
    await assertActiveUser(tx, ownerId);
    await assertExternalIdFree(tx, input.externalId);
    const { ownerId: _o, ...fields } = input;
    const [created] = await tx
      .insert(accounts)
      .values({ ...fields, status, currency, ownerId })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    const [today] = (await tx.execute<{ d: string }>(sql`SELECT ${companyToday}::text AS d`)).rows;
    await recordAssignment(tx, { accountId: created.id, ownerId, startDate: today!.d, createdBy: actor.userId });
    await recordAccountEvent(tx, { accountId: created.id, kind: 'account.created', actorId: actor.userId, data: { ownerId } });
    await recordAudit(ctx, { action: 'account.create', entity: 'account', entityId: created.id, after: created }, tx);
    return created.id;
  });
  return getAccount(ctx, id);
}

function changedFields(before: Row, after: Row): { field: string; from: unknown; to: unknown }[] {
  return accountStoryFields.filter((f) => before[f] !== after[f]).map((f) => ({ field: f, from: before[f], to: after[f] }));
}

export async function updateAccount(ctx: Ctx, id: string, input: UpdateAccountRequest): Promise<Account> {
  const actor = actorOf(ctx);
  const { version, tierReason, ...changes } = input;
  await ctx.db.transaction(async (tx) => {
    const before = await requireAccount(ctx, id, 'write', tx);
    if (before.version !== version) throw new AppError('CONFLICT', 409);
    if (changes.tier && changes.tier !== before.tier) assertCan(actor, 'accounts.retier');
    const status = changes.status ?? before.status;
    const merged = (k: keyof LostFacts) => (changes[k] === undefined ? before[k] : changes[k]);
    checkLost(
      status,
      { lostDate: merged('lostDate'), lostReason: merged('lostReason'), lostToCompetitorId: merged('lostToCompetitorId') },
      before.status !== 'lost',
    );
    // only a lost account carries when, why and to whom it was lost
    const lost = status === 'lost' ? {} : { lostDate: null, lostReason: null, lostToCompetitorId: null };
    await assertExternalIdFree(tx, changes.externalId, id);
    const [after] = await tx
      .update(accounts)
      .set({ ...changes, ...lost, version: sql`${accounts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(accounts.id, id), eq(accounts.version, version)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 409);
    if (after.tier !== before.tier)
      await recordAccountEvent(tx, {
        accountId: id,
        kind: 'tier.changed',
        actorId: actor.userId,
        data: { from: before.tier, to: after.tier, reason: tierReason ?? null },
      });
    if (after.status !== before.status)
      await recordAccountEvent(tx, {
        accountId: id,
        kind: 'status.changed',
        actorId: actor.userId,
        data: { from: before.status, to: after.status, lostReason: after.lostReason, lostDate: after.lostDate },
      });
    const changed = changedFields(before, after);
    if (changed.length)
      await recordAccountEvent(tx, { accountId: id, kind: 'account.updated', actorId: actor.userId, data: { changes: changed } });
    await recordAudit(ctx, { action: 'account.update', entity: 'account', entityId: id, before, after }, tx);
  });
  return getAccount(ctx, id);
}

export async function setArchived(ctx: Ctx, id: string, version: number, archived: boolean): Promise<Account> {
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await requireAccount(ctx, id, 'write', tx);
    if (before.version !== version) throw new AppError('CONFLICT', 409);
    const [after] = await tx
      .update(accounts)
      .set({ archivedAt: archived ? sql`now()` : null, version: sql`${accounts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(accounts.id, id), eq(accounts.version, version)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 409);
    await recordAccountEvent(tx, { accountId: id, kind: archived ? 'account.archived' : 'account.restored', actorId: actor.userId });
    await recordAudit(
      ctx,
      { action: archived ? 'account.archive' : 'account.restore', entity: 'account', entityId: id, before, after },
      tx,
    );
  });
  return getAccount(ctx, id);
}

/** Distinct segments, industries and regions among the accounts the reader may see (filter dropdowns). */
export async function accountFacets(ctx: Ctx): Promise<AccountFacets> {
  assertCan(actorOf(ctx), 'accounts.read');
  const visible = await visibleAccountsSql(ctx);
  const distinct = async (column: typeof accounts.segment | typeof accounts.industry | typeof accounts.region) => {
    const rows = await ctx.db
      .selectDistinct({ v: column })
      .from(accounts)
      .where(and(visible, isNotNull(column), sql`btrim(${column}) <> ''`))
      .orderBy(column)
      .limit(500);
    return rows.map((r) => r.v as string);
  };
  const [segments, industries, regions] = await Promise.all([
    distinct(accounts.segment),
    distinct(accounts.industry),
    distinct(accounts.region),
  ]);
  return { segments, industries, regions };
}

/** The plans module calls this when an account plan changes (the list's "without a plan" view). */
export async function markPlanUpdated(tx: Executor, accountId: string): Promise<void> {
  await tx.update(accounts).set({ planUpdatedAt: sql`now()` }).where(eq(accounts.id, accountId));
}
