import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor, Tx } from '../../core/db/tx.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { can } from '../../core/policy/policy.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { companyToday } from '../plans/plans.service.js';
import { users } from '../users/users.schema.js';
import type { AccountCompetitors, CreatePresenceRequest, Presence, ThreatLevel, UpdatePresenceRequest } from './competitors.contracts.js';
import { competitorPresence, competitors } from './competitors.schema.js';

type PresenceRow = typeof competitorPresence.$inferSelect;

export async function listAccountCompetitors(ctx: Ctx, accountId: string): Promise<AccountCompetitors> {
  await requireAccount(ctx, accountId, 'full');
  const rows = await ctx.db
    .select({
      p: competitorPresence,
      competitor: { id: competitors.id, name: competitors.name, website: competitors.website, archivedAt: competitors.archivedAt },
      editor: { id: users.id, name: users.name },
    })
    .from(competitorPresence)
    .innerJoin(competitors, eq(competitors.id, competitorPresence.competitorId))
    .leftJoin(users, eq(users.id, competitorPresence.updatedBy))
    .where(eq(competitorPresence.accountId, accountId))
    .orderBy(sql`CASE ${competitorPresence.threat} WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`, sql`lower(${competitors.name})`);
  const items = rows.map(
    (r): Presence => ({
      id: r.p.id,
      accountId: r.p.accountId,
      competitor: {
        id: r.competitor.id,
        name: r.competitor.name,
        website: r.competitor.website,
        archived: r.competitor.archivedAt !== null,
      },
      shareOfWallet: r.p.shareOfWallet,
      products: r.p.products,
      priceNotes: r.p.priceNotes,
      priceIndex: r.p.priceIndex,
      threat: r.p.threat,
      lastObserved: r.p.lastObserved,
      notes: r.p.notes,
      version: r.p.version,
      updatedAt: r.p.updatedAt.toISOString(),
      updatedBy: r.editor?.id ? r.editor : null,
    }),
  );
  return {
    items,
    totalShare: items.reduce((sum, p) => sum + (p.shareOfWallet ?? 0), 0),
    can: { edit: can(actorOf(ctx), 'accounts.write') },
  };
}

async function assertObservedNotFuture(ctx: Ctx, date: string | null | undefined) {
  if (!date) return;
  if (date > (await companyToday(ctx))) throw new AppError('OBSERVED_IN_FUTURE', 400, { date });
}

/** The competitors' shares of one client's wallet cannot add up to more than the whole. */
async function assertShareFits(tx: Executor, accountId: string, share: number | null | undefined, exceptId?: string) {
  if (!share) return;
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${competitorPresence.shareOfWallet}), 0)::int`.mapWith(Number) })
    .from(competitorPresence)
    .where(and(eq(competitorPresence.accountId, accountId), exceptId ? ne(competitorPresence.id, exceptId) : undefined));
  const total = (row?.total ?? 0) + share;
  if (total > 100) throw new AppError('SHARE_OF_WALLET_OVER_100', 400, { total });
}

/** Serialises changes to one account's competitor list, so that the share check holds. */
async function lockAccountList(tx: Tx, accountId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`competitors:${accountId}`}))`);
}

async function record(
  ctx: Ctx,
  tx: Tx,
  p: { accountId: string; name: string; threat: ThreatLevel; action: 'added' | 'changed' | 'removed'; previousThreat?: ThreatLevel },
  audit: { action: string; entityId: string; before?: unknown; after?: unknown },
) {
  await recordAudit(ctx, { ...audit, entity: 'competitor_presence' }, tx);
  await recordAccountEvent(tx, {
    accountId: p.accountId,
    kind: 'competitor.presence',
    actorId: actorOf(ctx).userId,
    data: {
      name: p.name,
      threat: p.threat,
      action: p.action,
      ...(p.previousThreat && p.previousThreat !== p.threat ? { previousThreat: p.previousThreat } : {}),
    },
  });
}

export async function addPresence(ctx: Ctx, accountId: string, input: CreatePresenceRequest): Promise<AccountCompetitors> {
  const actor = actorOf(ctx);
  await assertObservedNotFuture(ctx, input.lastObserved);
  await ctx.db.transaction(async (tx) => {
    await requireAccount(ctx, accountId, 'write', tx);
    await lockAccountList(tx, accountId);
    const [competitor] = await tx.select().from(competitors).where(eq(competitors.id, input.competitorId));
    if (!competitor) throw new AppError('VALIDATION_FAILED', 400, { fields: 'competitorId' });
    if (competitor.archivedAt) throw new AppError('COMPETITOR_ARCHIVED', 400, { name: competitor.name });
    const [existing] = await tx
      .select({ id: competitorPresence.id })
      .from(competitorPresence)
      .where(and(eq(competitorPresence.accountId, accountId), eq(competitorPresence.competitorId, competitor.id)));
    if (existing) throw new AppError('COMPETITOR_ALREADY_PRESENT', 409, { name: competitor.name });
    await assertShareFits(tx, accountId, input.shareOfWallet);
    const [created] = await tx
      .insert(competitorPresence)
      .values({ ...input, accountId, updatedBy: actor.userId })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await record(
      ctx,
      tx,
      { accountId, name: competitor.name, threat: created.threat, action: 'added' },
      { action: 'competitor.presence.create', entityId: created.id, after: created },
    );
  });
  return listAccountCompetitors(ctx, accountId);
}

/** A presence row and its competitor's name, once the reader may change the account it belongs to. */
async function presenceForWrite(ctx: Ctx, tx: Tx, id: string): Promise<{ row: PresenceRow; name: string }> {
  const [found] = await tx
    .select({ row: competitorPresence, name: competitors.name })
    .from(competitorPresence)
    .innerJoin(competitors, eq(competitors.id, competitorPresence.competitorId))
    .where(eq(competitorPresence.id, id));
  if (!found) throw notFound();
  await requireAccount(ctx, found.row.accountId, 'write', tx);
  await lockAccountList(tx, found.row.accountId);
  return found;
}

export async function updatePresence(ctx: Ctx, id: string, input: UpdatePresenceRequest): Promise<AccountCompetitors> {
  const actor = actorOf(ctx);
  const { version, ...changes } = input;
  await assertObservedNotFuture(ctx, changes.lastObserved);
  const accountId = await ctx.db.transaction(async (tx) => {
    const { row: before, name } = await presenceForWrite(ctx, tx, id);
    if (before.version !== version) throw conflict();
    if (changes.shareOfWallet !== undefined) await assertShareFits(tx, before.accountId, changes.shareOfWallet, id);
    const [after] = await tx
      .update(competitorPresence)
      .set({ ...changes, updatedBy: actor.userId, version: sql`${competitorPresence.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(competitorPresence.id, id), eq(competitorPresence.version, version)))
      .returning();
    if (!after) throw conflict();
    await record(
      ctx,
      tx,
      { accountId: before.accountId, name, threat: after.threat, action: 'changed', previousThreat: before.threat },
      { action: 'competitor.presence.update', entityId: id, before, after },
    );
    return before.accountId;
  });
  return listAccountCompetitors(ctx, accountId);
}

export async function deletePresence(ctx: Ctx, id: string): Promise<AccountCompetitors> {
  const accountId = await ctx.db.transaction(async (tx) => {
    const { row: before, name } = await presenceForWrite(ctx, tx, id);
    await tx.delete(competitorPresence).where(eq(competitorPresence.id, id));
    await record(
      ctx,
      tx,
      { accountId: before.accountId, name, threat: before.threat, action: 'removed' },
      { action: 'competitor.presence.delete', entityId: id, before },
    );
    return before.accountId;
  });
  return listAccountCompetitors(ctx, accountId);
}
