import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser } from '../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records changes with before and after, sign-ins, failures and denials; an admin can filter it', async () => {
    const admin = await signedIn(t.app, await makeUser(t.database.db, { role: 'admin' }));
    const kamUser = await makeUser(t.database.db);
    await admin.patch(`/api/users/${kamUser.id}`, { name: 'Renamed KAM' });
    const kam = await signedIn(t.app, kamUser);
    await kam.get('/api/audit');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: kamUser.email, password: 'wrong password' } });

    const change = (await admin.get(`/api/audit?entity=user&entityId=${kamUser.id}&action=user.update`)).json();
    expect(change.items).toHaveLength(1);
    expect(change.items[0].before.name).toBe('Test kam');
    expect(change.items[0].after.name).toBe('Renamed KAM');
    expect(change.items[0].before).not.toHaveProperty('passwordHash');
    expect(change.items[0].actor.email).toMatch(/^admin-/);
    for (const action of ['auth.login', 'auth.login_failed', 'access.denied']) {
      expect(
        (await admin.get(`/api/audit?action=${action}&entityId=${action === 'access.denied' ? 'GET%20%2Fapi%2Faudit' : kamUser.id}`)).json()
          .total,
      ).toBeGreaterThan(0);
    }
  });

  it('is append-only for the application: UPDATE, DELETE and TRUNCATE fail', async () => {
    await signedIn(t.app, await makeUser(t.database.db));
    const before = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`);
    await expect(t.database.db.execute(sql`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const after = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('is append-only even for the owner role that ran the migrations (trigger)', async () => {
    const owner = new pg.Client({ connectionString: t.database.url });
    await owner.connect();
    try {
      await expect(owner.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('is not readable by anyone but an admin', async () => {
    const head = await signedIn(t.app, await makeUser(t.database.db, { role: 'head' }));
    expect((await head.get('/api/audit')).statusCode).toBe(403);
  });
});
