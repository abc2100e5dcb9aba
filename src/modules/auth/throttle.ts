import { and, count, eq, gt, isNull, min } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { loginAttempts } from './auth.schema.js';

export const WINDOW_MS = 15 * 60_000;
/** failures per account (or per trusted browser of that account) in the window */
export const ACCOUNT_LIMIT = 10;
/** failures from one IP address, over all accounts, in the window */
export const IP_LIMIT = 50;

/**
 * Refuses a sign-in attempt when too many failed recently. A browser that has signed in to the
 * account before (trusted device) is counted on its own, so an attacker's failures elsewhere cannot
 * lock the owner out; and every count is over a sliding window, so no lock lasts forever.
 */
export async function assertNotThrottled(db: Db, email: string, ip: string, trustedDeviceHash: string | null) {
  const since = new Date(Date.now() - WINDOW_MS);
  const failed = and(eq(loginAttempts.success, false), gt(loginAttempts.at, since));
  const [byIp] = await db
    .select({ n: count(), first: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(failed, eq(loginAttempts.ip, ip)));
  if (byIp && byIp.n >= IP_LIMIT) throw throttled(byIp.first);
  const device = trustedDeviceHash ? eq(loginAttempts.deviceHash, trustedDeviceHash) : isNull(loginAttempts.deviceHash);
  const [byAccount] = await db
    .select({ n: count(), first: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(failed, eq(loginAttempts.email, email), device));
  if (byAccount && byAccount.n >= ACCOUNT_LIMIT) throw throttled(byAccount.first);
}

export async function recordAttempt(db: Db, a: { email: string; ip: string; deviceHash: string | null; success: boolean }) {
  await db.insert(loginAttempts).values(a);
}

function throttled(first: Date | null): AppError {
  const freeAt = (first?.getTime() ?? Date.now()) + WINDOW_MS;
  return new AppError('LOGIN_THROTTLED', 429, { minutes: Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000)) });
}
