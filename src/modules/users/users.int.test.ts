import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser } from '../../../test/helpers/factories.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await makeUser(t.database.db, { role: 'admin' }));
});
afterAll(() => t.close());

describe('managing users', () => {
  it('creates a user with an invitation link that sets their password once', async () => {
    const res = await admin.post('/api/users', { email: 'New.Person@Example.test', name: 'New Person', role: 'kam', locale: 'ru' });
    expect(res.statusCode).toBe(200);
    const { user, invitationUrl } = res.json();
    expect(user).toMatchObject({ email: 'new.person@example.test', role: 'kam', locale: 'ru', disabled: false });
    const token = invitationUrl.split('/invite/')[1];
    const anon = new Session(t.app);
    expect((await anon.get(`/api/auth/invitations/${token}`)).json()).toEqual({ email: 'new.person@example.test', name: 'New Person' });
    expect((await anon.post('/api/auth/invitations/accept', { token, password: 'a fine new password' })).statusCode).toBe(200);
    expect((await anon.post('/api/auth/invitations/accept', { token, password: 'a second password' })).statusCode).toBe(404);
    const login = await anon.post('/api/auth/login', { email: 'new.person@example.test', password: 'a fine new password' });
    expect(login.json()).toEqual({ status: 'signed_in' });
  });

  it('refuses a duplicate e-mail with a clear code and stores nothing', async () => {
    const existing = await makeUser(t.database.db);
    const res = await admin.post('/api/users', { email: existing.email, name: 'Dup', role: 'kam' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('requires a department for department members and refuses it for others', async () => {
    expect((await admin.post('/api/users', { email: 'd1@example.test', name: 'D', role: 'department' })).json().error.code).toBe(
      'DEPARTMENT_REQUIRED',
    );
    expect(
      (await admin.post('/api/users', { email: 'd2@example.test', name: 'D', role: 'kam', department: 'finance' })).json().error.code,
    ).toBe('DEPARTMENT_NOT_ALLOWED');
    expect(
      (await admin.post('/api/users', { email: 'd3@example.test', name: 'D', role: 'department', department: 'finance' })).statusCode,
    ).toBe(200);
  });

  it('changes role and reporting line, and refuses a reporting cycle', async () => {
    const senior = await makeUser(t.database.db, { role: 'senior_kam' });
    const junior = await makeUser(t.database.db, { role: 'kam', managerId: senior.id });
    const res = await admin.patch(`/api/users/${junior.id}`, { role: 'senior_kam' });
    expect(res.json()).toMatchObject({ role: 'senior_kam', manager: { id: senior.id } });
    const cycle = await admin.patch(`/api/users/${senior.id}`, { managerId: junior.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('MANAGER_INVALID');
  });

  it('disabling a user ends their sessions at once', async () => {
    const victim = await makeUser(t.database.db);
    const theirs = await signedIn(t.app, victim);
    const token = await theirs.post('/api/me/tokens', { name: 'cron' });
    expect((await theirs.get('/api/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${victim.id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await theirs.get('/api/me')).statusCode).toBe(401);
    const viaToken = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token.json().token}` } });
    expect(viaToken.statusCode).toBe(401);
    expect(
      (await new Session(t.app).post('/api/auth/login', { email: victim.email, password: 'correct horse battery staple' })).statusCode,
    ).toBe(401);
  });

  it('keeps at least one active administrator and refuses to disable yourself', async () => {
    const me = (await admin.get('/api/me')).json();
    const self = await admin.patch(`/api/users/${me.id}`, { disabled: true });
    expect(self.json().error.code).toBe('CANNOT_CHANGE_SELF');
  });

  it('lists with search, filters, sort and pagination', async () => {
    await makeUser(t.database.db, { role: 'hr', name: 'Zoya Searchable' });
    const res = await admin.get('/api/users?q=searchable&role=hr&sort=name&order=desc&limit=5');
    expect(res.json().total).toBe(1);
    expect(res.json().items[0].name).toBe('Zoya Searchable');
    const page = await admin.get('/api/users?limit=2&offset=0');
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
  });
});

describe('who sees whom', () => {
  it('a senior KAM sees their reporting line; a KAM only themselves and their manager; others answer 404', async () => {
    const senior = await makeUser(t.database.db, { role: 'senior_kam' });
    const junior = await makeUser(t.database.db, { role: 'kam', managerId: senior.id });
    const juniorOfJunior = await makeUser(t.database.db, { role: 'kam', managerId: junior.id });
    const stranger = await makeUser(t.database.db, { role: 'kam' });
    const s = await signedIn(t.app, senior);
    expect((await s.get(`/api/users/${junior.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/users/${juniorOfJunior.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/users/${stranger.id}`)).statusCode).toBe(404);
    const listed = (await s.get('/api/users?limit=100')).json();
    expect(listed.items.map((u: { id: string }) => u.id).sort()).toEqual([senior.id, junior.id, juniorOfJunior.id].sort());
    const k = await signedIn(t.app, junior);
    expect((await k.get(`/api/users/${senior.id}`)).statusCode).toBe(200);
    expect((await k.get(`/api/users/${stranger.id}`)).statusCode).toBe(404);
  });

  it('hides admin-only fields and refuses sorting by them', async () => {
    const k = await signedIn(t.app, await makeUser(t.database.db));
    const list = (await k.get('/api/users')).json();
    expect(list.items[0]).not.toHaveProperty('lastSignInAt');
    const sorted = await k.get('/api/users?sort=lastSignInAt');
    expect(sorted.statusCode).toBe(403);
    expect(sorted.json().error.code).toBe('FIELD_FORBIDDEN');
  });
});
