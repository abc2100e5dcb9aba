import type { FastifyReply, FastifyRequest } from 'fastify';
import { rolesRequiringTotp } from '../contracts.js';
import { AppError } from '../errors.js';
import { localeFromHeader } from '../i18n/translate.js';
import type { Actor, ActingFor } from '../policy/policy.js';
import { assertCan } from '../policy/policy.js';
import { safeEqual } from '../../modules/auth/secrets.js';
import { type AuthenticatedUser, userForApiToken, userForSession } from '../../modules/auth/sessions.js';
import { SESSION_COOKIE } from './cookies.js';
import type { AppDeps } from './types.js';

/**
 * Who the deputies of absent colleagues are acting for today (B3). The absence module replaces this;
 * until then nobody acts for anybody.
 */
let resolveActingFor: (deps: AppDeps, userId: string) => Promise<ActingFor[]> = async () => [];
export function setActingForResolver(fn: typeof resolveActingFor) {
  resolveActingFor = fn;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function toActor(user: AuthenticatedUser, via: Actor['via'], actingFor: ActingFor[]): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    department: user.department,
    locale: user.locale,
    via,
    actingFor,
    totpEnrolmentRequired: rolesRequiringTotp.includes(user.role) && !user.totpEnabled,
  };
}

/** Authenticates the request (session cookie or bearer token), then applies the route's Access. */
export function authHook(deps: AppDeps, defaultLocale: () => 'en' | 'ru') {
  const timeouts = { idleMs: deps.config.sessionIdleMs, maxMs: deps.config.sessionMaxMs };
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.sessionToken = null;
    req.csrfToken = null;
    req.actor = null;
    req.ctx.locale = localeFromHeader(req.headers['accept-language']) ?? defaultLocale();
    const access = req.routeOptions.config?.access;
    if (!access) return; // unknown route: the not-found handler answers
    let user: AuthenticatedUser | null = null;
    let csrfToken: string | null = null;
    const authz = req.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      user = await userForApiToken(deps.database.db, authz.slice(7).trim());
      if (!user) throw new AppError('UNAUTHENTICATED', 401);
      req.actor = toActor(user, 'token', await resolveActingFor(deps, user.id));
    } else {
      const token = req.cookies[SESSION_COOKIE];
      const found = token ? await userForSession(deps.database.db, token, timeouts) : null;
      if (found && token) {
        user = found.user;
        csrfToken = found.csrfToken;
        req.sessionToken = token;
        req.csrfToken = csrfToken;
        req.actor = toActor(user, 'session', await resolveActingFor(deps, user.id));
      }
    }
    req.ctx.actor = req.actor;
    if (req.actor) req.ctx.locale = req.actor.locale;

    if ('public' in access) return;
    if (!req.actor) throw new AppError('UNAUTHENTICATED', 401);
    if (req.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !csrfToken || !safeEqual(sent, csrfToken)) throw new AppError('CSRF_TOKEN_INVALID', 403);
    }
    if (req.actor.totpEnrolmentRequired && !('signedIn' in access && access.enrolment)) {
      throw new AppError('TOTP_ENROLMENT_REQUIRED', 403);
    }
    if ('permission' in access) assertCan(req.actor, access.permission);
  };
}
