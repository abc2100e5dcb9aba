import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { containsPattern, type Tx } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { assertCan, assertFieldReadable, readableUserFields, userScope } from '../../core/policy/policy.js';
import { createInvitation } from '../auth/credentials.service.js';
import { hashPassword } from '../auth/secrets.js';
import { endAllSessions } from '../auth/sessions.js';
import { findCompany } from '../company/company.service.js';
import type { CreateUserRequest, UpdateUserRequest, User, UserListQuery } from './users.contracts.js';
import { users } from './users.schema.js';

const manager = alias(users, 'manager');
type Row = { u: typeof users.$inferSelect; m: { id: string; name: string; email: string } | null };

function toUser(r: Row, readable: (f: string) => boolean): User {
  const user: User = {
    id: r.u.id,
    email: r.u.email,
    name: r.u.name,
    role: r.u.role,
    department: r.u.department,
    locale: r.u.locale,
    manager: r.m?.id ? r.m : null,
    disabled: r.u.disabledAt !== null,
    createdAt: r.u.createdAt.toISOString(),
  };
  if (readable('totpEnabled')) user.totpEnabled = r.u.totpEnabled;
  if (readable('lastSignInAt')) user.lastSignInAt = r.u.lastSignInAt?.toISOString() ?? null;
  return user;
}

/** SQL for the users the actor may see (policy.userScope); everything else is "not found". */
async function visibleUsers(ctx: Ctx): Promise<SQL | undefined> {
  const actor = actorOf(ctx);
  const [self] = await ctx.db.select({ managerId: users.managerId }).from(users).where(eq(users.id, actor.userId));
  const scope = userScope(actor, self?.managerId ?? null);
  if (scope.all) return undefined;
  const parts: SQL[] = [inArray(users.id, scope.alsoIds)];
  if (scope.selfAndReportsOf.length) {
    parts.push(
      sql`${users.id} IN (WITH RECURSIVE line AS (
            SELECT id FROM users WHERE manager_id IN (${sql.join(
              scope.selfAndReportsOf.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
            UNION SELECT u.id FROM users u JOIN line ON u.manager_id = line.id)
          SELECT id FROM line)`,
    );
  }
  return or(...parts);
}

const sortColumns = {
  name: sql`lower(${users.name})`,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
} as const;

export async function listUsers(ctx: Ctx, q: UserListQuery): Promise<{ items: User[]; total: number }> {
  const actor = actorOf(ctx);
  assertCan(actor, 'users.read');
  const readable = readableUserFields(actor);
  assertFieldReadable(readable, q.sort);
  const where: (SQL | undefined)[] = [await visibleUsers(ctx)];
  if (q.q) {
    const like = containsPattern(q.q);
    where.push(or(ilike(users.name, like), ilike(users.email, like)));
  }
  if (q.role) where.push(eq(users.role, q.role));
  if (q.department) where.push(eq(users.department, q.department));
  if (q.managerId) where.push(eq(users.managerId, q.managerId));
  if (q.disabled) where.push(q.disabled === 'true' ? isNotNull(users.disabledAt) : isNull(users.disabledAt));
  const cond = and(...where);
  const dir = q.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ u: users, m: { id: manager.id, name: manager.name, email: manager.email } })
      .from(users)
      .leftJoin(manager, eq(manager.id, users.managerId))
      .where(cond)
      .orderBy(dir(sortColumns[q.sort]), asc(users.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(users).where(cond),
  ]);
  return { items: rows.map((r) => toUser(r, readable)), total: total?.n ?? 0 };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const actor = actorOf(ctx);
  assertCan(actor, 'users.read');
  const [row] = await ctx.db
    .select({ u: users, m: { id: manager.id, name: manager.name, email: manager.email } })
    .from(users)
    .leftJoin(manager, eq(manager.id, users.managerId))
    .where(and(eq(users.id, id), await visibleUsers(ctx)));
  if (!row) throw notFound();
  return toUser(row, readableUserFields(actor));
}

function checkDepartment(role: string, department: string | null | undefined) {
  if (role === 'department' && !department) throw new AppError('DEPARTMENT_REQUIRED', 400);
  if (role !== 'department' && department) throw new AppError('DEPARTMENT_NOT_ALLOWED', 400);
}

/** A manager must be an active user who does not (directly or not) report to the user. */
async function checkManager(tx: Tx, userId: string | null, managerId: string | null | undefined) {
  if (!managerId) return;
  if (managerId === userId) throw new AppError('MANAGER_INVALID', 400);
  const { rows } = await tx.execute<{ ok: boolean }>(sql`
    WITH RECURSIVE chain AS (
      SELECT id, manager_id, 1 AS depth FROM users WHERE id = ${managerId} AND disabled_at IS NULL
      UNION ALL SELECT u.id, u.manager_id, c.depth + 1 FROM users u JOIN chain c ON u.id = c.manager_id WHERE c.depth < 100)
    SELECT (count(*) > 0 AND bool_and(id IS DISTINCT FROM ${userId}::uuid)) AS ok FROM chain`);
  if (!rows[0]?.ok) throw new AppError('MANAGER_INVALID', 400);
}

export interface CreateUserOptions {
  /** set a password now (CLI); otherwise the answer carries an invitation link */
  password?: string;
  /** the CLI acts as the machine's operator, without a signed-in actor */
  asOperator?: boolean;
}

export async function createUser(ctx: Ctx, input: CreateUserRequest, opts: CreateUserOptions = {}) {
  if (!opts.asOperator) assertCan(actorOf(ctx), 'users.manage');
  checkDepartment(input.role, input.department);
  const passwordHash = opts.password ? await hashPassword(opts.password) : null;
  // a new colleague starts in the company's language unless told otherwise
  const locale = input.locale ?? (await findCompany(ctx.db))?.defaultLocale ?? 'en';
  const { id, invitationUrl } = await ctx.db.transaction(async (tx) => {
    await checkManager(tx, null, input.managerId);
    const inserted = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        department: input.department ?? null,
        managerId: input.managerId ?? null,
        locale,
        passwordHash,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    const row = inserted[0];
    if (!row) throw new AppError('EMAIL_TAKEN', 409);
    const { passwordHash: _secret, totpSecret: _totp, ...after } = row;
    await recordAudit(ctx, { action: 'user.create', entity: 'user', entityId: row.id, after }, tx);
    return { id: row.id, invitationUrl: opts.password ? null : await createInvitation(ctx, row.id, tx) };
  });
  const user = ctx.actor ? await getUser(ctx, id) : await getUserUnscoped(ctx, id);
  return { user, invitationUrl };
}

export async function updateUser(ctx: Ctx, id: string, patch: UpdateUserRequest): Promise<User> {
  const actor = actorOf(ctx);
  assertCan(actor, 'users.manage');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound();
    const role = patch.role ?? before.role;
    const department = patch.department !== undefined ? patch.department : role === 'department' ? before.department : null;
    checkDepartment(role, department);
    if (patch.managerId !== undefined) await checkManager(tx, id, patch.managerId);
    const disabling = patch.disabled === true && before.disabledAt === null;
    if (id === actor.userId && (disabling || (patch.role && patch.role !== 'admin'))) throw new AppError('CANNOT_CHANGE_SELF', 400);
    if (before.role === 'admin' && (disabling || (patch.role && patch.role !== 'admin'))) {
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, id)));
      if (!others?.n) throw new AppError('LAST_ADMIN', 400);
    }
    const [after] = await tx
      .update(users)
      .set({
        name: patch.name ?? before.name,
        role,
        department,
        managerId: patch.managerId !== undefined ? patch.managerId : before.managerId,
        locale: patch.locale ?? before.locale,
        disabledAt: patch.disabled === undefined ? before.disabledAt : patch.disabled ? (before.disabledAt ?? new Date()) : null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    if (disabling) await endAllSessions(tx, id);
    await recordAudit(
      ctx,
      {
        action: disabling ? 'user.disable' : 'user.update',
        entity: 'user',
        entityId: id,
        before: publicFields(before),
        after: after && publicFields(after),
      },
      tx,
    );
  });
  return getUser(ctx, id);
}

export async function newInvitationLink(ctx: Ctx, id: string): Promise<string> {
  assertCan(actorOf(ctx), 'users.manage');
  await getUser(ctx, id);
  const url = await createInvitation(ctx, id);
  await recordAudit(ctx, { action: 'user.invitation_created', entity: 'user', entityId: id });
  return url;
}

function publicFields(row: typeof users.$inferSelect) {
  const { passwordHash: _p, totpSecret: _t, ...rest } = row;
  return rest;
}

async function getUserUnscoped(ctx: Ctx, id: string): Promise<User> {
  const [row] = await ctx.db
    .select({ u: users, m: { id: manager.id, name: manager.name, email: manager.email } })
    .from(users)
    .leftJoin(manager, eq(manager.id, users.managerId))
    .where(eq(users.id, id));
  if (!row) throw notFound();
  return toUser(row, () => true);
}

/** The signed-in user's own record: every field of it is theirs to read. */
export async function getOwnProfile(ctx: Ctx): Promise<User> {
  return getUserUnscoped(ctx, actorOf(ctx).userId);
}

/** For the CLI: the id of a user by e-mail, or a not-found error. */
export async function userIdByEmail(ctx: Ctx, email: string): Promise<string> {
  const [row] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!row) throw notFound();
  return row.id;
}

export async function updateProfile(ctx: Ctx, patch: { name?: string; locale?: 'en' | 'ru' }): Promise<void> {
  const actor = actorOf(ctx);
  const [before] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  await ctx.db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, actor.userId));
  await recordAudit(ctx, {
    action: 'user.profile_update',
    entity: 'user',
    entityId: actor.userId,
    before: before && { name: before.name, locale: before.locale },
    after: patch,
  });
}

export async function countUsers(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
