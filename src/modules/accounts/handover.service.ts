import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import { users } from '../users/users.schema.js';
import { accountOwners, accounts } from './accounts.schema.js';
import { requireAccount } from './accounts.service.js';
import { companyToday, FROM_THE_BEGINNING, ownerOnDay, recordAssignment, syncCurrentOwners } from './ownership.js';
import type { HandoverRequest, OwnerAssignment, OwnershipHistory } from './team.contracts.js';
import { applyTeam, lockAccount, membersOf, newOwnerRoles } from './team.service.js';
import { recordAccountEvent } from './timeline.service.js';

const creator = alias(users, 'creator');

async function todayOf(ex: Executor): Promise<string> {
  const [row] = (await ex.execute<{ d: string }>(sql`SELECT ${companyToday}::text AS d`)).rows;
  return row!.d;
}

/** The ownership history of an account, newest first (import-format.md). */
export async function listOwners(ctx: Ctx, accountId: string): Promise<OwnershipHistory> {
  await requireAccount(ctx, accountId, 'read');
  const [rows, today] = await Promise.all([
    ctx.db
      .select({
        a: accountOwners,
        owner: { id: users.id, name: users.name },
        by: { id: creator.id, name: creator.name },
      })
      .from(accountOwners)
      .innerJoin(users, eq(users.id, accountOwners.ownerId))
      .leftJoin(creator, eq(creator.id, accountOwners.createdBy))
      .where(eq(accountOwners.accountId, accountId))
      .orderBy(desc(accountOwners.startDate)),
    todayOf(ctx.db),
  ]);
  const started = (d: string) => d === FROM_THE_BEGINNING || d <= today;
  // today's owner: the latest assignment on or before today, else (ownership.ts) the first one ahead
  const current = rows.find((r) => started(r.a.startDate)) ?? rows.at(-1);
  const items: OwnerAssignment[] = rows.map((r) => ({
    startDate: r.a.startDate === FROM_THE_BEGINNING ? null : r.a.startDate,
    owner: r.owner,
    note: r.a.note,
    createdBy: r.by?.id ? r.by : null,
    createdAt: r.a.createdAt.toISOString(),
    state: r === current ? 'current' : started(r.a.startDate) ? 'past' : 'upcoming',
  }));
  return { items, today };
}

async function nameOf(ex: Executor, id: string | null): Promise<{ id: string; name: string } | null> {
  if (!id) return null;
  const [u] = await ex.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  return u ?? null;
}

/**
 * Hands an account to a new owner from `startDate` on (A2, B2), in one transaction: the assignment in
 * the ownership history (an assignment on the same date is replaced, no other is touched), today's
 * owner brought up to date, the team kept or replaced, the timeline and the audit log.
 */
export async function handOver(ctx: Ctx, accountId: string, input: HandoverRequest): Promise<OwnershipHistory> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.assign');
  await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const before = await requireAccount(ctx, accountId, 'write', tx);
    const [to] = await tx
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.id, input.toOwnerId), isNull(users.disabledAt)));
    if (!to || !newOwnerRoles.includes(to.role)) throw new AppError('HANDOVER_OWNER_INVALID', 400);

    const [onThatDay] = (
      await tx.execute<{ owner_id: string | null }>(
        sql`SELECT ${ownerOnDay(sql`${accountId}::uuid`, sql`${input.startDate}::date`)} AS owner_id`,
      )
    ).rows;
    const fromId = onThatDay?.owner_id ?? null;
    if (fromId === to.id) throw new AppError('HANDOVER_SAME_OWNER', 400, { name: to.name, date: input.startDate });

    if (input.team !== 'keep') await applyTeam(ctx, tx, accountId, input.team, { ownerIds: [to.id] });

    const note = input.note || null;
    await recordAssignment(tx, {
      accountId,
      ownerId: to.id,
      startDate: input.startDate,
      note,
      createdBy: actor.userId,
      origin: 'handover',
    });
    await syncCurrentOwners(tx, [accountId]);
    const [after] = await tx.select().from(accounts).where(eq(accounts.id, accountId));

    // The new owner owns the account from today: they are no longer "on its team" besides.
    if (after?.ownerId === to.id) {
      const members = await membersOf(tx, accountId);
      if (members.some((m) => m.user.id === to.id))
        await applyTeam(
          ctx,
          tx,
          accountId,
          members.filter((m) => m.user.id !== to.id).map((m) => ({ userId: m.user.id, role: m.role })),
          { ownerIds: [to.id] },
        );
    }

    const from = await nameOf(tx, fromId);
    await recordAccountEvent(tx, {
      accountId,
      kind: 'ownership.changed',
      actorId: actor.userId,
      data: { from, to: { id: to.id, name: to.name }, startDate: input.startDate, note },
    });
    await recordAudit(
      ctx,
      {
        action: 'account.handover',
        entity: 'account',
        entityId: accountId,
        before: { ownerId: before.ownerId, ownerOnStartDate: fromId },
        after: { ownerId: after?.ownerId ?? null, assignment: { ownerId: to.id, startDate: input.startDate, note } },
      },
      tx,
    );
  });
  return listOwners(ctx, accountId);
}
