import { Ok } from '../../core/contracts.js';
import { IdParams } from '../../core/contracts.js';
import { actorOf } from '../../core/context.js';
import { permissionsOf } from '../../core/policy/policy.js';
import type { App } from '../../core/http/types.js';
import { getCompany } from '../company/company.service.js';
import { Me, UpdateProfileRequest } from '../users/users.contracts.js';
import { getOwnProfile, updateProfile } from '../users/users.service.js';
import {
  ApiTokenList,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  RecoveryCodesResponse,
  TotpCodeRequest,
  TotpSetupResponse,
} from './auth.contracts.js';
import {
  changePassword,
  createApiToken,
  disableTotp,
  enableTotp,
  listApiTokens,
  regenerateRecoveryCodes,
  revokeApiToken,
  startTotpSetup,
} from './credentials.service.js';

const tags = ['me'];
const enrolment = { signedIn: true, enrolment: true } as const;
const signedIn = { signedIn: true } as const;

export function registerMeRoutes(app: App) {
  app.get(
    '/api/me',
    { config: { access: enrolment }, schema: { tags, summary: 'The signed-in user', response: { 200: Me } } },
    async (req) => {
      const actor = actorOf(req.ctx);
      const [user, company] = await Promise.all([getOwnProfile(req.ctx), getCompany(req.ctx)]);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        department: user.department,
        locale: user.locale,
        manager: user.manager,
        totpEnabled: user.totpEnabled ?? false,
        totpEnrolmentRequired: actor.totpEnrolmentRequired,
        csrfToken: req.csrfToken,
        company: { name: company.name, currency: company.currency, timeZone: company.timeZone },
        permissions: permissionsOf(actor),
      };
    },
  );

  app.patch(
    '/api/me',
    {
      config: { access: enrolment },
      schema: { tags, summary: 'Change your name or language', body: UpdateProfileRequest, response: { 200: Ok } },
    },
    async (req) => {
      await updateProfile(req.ctx, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/password',
    { config: { access: signedIn }, schema: { tags, summary: 'Change your password', body: ChangePasswordRequest, response: { 200: Ok } } },
    async (req) => {
      await changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/totp/setup',
    {
      config: { access: enrolment },
      schema: { tags, summary: 'Start two-factor enrolment (QR code)', response: { 200: TotpSetupResponse } },
    },
    async (req) => startTotpSetup(req.ctx, 'Grove'),
  );
  app.post(
    '/api/me/totp/enable',
    {
      config: { access: enrolment },
      schema: {
        tags,
        summary: 'Confirm enrolment with a code; returns recovery codes',
        body: TotpCodeRequest,
        response: { 200: RecoveryCodesResponse },
      },
    },
    async (req) => ({ recoveryCodes: await enableTotp(req.ctx, req.body.code) }),
  );
  app.post(
    '/api/me/totp/disable',
    {
      config: { access: signedIn },
      schema: { tags, summary: 'Turn two-factor sign-in off', body: TotpCodeRequest, response: { 200: Ok } },
    },
    async (req) => {
      await disableTotp(req.ctx, req.body.code);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/me/totp/recovery-codes',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working)',
        body: TotpCodeRequest,
        response: { 200: RecoveryCodesResponse },
      },
    },
    async (req) => ({ recoveryCodes: await regenerateRecoveryCodes(req.ctx, req.body.code) }),
  );

  app.get(
    '/api/me/tokens',
    { config: { access: signedIn }, schema: { tags, summary: 'Your personal API tokens', response: { 200: ApiTokenList } } },
    async (req) => ({ items: await listApiTokens(req.ctx) }),
  );
  app.post(
    '/api/me/tokens',
    {
      config: { access: signedIn },
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: CreateApiTokenRequest,
        response: { 200: CreatedApiToken },
      },
    },
    async (req) => createApiToken(req.ctx, req.body),
  );
  app.delete(
    '/api/me/tokens/:id',
    { config: { access: signedIn }, schema: { tags, summary: 'Revoke a personal API token', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await revokeApiToken(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
