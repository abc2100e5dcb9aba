import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db/tx.js';
import { rolesRequiringTotp } from '../../core/contracts.js';
import { AppError, notFound } from '../../core/errors.js';
import { findActiveUser, setPasswordHash, setTotp, type UserRow } from '../users/users.accounts.js';
import type { ApiToken } from './auth.contracts.js';
import { apiTokens, invitations, recoveryCodes } from './auth.schema.js';
import { verifySecondFactor } from './auth.service.js';
import { hashPassword, randomToken, sha256, verifyPassword } from './secrets.js';
import { endAllSessions } from './sessions.js';
import { newRecoveryCodes, newTotpSecret, totpEnrolment } from './totp.js';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

async function me(ctx: Ctx): Promise<UserRow> {
  const user = await findActiveUser(ctx.db, actorOf(ctx).userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 401);
  return user;
}

// ── Two-factor ─────────────────────────────────────────────────────────────────────────────────────

/** Starts (or restarts) enrolment: a new secret, not active until a code from it is confirmed. */
export async function startTotpSetup(ctx: Ctx, issuer: string) {
  const user = await me(ctx);
  if (user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', 409);
  const secret = newTotpSecret();
  await setTotp(ctx.db, user.id, { secret, enabled: false });
  return totpEnrolment(secret, user.email, issuer);
}

export async function enableTotp(ctx: Ctx, code: string): Promise<string[]> {
  const user = await me(ctx);
  if (user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', 409);
  if (!user.totpSecret) throw new AppError('TOTP_NOT_SET_UP', 409);
  if ((await verifySecondFactor(ctx, user, code)) !== 'totp') throw new AppError('TOTP_INVALID', 400);
  return ctx.db.transaction(async (tx) => {
    await setTotp(tx, user.id, { secret: user.totpSecret, enabled: true });
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(ctx, { action: 'user.totp_enabled', entity: 'user', entityId: user.id }, tx);
    return codes;
  });
}

export async function disableTotp(ctx: Ctx, code: string): Promise<void> {
  const user = await me(ctx);
  if (rolesRequiringTotp.includes(user.role)) throw new AppError('TOTP_REQUIRED_FOR_ROLE', 409);
  if (!user.totpEnabled) throw new AppError('TOTP_NOT_ENABLED', 409);
  if (!(await verifySecondFactor(ctx, user, code))) throw new AppError('TOTP_INVALID', 400);
  await ctx.db.transaction(async (tx) => {
    await setTotp(tx, user.id, { secret: null, enabled: false });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAudit(ctx, { action: 'user.totp_disabled', entity: 'user', entityId: user.id }, tx);
  });
}

export async function regenerateRecoveryCodes(ctx: Ctx, code: string): Promise<string[]> {
  const user = await me(ctx);
  if (!user.totpEnabled) throw new AppError('TOTP_NOT_ENABLED', 409);
  if ((await verifySecondFactor(ctx, user, code)) !== 'totp') throw new AppError('TOTP_INVALID', 400);
  return ctx.db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(ctx, { action: 'user.recovery_codes_regenerated', entity: 'user', entityId: user.id }, tx);
    return codes;
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: sha256(c) })));
  return codes;
}

// ── Passwords and invitations ──────────────────────────────────────────────────────────────────────

export async function changePassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  const user = await me(ctx);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('PASSWORD_WRONG', 400);
  await setPasswordHash(ctx.db, user.id, await hashPassword(newPassword));
  await recordAudit(ctx, { action: 'user.password_changed', entity: 'user', entityId: user.id });
}

/** Sets a password without the old one: the CLI's `user passwd`, run by whoever controls the server. */
export async function resetPassword(ctx: Ctx, userId: string, password: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, userId, await hashPassword(password));
    await endAllSessions(tx, userId);
    await recordAudit(ctx, { action: 'user.password_reset', entity: 'user', entityId: userId }, tx);
  });
}

/** A new invitation link; earlier unused links of that user stop working. */
export async function createInvitation(ctx: Ctx, userId: string, tx: Pick<Tx, 'insert' | 'delete'> = ctx.db): Promise<string> {
  const token = randomToken();
  await tx.delete(invitations).where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)));
  await tx.insert(invitations).values({
    tokenHash: sha256(token),
    userId,
    createdBy: ctx.actor?.userId ?? null,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  return `${ctx.publicUrl}/invite/${token}`;
}

async function liveInvitation(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, sql`now()`)));
  const user = row && (await findActiveUser(ctx.db, row.userId));
  if (!row || !user) throw new AppError('INVITATION_INVALID', 404);
  return { row, user };
}

export async function describeInvitation(ctx: Ctx, token: string) {
  const { user } = await liveInvitation(ctx, token);
  return { email: user.email, name: user.name };
}

export async function acceptInvitation(ctx: Ctx, token: string, password: string): Promise<void> {
  const { row, user } = await liveInvitation(ctx, token);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const taken = await tx
      .update(invitations)
      .set({ usedAt: sql`now()` })
      .where(and(eq(invitations.tokenHash, row.tokenHash), isNull(invitations.usedAt)))
      .returning({ h: invitations.tokenHash });
    if (!taken.length) throw new AppError('INVITATION_INVALID', 404);
    await setPasswordHash(tx, user.id, passwordHash);
    await recordAudit(ctx, { action: 'user.invitation_accepted', entity: 'user', entityId: user.id, actorId: user.id }, tx);
  });
}

// ── Personal API tokens ────────────────────────────────────────────────────────────────────────────

const toApiToken = (r: typeof apiTokens.$inferSelect): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  expiresAt: r.expiresAt?.toISOString() ?? null,
});

export async function listApiTokens(ctx: Ctx): Promise<ApiToken[]> {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actorOf(ctx).userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

export async function createApiToken(ctx: Ctx, input: { name: string; expiresInDays?: number }) {
  const userId = actorOf(ctx).userId;
  const token = `grv_${randomToken()}`;
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({
      userId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    })
    .returning();
  if (!row) throw new Error('token not stored');
  await recordAudit(ctx, { action: 'api_token.create', entity: 'api_token', entityId: row.id, after: { name: row.name } });
  return { ...toApiToken(row), token };
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  const rows = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actorOf(ctx).userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  if (!rows.length) throw notFound();
  await recordAudit(ctx, { action: 'api_token.revoke', entity: 'api_token', entityId: id, before: { name: rows[0]?.name } });
}
