import type { Locale } from './contracts.js';
import type { Db } from './db/database.js';
import type { Actor } from './policy/policy.js';

/** What a use case knows about who asks and from where; passed explicitly, never global. */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  locale: Locale;
  ip: string | null;
  requestId: string | null;
  /** base URL for links in answers (invitations) */
  publicUrl: string;
}

/** Narrow a context to one with a signed-in actor (route access guarantees it). */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('use case called without an actor');
  return ctx.actor;
}
