import crypto from 'node:crypto';
import { and, asc, eq, gt, ilike, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import type { Role } from '../../core/contracts.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { containsPattern, type Executor } from '../../core/db/tx.js';
import { AppError, forbidden } from '../../core/errors.js';
import { type Actor, assertCan, can, grants } from '../../core/policy/policy.js';
import { users } from '../users/users.schema.js';
import type { TeamRole } from './accounts.contracts.js';
import { accountOwners, accountTeam } from './accounts.schema.js';
import { requireAccount } from './accounts.service.js';
import { companyToday } from './ownership.js';
import type { AccountTeam, AccountTeamMember, CandidateQuery, TeamMemberInput, TeamPerson, UpdateTeamRequest } from './team.contracts.js';
import { recordAccountEvent } from './timeline.service.js';

type Member = AccountTeamMember;

async function membersOf(ex: Executor, accountId: string): Promise<Member[]> {
  const rows = await ex
    .select({ user: { id: users.id, name: users.name, role: users.role }, role: accountTeam.role, addedAt: accountTeam.addedAt })
    .from(accountTeam)
    .innerJoin(users, eq(users.id, accountTeam.userId))
    .where(eq(accountTeam.accountId, accountId))
    .orderBy(asc(accountTeam.role), asc(users.name), asc(users.id));
  return rows.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() }));
}

/** A fingerprint of the team, for optimistic concurrency without a column of its own. */
export function teamVersion(members: { user: { id: string }; role: TeamRole }[]): string {
  const text = members
    .map((m) => `${m.user.id}:${m.role}`)
    .sort()
    .join(',');
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
}

async function personOf(ex: Executor, id: string | null) {
  if (!id) return null;
  const [u] = await ex
    .select({ id: users.id, name: users.name, role: users.role, managerId: users.managerId })
    .from(users)
    .where(eq(users.id, id));
  return u ?? null;
}

/**
 * Who may change an account's team (B2): those who assign accounts (admin, head), the owner, and the
 * owner's senior KAM (the owner's manager). A deputy acts with the rights of whom they cover.
 */
export function mayEditTeam(actor: Actor, owner: { id: string; managerId: string | null } | null): boolean {
  if (can(actor, 'accounts.assign')) return true;
  if (!owner) return false;
  const people = [{ userId: actor.userId, role: actor.role }, ...actor.actingFor];
  return people.some((p) => p.userId === owner.id || (p.role === 'senior_kam' && owner.managerId === p.userId));
}

export async function getTeam(ctx: Ctx, accountId: string): Promise<AccountTeam> {
  const actor = actorOf(ctx);
  const account = await requireAccount(ctx, accountId, 'read');
  const [owner, members, [since], [upcoming]] = await Promise.all([
    personOf(ctx.db, account.ownerId),
    membersOf(ctx.db, accountId),
    ctx.db
      .select({ startDate: accountOwners.startDate })
      .from(accountOwners)
      .where(and(eq(accountOwners.accountId, accountId), sql`${accountOwners.startDate} <= ${companyToday}`))
      .orderBy(sql`${accountOwners.startDate} DESC`)
      .limit(1),
    ctx.db
      .select({ startDate: accountOwners.startDate, owner: { id: users.id, name: users.name } })
      .from(accountOwners)
      .innerJoin(users, eq(users.id, accountOwners.ownerId))
      .where(and(eq(accountOwners.accountId, accountId), gt(accountOwners.startDate, companyToday)))
      .orderBy(asc(accountOwners.startDate))
      .limit(1),
  ]);
  const writable = can(actor, 'accounts.write');
  return {
    accountId,
    owner: owner ? { id: owner.id, name: owner.name, role: owner.role } : null,
    ownerSince: since && since.startDate !== '-infinity' ? since.startDate : null,
    upcomingOwner: upcoming && upcoming.owner.id !== owner?.id ? upcoming : null,
    members,
    version: teamVersion(members),
    canEdit: writable && mayEditTeam(actor, owner),
    canHandOver: can(actor, 'accounts.assign'),
  };
}

const teamRoles: readonly Role[] = grants['accounts.read'];

/**
 * Replaces the team inside the caller's transaction: checks the people, writes the difference, and
 * puts team.changed on the timeline with an audit entry. Answers whether anything changed.
 */
export async function applyTeam(
  ctx: Ctx,
  tx: Executor,
  accountId: string,
  next: TeamMemberInput[],
  notAllowed: { ownerIds: string[] },
): Promise<boolean> {
  const actor = actorOf(ctx);
  const ids = next.map((m) => m.userId);
  if (new Set(ids).size !== ids.length) throw new AppError('TEAM_DUPLICATE_MEMBER', 400);
  if (ids.some((id) => notAllowed.ownerIds.includes(id))) throw new AppError('TEAM_OWNER_IN_TEAM', 400);
  const people = ids.length
    ? await tx
        .select({ id: users.id, name: users.name, role: users.role })
        .from(users)
        .where(and(inArray(users.id, ids), isNull(users.disabledAt)))
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const invalid = ids.find((id) => !byId.has(id) || !teamRoles.includes(byId.get(id)!.role));
  if (invalid) throw new AppError('TEAM_MEMBER_INVALID', 400);

  const current = await membersOf(tx, accountId);
  const before = new Map(current.map((m) => [m.user.id, m]));
  const after = new Map(next.map((m) => [m.userId, m.role]));
  const removed = current.filter((m) => !after.has(m.user.id));
  const added = next.filter((m) => !before.has(m.userId));
  const changed = next.filter((m) => before.has(m.userId) && before.get(m.userId)!.role !== m.role);
  if (!removed.length && !added.length && !changed.length) return false;

  if (removed.length)
    await tx.delete(accountTeam).where(
      and(
        eq(accountTeam.accountId, accountId),
        inArray(
          accountTeam.userId,
          removed.map((m) => m.user.id),
        ),
      ),
    );
  for (const m of changed)
    await tx
      .update(accountTeam)
      .set({ role: m.role })
      .where(and(eq(accountTeam.accountId, accountId), eq(accountTeam.userId, m.userId)));
  if (added.length) await tx.insert(accountTeam).values(added.map((m) => ({ accountId, userId: m.userId, role: m.role })));

  const ref = (id: string) => ({ id, name: byId.get(id)?.name ?? before.get(id)?.user.name ?? '' });
  await recordAccountEvent(tx, {
    accountId,
    kind: 'team.changed',
    actorId: actor.userId,
    data: {
      added: added.map((m) => ({ ...ref(m.userId), role: m.role })),
      removed: removed.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role })),
      changed: changed.map((m) => ({ ...ref(m.userId), from: before.get(m.userId)!.role, to: m.role })),
    },
  });
  await recordAudit(
    ctx,
    {
      action: 'account.team',
      entity: 'account',
      entityId: accountId,
      before: current.map((m) => ({ userId: m.user.id, role: m.role })),
      after: next,
    },
    tx,
  );
  return true;
}

/** Locks the account row: team changes and hand-overs of one account take turns. */
export async function lockAccount(tx: Executor, accountId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM accounts WHERE id = ${accountId} FOR UPDATE`);
}

export async function replaceTeam(ctx: Ctx, accountId: string, input: UpdateTeamRequest): Promise<AccountTeam> {
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const account = await requireAccount(ctx, accountId, 'write', tx);
    if (!mayEditTeam(actor, await personOf(tx, account.ownerId))) throw forbidden();
    if (teamVersion(await membersOf(tx, accountId)) !== input.version) throw new AppError('CONFLICT', 409);
    await applyTeam(ctx, tx, accountId, input.members, { ownerIds: account.ownerId ? [account.ownerId] : [] });
  });
  return getTeam(ctx, accountId);
}

/** Who may take an account over (A2: from an account or sales manager to a KAM). */
export const newOwnerRoles: readonly Role[] = ['kam', 'senior_kam', 'head'];

/**
 * People to pick from when changing the team or handing the account over: active users with a role
 * that fits, by name (only their name and role). Open to those who may make that change here, who
 * would otherwise not see colleagues outside their reporting line.
 */
export async function teamCandidates(ctx: Ctx, accountId: string, q: CandidateQuery): Promise<{ items: TeamPerson[] }> {
  const actor = actorOf(ctx);
  const account = await requireAccount(ctx, accountId, 'write');
  if (q.purpose === 'owner') assertCan(actor, 'accounts.assign');
  else if (!mayEditTeam(actor, await personOf(ctx.db, account.ownerId))) throw forbidden();
  const roles = q.purpose === 'owner' ? newOwnerRoles : teamRoles;
  const items = await ctx.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, [...roles]), q.q ? ilike(users.name, containsPattern(q.q)) : undefined))
    .orderBy(sql`lower(${users.name})`, asc(users.id))
    .limit(20);
  return { items };
}

export { membersOf };
