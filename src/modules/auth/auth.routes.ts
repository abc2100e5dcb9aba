import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Ok } from '../../core/contracts.js';
import { clearSessionCookie, DEVICE_COOKIE, setDeviceCookie, setSessionCookie } from '../../core/http/cookies.js';
import type { App, AppDeps } from '../../core/http/types.js';
import { recordAudit } from '../../core/audit/audit.service.js';
import { AcceptInvitationRequest, InvitationInfo, LoginRequest, LoginResponse, TotpLoginRequest } from './auth.contracts.js';
import { type SignInResult, signIn, signInWithTotp } from './auth.service.js';
import { acceptInvitation, describeInvitation } from './credentials.service.js';
import { endSession } from './sessions.js';

const tags = ['auth'];

export function registerAuthRoutes(app: App, deps: AppDeps) {
  /** Per-IP limit on the sign-in endpoints, on top of the per-account throttle in the database. */
  const signInRateLimit = { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' };
  const timeouts = { idleMs: deps.config.sessionIdleMs, maxMs: deps.config.sessionMaxMs };
  const meta = (req: FastifyRequest) => ({
    userAgent: req.headers['user-agent'] ?? null,
    deviceToken: req.cookies[DEVICE_COOKIE] ?? null,
    timeouts,
  });
  const answer = (req: FastifyRequest, reply: FastifyReply, result: SignInResult) => {
    if (result.session) setSessionCookie(req, reply, result.session.token, result.session.expiresAt);
    if (result.deviceToken) setDeviceCookie(req, reply, result.deviceToken);
    return result.response;
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true }, rateLimit: signInRateLimit },
      schema: { tags, summary: 'Sign in with e-mail and password', body: LoginRequest, response: { 200: LoginResponse } },
    },
    async (req, reply) => answer(req, reply, await signIn(req.ctx, req.body, meta(req))),
  );

  app.post(
    '/api/auth/login/totp',
    {
      config: { access: { public: true }, rateLimit: signInRateLimit },
      schema: {
        tags,
        summary: 'Second sign-in step: authenticator code or recovery code',
        body: TotpLoginRequest,
        response: { 200: LoginResponse },
      },
    },
    async (req, reply) => answer(req, reply, await signInWithTotp(req.ctx, req.body, meta(req))),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { signedIn: true, enrolment: true } },
      schema: { tags, summary: 'Sign out (ends this session)', response: { 200: Ok } },
    },
    async (req, reply) => {
      if (req.sessionToken) await endSession(deps.database.db, req.sessionToken);
      await recordAudit(req.ctx, { action: 'auth.logout', entity: 'user', entityId: req.actor?.userId });
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/invitations/:token',
    {
      config: { access: { public: true }, rateLimit: signInRateLimit },
      schema: {
        tags,
        summary: 'Who an invitation link is for',
        params: z.strictObject({ token: z.string().max(200) }),
        response: { 200: InvitationInfo },
      },
    },
    async (req) => describeInvitation(req.ctx, req.params.token),
  );

  app.post(
    '/api/auth/invitations/accept',
    {
      config: { access: { public: true }, rateLimit: signInRateLimit },
      schema: { tags, summary: 'Set a password with an invitation link', body: AcceptInvitationRequest, response: { 200: Ok } },
    },
    async (req) => {
      await acceptInvitation(req.ctx, req.body.token, req.body.password);
      return { ok: true as const };
    },
  );
}
