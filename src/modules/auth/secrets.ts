import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) with OWASP's recommended cost. */
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Unknown users are checked against a dummy hash, so timing does not tell which e-mails exist.
  const target = stored ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && stored !== null;
}
const dummyHash = hashPassword(crypto.randomBytes(16).toString('hex'));

export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');
/** Tokens are random and long, so a fast hash is enough to store them safely. */
export const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
