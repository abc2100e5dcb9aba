import { z } from 'zod';
import { Locale } from '../../core/contracts.js';

export const LoginRequest = z.strictObject({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
  locale: Locale.optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Answer of a sign-in step: either signed in, or a second factor is needed. */
export const LoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in') }),
  z.object({ status: z.literal('totp_required'), challenge: z.string() }),
]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TotpLoginRequest = z.strictObject({
  challenge: z.string().max(200),
  /** a 6-digit code from the authenticator app, or a recovery code */
  code: z.string().trim().max(64),
});

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const TotpCodeRequest = z.strictObject({ code: z.string().trim().max(64) });
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const AcceptInvitationRequest = z.strictObject({
  token: z.string().max(200),
  password: z.string().min(10).max(1024),
});
export const InvitationInfo = z.object({ email: z.string(), name: z.string() });

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiTokenRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
/** The secret is shown once, at creation. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export const ApiTokenList = z.object({ items: z.array(ApiToken) });

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().max(1024),
  newPassword: z.string().min(10).max(1024),
});
