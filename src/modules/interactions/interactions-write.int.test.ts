import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeContact, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import type { InteractionDetail } from './interaction-write.contracts.js';

let t: TestApp;
let kam: TestUser;
let other: TestUser;
let senior: TestUser;
let account: { id: string };
let otherAccount: { id: string };
let buyer: { id: string };
let kamS: Session;

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  senior = await makeUser(db, { role: 'senior_kam' });
  kam = await makeUser(db, { role: 'kam', managerId: senior.id });
  other = await makeUser(db, { role: 'kam' });
  account = await makeAccount(db, { ownerId: kam.id, tier: 'key', name: 'Vega Retail' });
  otherAccount = await makeAccount(db, { ownerId: other.id });
  buyer = await makeContact(db, { accountId: account.id, fullName: 'Ivan Petrov', patch: { buyingRole: 'decision_maker' } });
  kamS = await signedIn(t.app, kam);
});
afterAll(() => t.close());

async function ok<T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>): Promise<T> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('logging interactions (C1, C4)', () => {
  it('logs a visit with its participants, outcome and next step, which becomes a task and a planned call', async () => {
    const done = await ok<InteractionDetail>(
      kamS.post('/api/interactions', {
        accountId: account.id,
        type: 'visit',
        status: 'done',
        occurredAt: iso(Date.now() - 2 * HOUR),
        contactIds: [buyer.id],
        subject: 'Quarterly review',
        outcome: 'Agreed a pilot of the new range',
        nextStep: 'Send the pilot proposal',
        checklistKind: 'merchandising',
        checklist: [{ item: 'Planogram followed', done: true }],
        nextTask: { title: 'Send the pilot proposal', priority: 'high' },
        nextInteraction: { type: 'call', occurredAt: iso(Date.now() + 48 * HOUR) },
      }),
    );
    expect(done).toMatchObject({
      status: 'done',
      origin: 'off_plan',
      durationMinutes: 60,
      checklistKind: 'merchandising',
      canEdit: true,
      contacts: [{ id: buyer.id, fullName: 'Ivan Petrov', buyingRole: 'decision_maker' }],
    });
    const db = t.database.db;
    const { rows: tasks } = await db.execute<{ title: string; assignee_id: string }>(
      sql`SELECT title, assignee_id FROM tasks WHERE account_id = ${account.id}`,
    );
    expect(tasks).toEqual([{ title: 'Send the pilot proposal', assignee_id: kam.id }]);
    const { rows: planned } = await db.execute<{ type: string; origin: string; subject: string }>(
      sql`SELECT type, origin, subject FROM interactions WHERE account_id = ${account.id} AND status = 'planned'`,
    );
    expect(planned).toEqual([{ type: 'call', origin: 'plan', subject: 'Send the pilot proposal' }]);
    const { rows: events } = await db.execute<{ kind: string; outcome: string }>(
      sql`SELECT kind, data->>'outcome' AS outcome FROM account_events WHERE account_id = ${account.id} AND kind LIKE 'interaction.%'`,
    );
    expect(events).toEqual([{ kind: 'interaction.logged', outcome: 'Agreed a pilot of the new range' }]);
  });

  it('counts a logged meeting in the KPI meetings and a call in the calls', async () => {
    const s = await signedIn(t.app, kam);
    // a range around today wide enough for any company time zone
    const range = `from=${iso(Date.now() - 40 * 24 * HOUR).slice(0, 10)}&to=${iso(Date.now() + 2 * 24 * HOUR).slice(0, 10)}`;
    const before = await ok<{ managers: { meetings: number; calls: number }[] }>(s.get(`/api/kpi?${range}`));
    await ok(
      s.post('/api/interactions', {
        accountId: account.id,
        type: 'call',
        status: 'done',
        occurredAt: iso(Date.now() - 60_000),
        outcome: 'ok',
      }),
    );
    await ok(s.post('/api/interactions', { accountId: account.id, type: 'meeting', status: 'done', occurredAt: iso(Date.now() - 60_000) }));
    // a planned one does not count until it is done
    await ok(
      s.post('/api/interactions', { accountId: account.id, type: 'meeting', status: 'planned', occurredAt: iso(Date.now() - 60_000) }),
    );
    const after = await ok<{ managers: { meetings: number; calls: number }[] }>(s.get(`/api/kpi?${range}`));
    expect(after.managers[0]!.calls).toBe(before.managers[0]!.calls + 1);
    expect(after.managers[0]!.meetings).toBe(before.managers[0]!.meetings + 1);
  });

  it('refuses a participant of another account, a checklist that does not fit, a done item in the future, and another’s account', async () => {
    const other = await makeContact(t.database.db, { accountId: otherAccount.id });
    const base = { accountId: account.id, type: 'visit', status: 'done', occurredAt: iso(Date.now() - HOUR) };
    const cases: [object, number, string][] = [
      [{ ...base, contactIds: [other.id] }, 422, 'INTERACTION_CONTACT_NOT_ON_ACCOUNT'],
      [{ ...base, type: 'call', checklistKind: 'merchandising' }, 422, 'INTERACTION_CHECKLIST_MISMATCH'],
      [{ ...base, occurredAt: iso(Date.now() + 5 * HOUR) }, 422, 'INTERACTION_DONE_IN_FUTURE'],
      [{ ...base, accountId: otherAccount.id }, 404, 'NOT_FOUND'],
      [{ ...base, userId: other.id }, 403, 'INTERACTION_OWNER_NOT_ALLOWED'],
    ];
    const { rows: before } = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM interactions`);
    for (const [body, status, code] of cases) {
      const res = await kamS.post('/api/interactions', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const { rows: after } = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM interactions`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('planned items: done, moved, cancelled (C2)', () => {
  const plan = (hours: number, type = 'visit') =>
    ok<InteractionDetail>(
      kamS.post('/api/interactions', { accountId: account.id, type, status: 'planned', occurredAt: iso(Date.now() + hours * HOUR) }),
    );

  it('moves a planned visit keeping where it was first planned, then completes it with an outcome', async () => {
    const item = await plan(24);
    const moved = await ok<InteractionDetail>(
      kamS.post(`/api/interactions/${item.id}/move`, { occurredAt: iso(Date.now() - HOUR), reason: 'Client asked for today' }),
    );
    expect(moved.plannedFor).toBe(item.plannedFor);
    expect(moved.moves).toMatchObject([{ fromAt: item.occurredAt, reason: 'Client asked for today', movedBy: { id: kam.id } }]);
    const bad = await kamS.post(`/api/interactions/${item.id}/complete`, { outcome: '' });
    expect(bad.statusCode).toBe(400);
    const done = await ok<InteractionDetail>(
      kamS.post(`/api/interactions/${item.id}/complete`, { outcome: 'Signed the order', contactIds: [buyer.id] }),
    );
    expect(done).toMatchObject({ status: 'done', origin: 'plan', outcome: 'Signed the order' });
    expect(done.completedAt).not.toBeNull();
    const again = await kamS.post(`/api/interactions/${item.id}/move`, { occurredAt: iso(Date.now()) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INTERACTION_NOT_PLANNED');
  });

  it('cancels with a reason, deletes only before its time, and lets only the owner change it', async () => {
    const item = await plan(3);
    const s = await signedIn(t.app, senior);
    // the senior sees the junior's plan but may not change it
    expect((await s.get(`/api/interactions/${item.id}`)).statusCode).toBe(200);
    expect((await s.post(`/api/interactions/${item.id}/cancel`, { reason: 'no' })).statusCode).toBe(403);
    expect((await (await signedIn(t.app, other)).get(`/api/interactions/${item.id}`)).statusCode).toBe(404);
    expect((await kamS.post(`/api/interactions/${item.id}/cancel`, {})).statusCode).toBe(400);
    const cancelled = await ok<InteractionDetail>(
      kamS.post(`/api/interactions/${item.id}/cancel`, { reason: 'Client closed for stock-take' }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Client closed for stock-take' });

    const ahead = await plan(30, 'call');
    expect((await kamS.delete(`/api/interactions/${ahead.id}`)).statusCode).toBe(200);
    expect((await kamS.get(`/api/interactions/${ahead.id}`)).statusCode).toBe(404);
    const past = await ok<InteractionDetail>(
      kamS.post('/api/interactions', { accountId: account.id, type: 'call', status: 'planned', occurredAt: iso(Date.now() - HOUR) }),
    );
    const refused = await kamS.delete(`/api/interactions/${past.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('INTERACTION_PAST_DUE');
  });
});
