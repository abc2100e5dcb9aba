import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import type { RequestDetail, RequestList } from './requests.contracts.js';
import { runRequestEscalations } from './requests.escalation.js';

let t: TestApp;
let head: TestUser;
let senior: TestUser;
let kam: TestUser;
let otherKam: TestUser;
let logistics: TestUser;
let logistics2: TestUser;
let marketing: TestUser;
let hr: TestUser;
let support: TestUser;
let account: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  head = await makeUser(db, { role: 'head', name: 'Hanna Head' });
  senior = await makeUser(db, { role: 'senior_kam', managerId: head.id, name: 'Sergei Senior' });
  kam = await makeUser(db, { role: 'kam', managerId: senior.id, name: 'Kira Kam' });
  otherKam = await makeUser(db, { role: 'kam', name: 'Oleg Other' });
  logistics = await makeUser(db, { role: 'department', department: 'logistics', name: 'Lev Logistics' });
  logistics2 = await makeUser(db, { role: 'department', department: 'logistics', name: 'Lena Logistics' });
  marketing = await makeUser(db, { role: 'department', department: 'marketing', name: 'Masha Marketing' });
  hr = await makeUser(db, { role: 'hr' });
  support = await makeUser(db, { role: 'sales_support' });
  account = await makeAccount(db, {
    ownerId: kam.id,
    name: 'Acme Foods',
    tier: 'key',
    patch: { creditLimit: '5000000.00', legalName: 'Acme Foods LLC' },
  });
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

type Res = { statusCode: number; body: string; json: () => unknown };
const ok = async <T>(p: Promise<Res>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const fails = async (p: Promise<Res>, status: number, code: string) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  expect((res.json() as { error: { code: string } }).error.code).toBe(code);
};
const raise = (s: Session, patch: Record<string, unknown> = {}) =>
  ok<RequestDetail>(
    s.post('/api/requests', {
      accountId: account.id,
      department: 'logistics',
      type: 'urgent_delivery',
      title: 'Urgent delivery to the Kazan DC',
      description: 'Two pallets before the promo starts',
      ...patch,
    }),
  );
const notificationsOf = async (userId: string, kind: string) => {
  const { rows } = await t.database.db.execute<{ payload: Record<string, unknown> }>(
    sql`SELECT payload FROM notifications WHERE user_id = ${userId} AND kind = ${kind} ORDER BY created_at`,
  );
  return rows.map((r) => r.payload);
};

describe('requests to departments (D2)', () => {
  it('a KAM raises a request; only logistics sees it in its queue, with the account’s basic data only', async () => {
    const k = await signedIn(t.app, kam);
    const req = await raise(k);
    expect(req).toMatchObject({
      status: 'new',
      department: 'logistics',
      requestedBy: { id: kam.id },
      assignee: null,
      account: { id: account.id, name: 'Acme Foods', tier: 'key', owner: { id: kam.id, name: 'Kira Kam' } },
      slaMinutes: expect.any(Number),
      can: { edit: true, work: false, cancel: true },
    });
    expect(req.reference).toMatch(/^R-\d{6}$/);
    expect(req.dueAt).not.toBeNull();
    expect(req.events.map((e) => e.kind)).toEqual(['raised']);
    // the account's timeline records it
    const { rows: timeline } = await t.database.db.execute<{ kind: string }>(
      sql`SELECT kind FROM account_events WHERE account_id = ${account.id} AND kind LIKE 'request.%'`,
    );
    expect(timeline.map((e) => e.kind)).toContain('request.raised');

    const l = await signedIn(t.app, logistics);
    const queue = await ok<RequestList>(l.get('/api/requests'));
    expect(queue.view).toBe('queue');
    expect(queue.items.map((x) => x.id)).toContain(req.id);
    const seen = await ok<RequestDetail>(l.get(`/api/requests/${req.id}`));
    // the department sees the account's name, tier and owner, and nothing commercial
    expect(Object.keys(seen.account).sort()).toEqual(['id', 'name', 'owner', 'tier']);
    expect(JSON.stringify(seen)).not.toContain('5000000');
    expect(JSON.stringify(seen)).not.toContain('Acme Foods LLC');
    expect(seen.can).toMatchObject({ work: true, edit: false, cancel: false });
    // … and the account itself stays closed to them
    expect((await l.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);

    // another department, another KAM, sales support and HR: the request does not exist
    for (const who of [marketing, otherKam, support, hr]) {
      const s = await signedIn(t.app, who);
      expect((await s.get(`/api/requests/${req.id}`)).statusCode, who.role).toBe(404);
      const list = await ok<RequestList>(s.get('/api/requests'));
      expect(list.items.map((x) => x.id)).not.toContain(req.id);
    }
    // the senior sees their line's, the head everything
    const sn = await signedIn(t.app, senior);
    expect((await ok<RequestList>(sn.get('/api/requests?view=line'))).items.map((x) => x.id)).toContain(req.id);
    const h = await signedIn(t.app, head);
    const all = await ok<RequestList>(h.get('/api/requests?view=all&department=logistics&status=open'));
    expect(all.items.map((x) => x.id)).toContain(req.id);
    expect(all.total).toBeGreaterThanOrEqual(1);
  });

  it('the department takes and completes a request; every change tells the requester', async () => {
    const k = await signedIn(t.app, kam);
    const l = await signedIn(t.app, logistics);
    const req = await raise(k, { title: 'Returns pickup', type: 'returns_pickup' });
    // the requester may edit while it is new
    const edited = await ok<RequestDetail>(k.patch(`/api/requests/${req.id}`, { title: 'Returns pickup, 3 pallets' }));
    expect(edited.title).toBe('Returns pickup, 3 pallets');

    const taken = await ok<RequestDetail>(l.post(`/api/requests/${req.id}/assign`, {}));
    expect(taken).toMatchObject({ status: 'in_progress', assignee: { id: logistics.id } });
    await fails(k.patch(`/api/requests/${req.id}`, { title: 'Too late' }), 409, 'REQUEST_NOT_EDITABLE');

    await ok(l.post(`/api/requests/${req.id}/comments`, { body: 'Truck booked for Tuesday' }));
    await ok(l.post(`/api/requests/${req.id}/status`, { status: 'waiting' }));
    const done = await ok<RequestDetail>(l.post(`/api/requests/${req.id}/status`, { status: 'done' }));
    expect(done.status).toBe('done');
    expect(done.doneAt).not.toBeNull();
    expect(done.events.map((e) => e.kind)).toEqual(['raised', 'edited', 'assigned', 'status', 'comment', 'status', 'status']);

    const told = (await notificationsOf(kam.id, 'request_status')).filter((p) => p.requestId === req.id);
    expect(told.map((p) => p.status)).toEqual(['in_progress', 'waiting', 'done']);
    expect(told[2]).toMatchObject({ by: 'Lev Logistics', account: 'Acme Foods' });

    const { rows: timeline } = await t.database.db.execute<{ kind: string; data: { requestId: string } }>(
      sql`SELECT kind, data FROM account_events WHERE account_id = ${account.id} AND kind = 'request.done'`,
    );
    expect(timeline.map((e) => e.data.requestId)).toContain(req.id);
    const { rows: audit } = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${req.id} ORDER BY at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'request.create',
      'request.update',
      'request.assign',
      'request.comment',
      'request.status',
      'request.status',
    ]);
    // final is final
    await fails(l.post(`/api/requests/${req.id}/status`, { status: 'in_progress' }), 409, 'REQUEST_CLOSED');
  });

  it('refuses what is not theirs to do with a code', async () => {
    const k = await signedIn(t.app, kam);
    const l = await signedIn(t.app, logistics);
    const h = await signedIn(t.app, head);
    const req = await raise(k);
    await fails(k.post(`/api/requests/${req.id}/status`, { status: 'done' }), 403, 'REQUEST_DEPARTMENT_ONLY');
    await fails(h.post(`/api/requests/${req.id}/assign`, {}), 403, 'REQUEST_DEPARTMENT_ONLY');
    await fails(l.post(`/api/requests/${req.id}/status`, { status: 'cancelled' }), 403, 'REQUEST_CANCEL_REQUESTER_ONLY');
    await fails(l.post(`/api/requests/${req.id}/status`, { status: 'rejected' }), 422, 'REQUEST_REASON_REQUIRED');
    await fails(l.post(`/api/requests/${req.id}/assign`, { assigneeId: marketing.id }), 422, 'REQUEST_ASSIGNEE_INVALID');
    const passed = await ok<RequestDetail>(l.post(`/api/requests/${req.id}/assign`, { assigneeId: logistics2.id }));
    expect(passed.assignee?.id).toBe(logistics2.id);
    const rejected = await ok<RequestDetail>(
      l.post(`/api/requests/${req.id}/status`, { status: 'rejected', reason: 'No trucks this week' }),
    );
    expect(rejected.status).toBe('rejected');
    const told = (await notificationsOf(kam.id, 'request_status')).filter((p) => p.requestId === req.id);
    expect(told.at(-1)).toMatchObject({ status: 'rejected', reason: 'No trucks this week' });
    // the requester cancels their own open request
    const other = await raise(k);
    expect((await ok<RequestDetail>(k.post(`/api/requests/${other.id}/status`, { status: 'cancelled' }))).status).toBe('cancelled');
  });

  it('answers bad input with 4xx and a stable code', async () => {
    const k = await signedIn(t.app, kam);
    const o = await signedIn(t.app, otherKam);
    const l = await signedIn(t.app, logistics);
    await fails(
      k.post('/api/requests', { accountId: account.id, department: 'logistics', type: 'packaging', title: 'x' }),
      422,
      'REQUEST_TYPE_INVALID',
    );
    await fails(
      k.post('/api/requests', { accountId: account.id, department: 'logistics', type: 'other', title: 'x', dueDate: '2020-01-01' }),
      422,
      'REQUEST_DUE_DATE_PAST',
    );
    await fails(
      k.post('/api/requests', { accountId: account.id, department: 'sales', type: 'other', title: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    await fails(
      k.post('/api/requests', { accountId: account.id, department: 'logistics', type: 'other', title: '  ' }),
      400,
      'VALIDATION_FAILED',
    );
    await fails(k.get('/api/requests?status=bogus'), 400, 'VALIDATION_FAILED');
    // an account the KAM does not see in full: 404; a department member may not raise
    await fails(o.post('/api/requests', { accountId: account.id, department: 'logistics', type: 'other', title: 'x' }), 404, 'NOT_FOUND');
    await fails(l.post('/api/requests', { accountId: account.id, department: 'logistics', type: 'other', title: 'x' }), 403, 'FORBIDDEN');
    await fails(k.get('/api/requests?view=queue'), 403, 'REQUEST_NO_QUEUE');
    await fails(k.put('/api/requests/sla', { items: [{ department: 'logistics', amount: 4, unit: 'hours' }] }), 403, 'FORBIDDEN');
    const h = await signedIn(t.app, head);
    await fails(
      h.put('/api/requests/sla', {
        items: [
          { department: 'logistics', amount: 4, unit: 'hours' },
          { department: 'logistics', amount: 5, unit: 'hours' },
        ],
      }),
      422,
      'REQUEST_SLA_DUPLICATE',
    );
    await fails(h.put('/api/requests/sla', { items: [{ department: 'logistics', amount: 0, unit: 'hours' }] }), 400, 'VALIDATION_FAILED');
  });

  it('counts the SLA in business time: a Friday request skips the weekend and the holiday after it', async () => {
    const h = await signedIn(t.app, head);
    const k = await signedIn(t.app, kam);
    await ok(h.put('/api/requests/sla', { items: [{ department: 'logistics', amount: 4, unit: 'hours' }] }));
    try {
      // Friday 6 March 2026, 16:00 in Moscow; Monday 9 March is a public holiday (Women's Day moved)
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-06T13:00:00Z') });
      const req = await raise(k);
      vi.useRealTimers();
      expect(req.slaMinutes).toBe(240);
      // two hours on Friday (to 18:00), then Tuesday 09:00 + 2 h = 11:00 Moscow
      expect(req.dueAt).toBe('2026-03-10T08:00:00.000Z');
    } finally {
      vi.useRealTimers();
      await ok(h.put('/api/requests/sla', { items: [{ department: 'logistics', amount: 3, unit: 'business_days' }] }));
    }
    const sla = await ok<{ items: { department: string; amount: number; unit: string }[] }>(k.get('/api/requests/sla'));
    expect(sla.items.find((x) => x.department === 'logistics')).toEqual({ department: 'logistics', amount: 3, unit: 'business_days' });
  });

  it('a due date earlier than the SLA wins: the deadline is the end of that day in the company time zone', async () => {
    const k = await signedIn(t.app, kam);
    const { rows } = await t.database.db.execute<{ today: string }>(sql`SELECT (now() AT TIME ZONE 'Europe/Moscow')::date::text AS today`);
    const today = rows[0]?.today as string;
    const req = await raise(k, { dueDate: today });
    const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(req.dueAt).toBe(new Date(`${next}T00:00:00+03:00`).toISOString());
  });

  it('escalates exactly once even when two runs race: warns the department, then tells the requester, senior and head', async () => {
    const k = await signedIn(t.app, kam);
    const req = await raise(k, { title: 'Escalate me' });
    const db = t.database.db;
    // the other tests' requests are closed, so the counts below are this request's
    await db.execute(sql`UPDATE department_requests SET status = 'cancelled' WHERE id <> ${req.id}`);
    // raised 3 days ago with a deadline one hour from now: past 75 % of its time
    const now = new Date();
    await db.execute(sql`UPDATE department_requests SET created_at = now() - interval '3 days', due_at = now() + interval '1 hour'
      WHERE id = ${req.id}`);
    const [a, b] = await Promise.all([runRequestEscalations(db, now), runRequestEscalations(db, now)]);
    expect(a.warned + b.warned).toBe(1);
    const warnings = async (u: string) => (await notificationsOf(u, 'request_overdue')).filter((p) => p.requestId === req.id);
    // nobody has taken it: both logistics members are warned, marketing is not
    expect((await warnings(logistics.id)).map((p) => p.stage)).toEqual(['warning']);
    expect((await warnings(logistics2.id)).map((p) => p.stage)).toEqual(['warning']);
    expect(await warnings(marketing.id)).toEqual([]);

    // now past its deadline
    await db.execute(sql`UPDATE department_requests SET due_at = now() - interval '1 minute' WHERE id = ${req.id}`);
    const later = new Date();
    const runs = await Promise.all([runRequestEscalations(db, later), runRequestEscalations(db, later), runRequestEscalations(db, later)]);
    expect(runs.reduce((n, r) => n + r.breached, 0)).toBe(1);
    for (const u of [kam, senior, head])
      expect(
        (await warnings(u.id)).map((p) => p.stage),
        u.role,
      ).toEqual(['breached']);
    expect(await warnings(otherKam.id)).toEqual([]);
    // and never again
    const again = await runRequestEscalations(db, new Date());
    expect(again.breached).toBe(0);
    const detail = await ok<RequestDetail>(k.get(`/api/requests/${req.id}`));
    expect(detail.breachedAt).not.toBeNull();
    expect(detail.overdue).toBe(true);
    expect(detail.events.filter((e) => e.kind === 'breached' || e.kind === 'warned').map((e) => e.kind)).toEqual(['warned', 'breached']);
  });

  it('a deputy covering an absent KAM raises requests for their clients and follows their requests', async () => {
    const db = t.database.db;
    const k = await signedIn(t.app, kam);
    const before = await raise(k, { title: 'Raised before the absence' });
    const deputy = await makeUser(db, { role: 'kam', name: 'Dina Deputy' });
    const d = await signedIn(t.app, deputy);
    // not covering yet: the KAM's client and requests are not theirs
    await fails(
      d.post('/api/requests', { accountId: account.id, department: 'finance', type: 'payment_terms', title: 'x' }),
      404,
      'NOT_FOUND',
    );
    expect((await d.get(`/api/requests/${before.id}`)).statusCode).toBe(404);
    await db.execute(sql`INSERT INTO absences (user_id, deputy_id, kind, first_day, last_day)
      VALUES (${kam.id}, ${deputy.id}, 'vacation', (now() AT TIME ZONE 'Europe/Moscow')::date, (now() AT TIME ZONE 'Europe/Moscow')::date + 7)`);
    const raised = await ok<RequestDetail>(
      d.post('/api/requests', { accountId: account.id, department: 'finance', type: 'payment_terms', title: 'Longer payment terms' }),
    );
    expect(raised.requestedBy.id).toBe(deputy.id);
    const seen = await ok<RequestDetail>(d.get(`/api/requests/${before.id}`));
    expect(seen.can.cancel).toBe(true);
    const { rows } = await db.execute<{ on_behalf_of_id: string }>(
      sql`SELECT on_behalf_of_id FROM audit_log WHERE entity_id = ${raised.id} AND action = 'request.create'`,
    );
    expect(rows[0]?.on_behalf_of_id).toBe(kam.id);
  });

  it('keeps files on a request for the requester and the department', async () => {
    const k = await signedIn(t.app, kam);
    const l = await signedIn(t.app, logistics);
    const m = await signedIn(t.app, marketing);
    const req = await raise(k);
    const up = await k.upload(`/api/requests/${req.id}/attachments`, 'Схема проезда.txt', 'Gate 4');
    expect(up.statusCode, up.body).toBe(200);
    const file = up.json() as { id: string; fileName: string };
    expect(file.fileName).toBe('Схема проезда.txt');
    const dl = await l.get(`/api/requests/${req.id}/attachments/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toBe('Gate 4');
    expect((await m.get(`/api/requests/${req.id}/attachments/${file.id}`)).statusCode).toBe(404);
    const detail = await ok<RequestDetail>(l.get(`/api/requests/${req.id}`));
    expect(detail.attachments.map((x) => [x.fileName, x.canDelete])).toEqual([['Схема проезда.txt', false]]);
    await fails(l.delete(`/api/requests/${req.id}/attachments/${file.id}`), 403, 'FORBIDDEN');
    await ok(k.delete(`/api/requests/${req.id}/attachments/${file.id}`));
  });
});
