import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { randomToken } from './secrets.js';

const totpFor = (secret: string, label = 'Grove', issuer = 'Grove') =>
  new OTPAuth.TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export async function totpEnrolment(secret: string, email: string, issuer: string) {
  const otpauthUrl = totpFor(secret, email, issuer).toString();
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

/** Accepts the current code and one period either side (clock drift). */
export function checkTotp(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secret).validate({ token: code, window: 1 }) !== null;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomToken(8).replace(/[-_]/g, 'x').slice(0, 10).toLowerCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/\s/g, '');
