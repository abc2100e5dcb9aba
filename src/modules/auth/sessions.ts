import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { users } from '../users/users.schema.js';
import { apiTokens, loginAttempts, loginChallenges, sessions } from './auth.schema.js';
import { randomToken, sha256 } from './secrets.js';

export interface SessionTimeouts {
  idleMs: number;
  maxMs: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A fresh session id at every sign-in (no fixation); only the token's hash is stored. */
export async function createSession(
  db: Pick<Db, 'insert'>,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  t: SessionTimeouts,
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + t.maxMs);
  await db
    .insert(sessions)
    .values({ id: sha256(token), userId, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 400) });
  return { token, csrfToken, expiresAt };
}

export type AuthenticatedUser = typeof users.$inferSelect;

/** The user behind a session cookie, if the session is alive (not idle too long, not expired, user enabled). */
export async function userForSession(db: Db, token: string, t: SessionTimeouts) {
  const id = sha256(token);
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, new Date(Date.now() - t.idleMs)),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  // Sliding idle time-out, written at most once a minute rather than on every request.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  }
  return { user: row.user, csrfToken: row.csrfToken };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

export async function endAllSessions(db: Pick<Db, 'delete'>, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** The user behind a personal API token (`Authorization: Bearer grv_…`). */
export async function userForApiToken(db: Db, token: string) {
  const [row] = await db
    .select({ user: users, id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return row.user;
}

/** Housekeeping: forget dead sessions, old challenges and old sign-in attempts. */
export async function purgeExpired(db: Db, t: SessionTimeouts): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, new Date(Date.now() - t.idleMs))));
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, sql`now()`));
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(Date.now() - 24 * 3_600_000)));
}
