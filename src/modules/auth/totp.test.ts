import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { checkTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from './totp.js';

describe('TOTP', () => {
  it('accepts the current code and refuses others', () => {
    const secret = newTotpSecret();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    expect(checkTotp(secret, totp.generate())).toBe(true);
    expect(checkTotp(secret, totp.generate({ timestamp: Date.now() - 5 * 60_000 }))).toBe(false);
    expect(checkTotp(secret, 'abcdef')).toBe(false);
    expect(checkTotp(secret, '')).toBe(false);
  });

  it('makes ten distinct recovery codes that survive retyping', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z0-9x]{5}-[a-z0-9x]{5}$/);
      expect(normaliseRecoveryCode(` ${c.toUpperCase()} `)).toBe(c);
    }
  });
});
