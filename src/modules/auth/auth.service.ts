import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Locale } from '../../core/contracts.js';
import { AppError } from '../../core/errors.js';
import { recordAudit } from '../../core/audit/audit.service.js';
import { findActiveUser, findUserByEmail, markSignedIn, type UserRow } from '../users/users.accounts.js';
import type { LoginResponse } from './auth.contracts.js';
import { loginChallenges, recoveryCodes, trustedDevices } from './auth.schema.js';
import { randomToken, sha256, verifyPassword } from './secrets.js';
import { createSession, type NewSession, type SessionTimeouts } from './sessions.js';
import { assertNotThrottled, recordAttempt } from './throttle.js';
import { checkTotp, normaliseRecoveryCode } from './totp.js';

const CHALLENGE_TTL_MS = 5 * 60_000;
const CHALLENGE_ATTEMPTS = 5;

export interface SignInMeta {
  userAgent: string | null;
  /** the trusted-device cookie the browser sent, if any */
  deviceToken: string | null;
  timeouts: SessionTimeouts;
}

export interface SignInResult {
  response: LoginResponse;
  session?: NewSession;
  /** a new trusted-device token to set as a cookie */
  deviceToken?: string;
}

/** Step one: e-mail and password. Unknown e-mail and wrong password answer the same. */
export async function signIn(
  ctx: Ctx,
  input: { email: string; password: string; locale?: Locale },
  meta: SignInMeta,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const ip = ctx.ip ?? 'unknown';
  const user = await findUserByEmail(ctx.db, email);
  const deviceHash = user && meta.deviceToken ? await trustedDeviceHash(ctx, user.id, meta.deviceToken) : null;
  await assertNotThrottled(ctx.db, email, ip, deviceHash);

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordAttempt(ctx.db, { email, ip, deviceHash, success: false });
    await recordAudit(ctx, { action: 'auth.login_failed', entity: 'user', entityId: user?.id, after: { email }, actorId: null });
    throw new AppError('INVALID_CREDENTIALS', 401);
  }
  await recordAttempt(ctx.db, { email, ip, deviceHash, success: true });

  if (user.totpEnabled) {
    const challenge = randomToken();
    await ctx.db.insert(loginChallenges).values({
      id: sha256(challenge),
      userId: user.id,
      locale: input.locale ?? null,
      expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    });
    return { response: { status: 'totp_required', challenge } };
  }
  return finishSignIn(ctx, user, input.locale, meta, deviceHash, 'password');
}

/** Step two: the code of the authenticator app, or a one-time recovery code. */
export async function signInWithTotp(ctx: Ctx, input: { challenge: string; code: string }, meta: SignInMeta): Promise<SignInResult> {
  const id = sha256(input.challenge);
  const [challenge] = await ctx.db
    .select()
    .from(loginChallenges)
    .where(and(eq(loginChallenges.id, id), gt(loginChallenges.expiresAt, sql`now()`)));
  if (!challenge || challenge.attempts >= CHALLENGE_ATTEMPTS) throw new AppError('CHALLENGE_EXPIRED', 401);
  const user = await findActiveUser(ctx.db, challenge.userId);
  if (!user) throw new AppError('CHALLENGE_EXPIRED', 401);

  const method = await verifySecondFactor(ctx, user, input.code);
  if (!method) {
    await ctx.db
      .update(loginChallenges)
      .set({ attempts: sql`${loginChallenges.attempts} + 1` })
      .where(eq(loginChallenges.id, id));
    await recordAudit(ctx, { action: 'auth.totp_failed', entity: 'user', entityId: user.id, actorId: null });
    throw new AppError('TOTP_INVALID', 401);
  }
  await ctx.db.delete(loginChallenges).where(eq(loginChallenges.id, id));
  const deviceHash = meta.deviceToken ? await trustedDeviceHash(ctx, user.id, meta.deviceToken) : null;
  return finishSignIn(ctx, user, (challenge.locale as Locale | null) ?? undefined, meta, deviceHash, method);
}

/** 'totp' or 'recovery_code' when the code is right (a recovery code is used up), else null. */
export async function verifySecondFactor(ctx: Ctx, user: UserRow, code: string): Promise<'totp' | 'recovery_code' | null> {
  if (user.totpSecret && checkTotp(user.totpSecret, code.trim())) return 'totp';
  const used = await ctx.db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, sha256(normaliseRecoveryCode(code))), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return used.length ? 'recovery_code' : null;
}

async function finishSignIn(
  ctx: Ctx,
  user: UserRow,
  locale: Locale | undefined,
  meta: SignInMeta,
  deviceHash: string | null,
  method: string,
): Promise<SignInResult> {
  const session = await createSession(ctx.db, user.id, { ip: ctx.ip, userAgent: meta.userAgent }, meta.timeouts);
  await markSignedIn(ctx.db, user.id, locale);
  let deviceToken: string | undefined;
  if (!deviceHash) {
    deviceToken = randomToken();
    await ctx.db.insert(trustedDevices).values({ tokenHash: sha256(deviceToken), userId: user.id });
  }
  await recordAudit(ctx, { action: 'auth.login', entity: 'user', entityId: user.id, after: { method }, actorId: user.id });
  return { response: { status: 'signed_in' }, session, deviceToken };
}

async function trustedDeviceHash(ctx: Ctx, userId: string, token: string): Promise<string | null> {
  const hash = sha256(token);
  const [row] = await ctx.db
    .update(trustedDevices)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(trustedDevices.tokenHash, hash), eq(trustedDevices.userId, userId)))
    .returning({ h: trustedDevices.tokenHash });
  return row ? hash : null;
}
