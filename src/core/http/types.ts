import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import type { Access, Actor } from '../policy/policy.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppDeps {
  config: Config;
  database: Database;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** what the route needs (policy.ts); a route without it does not start */
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: Ctx;
    /** the session token of a cookie-authenticated request, for sign-out */
    sessionToken: string | null;
    /** the CSRF token bound to that session */
    csrfToken: string | null;
  }
}
