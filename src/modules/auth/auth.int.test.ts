import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser, PASSWORD, totpCode } from '../../../test/helpers/factories.js';
import { ACCOUNT_LIMIT } from './throttle.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const user = await makeUser(t.database.db);
    const wrong = await new Session(t.app).post('/api/auth/login', { email: user.email, password: 'not the password' });
    const unknown = await new Session(t.app).post('/api/auth/login', { email: 'nobody@example.test', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('sets an httpOnly SameSite session cookie, a new id at every sign-in, and /api/me answers the user', async () => {
    const user = await makeUser(t.database.db, { locale: 'ru' });
    const a = new Session(t.app);
    const res = await a.post('/api/auth/login', { email: user.email.toUpperCase(), password: PASSWORD });
    expect(res.json()).toEqual({ status: 'signed_in' });
    const cookie = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find((c) => c.name === 'grove_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const first = a.cookies.grove_session;
    await a.post('/api/auth/login', { email: user.email, password: PASSWORD });
    expect(a.cookies.grove_session).not.toBe(first);
    const me = await a.get('/api/me');
    expect(me.json()).toMatchObject({ email: user.email, role: 'kam', locale: 'ru', name: 'Test kam' });
  });

  it('persists the language chosen at sign-in', async () => {
    const user = await makeUser(t.database.db, { locale: 'en' });
    const s = new Session(t.app);
    await s.post('/api/auth/login', { email: user.email, password: PASSWORD, locale: 'ru' });
    expect((await s.get('/api/me')).json().locale).toBe('ru');
    const err = await s.get('/api/users/00000000-0000-4000-8000-000000000000');
    expect(err.json().error.message).toBe('Не найдено.');
  });

  it('ends the session at sign-out', async () => {
    const s = await signedIn(t.app, await makeUser(t.database.db));
    const token = s.cookies.grove_session;
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { grove_session: token ?? '' } });
    expect(replay.statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const s = await signedIn(t.app, await makeUser(t.database.db));
    const res = await s.patch('/api/me', { locale: 'ru' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    s.csrf = null;
    expect((await s.patch('/api/me', { locale: 'ru' })).statusCode).toBe(403);
  });

  it('ends sessions after the idle time-out', async () => {
    const s = await signedIn(t.app, await makeUser(t.database.db));
    await t.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '13 hours'`);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });

  it('ends sessions after the absolute time-out even when active', async () => {
    const s = await signedIn(t.app, await makeUser(t.database.db));
    await t.database.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await s.get('/api/me')).statusCode).toBe(401);
  });
});

describe('throttling', () => {
  it(`refuses the ${ACCOUNT_LIMIT + 1}th attempt after ${ACCOUNT_LIMIT} failures, even with the right password`, async () => {
    const user = await makeUser(t.database.db);
    const attacker = new Session(t.app);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect((await attacker.post('/api/auth/login', { email: user.email, password: `guess ${i}` })).statusCode).toBe(401);
    }
    const blocked = await attacker.post('/api/auth/login', { email: user.email, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('LOGIN_THROTTLED');
  });

  it('lets the owner in from a browser that signed in before, while an attacker is locked out', async () => {
    const user = await makeUser(t.database.db);
    const owner = new Session(t.app);
    await owner.signIn(user);
    await owner.post('/api/auth/logout');
    expect(owner.cookies.grove_device).toBeTruthy();
    const attacker = new Session(t.app);
    for (let i = 0; i <= ACCOUNT_LIMIT; i++) await attacker.post('/api/auth/login', { email: user.email, password: `guess ${i}` });
    expect((await attacker.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode).toBe(429);
    expect((await owner.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('forgets failures after the 15-minute window, so no lock lasts forever', async () => {
    const user = await makeUser(t.database.db);
    const s = new Session(t.app);
    for (let i = 0; i < ACCOUNT_LIMIT; i++) await s.post('/api/auth/login', { email: user.email, password: 'wrong password' });
    expect((await s.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode).toBe(429);
    await t.database.db.execute(sql`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE email = ${user.email}`);
    expect((await s.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode).toBe(200);
  });
});

describe('two-factor sign-in', () => {
  it('asks for the second factor and accepts a code, then a recovery code once', async () => {
    const user = await makeUser(t.database.db, { role: 'kam', totp: false });
    const s = await signedIn(t.app, user);
    const setup = (await s.post('/api/me/totp/setup')).json();
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(setup.otpauthUrl).toContain('otpauth://totp/');
    expect((await s.post('/api/me/totp/enable', { code: '000000' })).statusCode).toBe(400);
    const enabled = await s.post('/api/me/totp/enable', { code: totpCode(setup.secret) });
    const { recoveryCodes } = enabled.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    const fresh = new Session(t.app);
    const step1 = (await fresh.post('/api/auth/login', { email: user.email, password: PASSWORD })).json();
    expect(step1.status).toBe('totp_required');
    expect((await fresh.get('/api/me')).statusCode).toBe(401);
    expect((await fresh.post('/api/auth/login/totp', { challenge: step1.challenge, code: totpCode(setup.secret) })).json()).toEqual({
      status: 'signed_in',
    });

    const other = new Session(t.app);
    const c2 = (await other.post('/api/auth/login', { email: user.email, password: PASSWORD })).json().challenge;
    expect((await other.post('/api/auth/login/totp', { challenge: c2, code: recoveryCodes[0] })).statusCode).toBe(200);
    const third = new Session(t.app);
    const c3 = (await third.post('/api/auth/login', { email: user.email, password: PASSWORD })).json().challenge;
    expect((await third.post('/api/auth/login/totp', { challenge: c3, code: recoveryCodes[0] })).statusCode).toBe(401);
  });

  it('expires a challenge after five wrong codes', async () => {
    const user = await makeUser(t.database.db, { totp: true });
    const s = new Session(t.app);
    const { challenge } = (await s.post('/api/auth/login', { email: user.email, password: PASSWORD })).json();
    for (let i = 0; i < 5; i++) await s.post('/api/auth/login/totp', { challenge, code: '000000' });
    const res = await s.post('/api/auth/login/totp', { challenge, code: totpCode(user.totpSecret ?? '') });
    expect(res.json().error.code).toBe('CHALLENGE_EXPIRED');
  });

  it('requires admins, heads and HR to enrol before anything else', async () => {
    const admin = await makeUser(t.database.db, { role: 'admin', totp: false });
    const s = await signedIn(t.app, admin);
    expect((await s.get('/api/me')).json().totpEnrolmentRequired).toBe(true);
    const blocked = await s.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    const { secret } = (await s.post('/api/me/totp/setup')).json();
    await s.post('/api/me/totp/enable', { code: totpCode(secret) });
    expect((await s.get('/api/users')).statusCode).toBe(200);
    expect((await s.post('/api/me/totp/disable', { code: totpCode(secret) })).json().error.code).toBe('TOTP_REQUIRED_FOR_ROLE');
  });
});

describe('personal API tokens', () => {
  it('authenticates with a bearer token until it is revoked; only the hash is stored', async () => {
    const user = await makeUser(t.database.db);
    const s = await signedIn(t.app, user);
    const created = (await s.post('/api/me/tokens', { name: 'script' })).json();
    expect(created.token).toMatch(/^grv_/);
    const stored = await t.database.db.execute(sql`SELECT token_hash FROM api_tokens WHERE id = ${created.id}`);
    expect(JSON.stringify(stored.rows)).not.toContain(created.token);
    const viaToken = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${created.token}` } });
    expect(viaToken.json().email).toBe(user.email);
    // no CSRF for token-authenticated writes
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { authorization: `Bearer ${created.token}` },
      payload: { locale: 'ru' },
    });
    expect(write.statusCode).toBe(200);
    expect((await s.get('/api/me/tokens')).json().items).toHaveLength(1);
    await s.delete(`/api/me/tokens/${created.id}`);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${created.token}` } });
    expect(after.statusCode).toBe(401);
  });
});

describe('per-IP limit', () => {
  it('refuses more than the configured sign-in requests per minute from one address', async () => {
    const s = new Session(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 32; i++)
      codes.push((await s.post('/api/auth/login', { email: `x${i}@example.test`, password: 'whatever it is' })).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
