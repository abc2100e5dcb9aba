import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeContact, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import type { ComplaintDetail } from './complaint-workflow.contracts.js';
import { runComplaintEscalations } from './complaints.escalation.js';
import { receiveComplaintMail } from './complaints.intake.js';

let t: TestApp;
let head: TestUser;
let senior: TestUser;
let kam: TestUser;
let other: TestUser;
let account: { id: string };
let buyer: { id: string };
let kamS: Session;

/** Monday 23 November 2026, 10:00 in Moscow (the test company's zone): inside business hours */
const MONDAY_10 = Date.parse('2026-11-23T07:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await db.execute(sql`UPDATE company SET time_zone = 'Europe/Moscow'`);
  head = await makeUser(db, { role: 'head' });
  senior = await makeUser(db, { role: 'senior_kam', managerId: head.id });
  kam = await makeUser(db, { role: 'kam', managerId: senior.id, name: 'Kira KAM' });
  other = await makeUser(db, { role: 'kam' });
  account = await makeAccount(db, { ownerId: kam.id, tier: 'key', name: 'Vega Retail' });
  buyer = await makeContact(db, { accountId: account.id, fullName: 'Иван Петров', patch: { email: 'ivan@vega.test' } });
  kamS = await signedIn(t.app, kam);
});
afterAll(() => t.close());

async function ok<T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>): Promise<T> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

const take = (s: Session, body: Record<string, unknown>) =>
  ok<ComplaintDetail>(s.post('/api/complaints', { accountId: account.id, subject: 'Short delivery', ...body }));

describe('taking a complaint in (D1)', () => {
  it('starts both clocks in business hours, names the owner as handler and acknowledges in the client’s language', async () => {
    const s = await signedIn(t.app, senior);
    const c = await take(s, { severity: 'critical', contactId: buyer.id, clientLocale: 'ru', receivedAt: iso(MONDAY_10) });
    expect(c).toMatchObject({
      status: 'new',
      channel: 'web',
      handler: { id: kam.id },
      responseTargetMinutes: 60,
      resolutionTargetMinutes: 540,
    });
    expect(c.reference).toMatch(/^C-\d{6}$/);
    expect(c.responseDueAt).toBe(iso(MONDAY_10 + 60 * MIN));
    // one business day of 9 hours: Tuesday 10:00
    expect(c.resolutionDueAt).toBe(iso(MONDAY_10 + 24 * 60 * MIN));
    const { rows: mail } = await t.database.db.execute<{ to_address: string; subject: string }>(
      sql`SELECT to_address, subject FROM mail_outbox WHERE kind = 'complaint_ack' AND text_body LIKE ${`%${c.reference}%`}`,
    );
    expect(mail).toEqual([{ to_address: 'ivan@vega.test', subject: `Ваше обращение ${c.reference} принято` }]);
    const { rows: inbox } = await t.database.db.execute<{ kind: string }>(sql`SELECT kind FROM notifications WHERE user_id = ${kam.id}`);
    expect(inbox.map((n) => n.kind)).toContain('complaint_received');
  });

  it('refuses what does not hold, with codes, and stores nothing', async () => {
    const stranger = await makeContact(t.database.db, { accountId: (await makeAccount(t.database.db, { ownerId: other.id })).id });
    const { rows: before } = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM complaints`);
    for (const [body, status, code] of [
      [{ contactId: stranger.id }, 422, 'COMPLAINT_CONTACT_NOT_ON_ACCOUNT'],
      [{ receivedAt: iso(Date.now() + 3_600_000) }, 422, 'COMPLAINT_RECEIVED_IN_FUTURE'],
      [{ subject: '' }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await kamS.post('/api/complaints', { accountId: account.id, subject: 'x', ...body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const foreign = await (await signedIn(t.app, other)).post('/api/complaints', { accountId: account.id, subject: 'x' });
    expect(foreign.statusCode).toBe(404);
    const { rows: after } = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM complaints`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('working a complaint', () => {
  it('answers, waits for the client with the clocks stopped, resolves, is confirmed and reopened', async () => {
    const c = await take(kamS, { severity: 'high', contactId: buyer.id, legalClaim: true });
    expect(c.legalDueAt).toBe(iso(Date.parse(c.receivedAt) + 30 * 24 * 60 * MIN));
    const replied = await ok<ComplaintDetail>(kamS.post(`/api/complaints/${c.id}/reply`, { message: 'We are on it', toClient: true }));
    expect(replied).toMatchObject({ status: 'in_progress', responseDueAt: null });
    expect(replied.firstResponseAt).not.toBeNull();
    const waiting = await ok<ComplaintDetail>(kamS.post(`/api/complaints/${c.id}/waiting`, { waiting: true, note: 'Asked for photos' }));
    expect(waiting).toMatchObject({ status: 'waiting_client', resolutionDueAt: null });
    expect(waiting.pausedSince).not.toBeNull();
    const again = await kamS.post(`/api/complaints/${c.id}/waiting`, { waiting: true });
    expect(again.json().error.code).toBe('COMPLAINT_STATE_UNCHANGED');
    const back = await ok<ComplaintDetail>(kamS.post(`/api/complaints/${c.id}/waiting`, { waiting: false }));
    expect(back.status).toBe('in_progress');
    expect(Date.parse(back.resolutionDueAt!)).toBeGreaterThanOrEqual(Date.parse(c.resolutionDueAt!));

    // the senior above the handler may step in; a stranger does not see it; an executive may not work it
    const s = await signedIn(t.app, senior);
    await ok(s.post(`/api/complaints/${c.id}/reply`, { message: 'Senior here' }));
    expect((await (await signedIn(t.app, other)).get(`/api/complaints/${c.id}`)).statusCode).toBe(404);

    const resolved = await ok<ComplaintDetail>(
      kamS.post(`/api/complaints/${c.id}/resolve`, {
        justified: true,
        rootCause: 'Picking error',
        correctiveAction: 'Double check',
        resolution: 'Sent the missing boxes',
      }),
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      justified: true,
      rootCause: 'Picking error',
      responseDueAt: null,
      resolutionDueAt: null,
    });
    expect((await kamS.post(`/api/complaints/${c.id}/reply`, { message: 'late' })).json().error.code).toBe('COMPLAINT_CLOSED');
    const closed = await ok<ComplaintDetail>(kamS.post(`/api/complaints/${c.id}/confirm`, {}));
    expect(closed.status).toBe('closed');
    const reopened = await ok<ComplaintDetail>(kamS.post(`/api/complaints/${c.id}/reopen`, { reason: 'Boxes damaged' }));
    expect(reopened).toMatchObject({ status: 'in_progress', reopenCount: 1, resolvedAt: null });
    expect(reopened.resolutionDueAt).not.toBeNull();
    expect(reopened.events.map((e) => e.kind)).toEqual([
      'received',
      'acknowledged',
      'replied',
      'paused',
      'resumed',
      'replied',
      'resolved',
      'confirmed',
      'reopened',
    ]);
    const { rows: mails } = await t.database.db.execute<{ kind: string }>(
      sql`SELECT kind FROM mail_outbox WHERE to_address = 'ivan@vega.test' AND text_body LIKE ${`%${c.reference}%`} ORDER BY created_at`,
    );
    expect(mails.map((m) => m.kind)).toEqual(['complaint_ack', 'complaint_reply', 'complaint_resolved', 'survey']);
  });
});

describe('escalation', () => {
  it('warns the handler at 75 % and reports a breach to the handler, their senior and the head, once', async () => {
    const c = await take(kamS, { severity: 'critical', receivedAt: iso(MONDAY_10) });
    const db = t.database.db;
    // 50 minutes in: past 75 % of the hour to respond, not past the hour
    await runComplaintEscalations(db, new Date(MONDAY_10 + 50 * MIN));
    const warned = await ok<ComplaintDetail>(kamS.get(`/api/complaints/${c.id}`));
    expect(warned.events.map((e) => e.kind)).toContain('warned');
    expect(warned.responseBreachedAt).toBeNull();
    const later = new Date(MONDAY_10 + 3 * 24 * 60 * MIN);
    await runComplaintEscalations(db, later);
    await runComplaintEscalations(db, later);
    const breached = await ok<ComplaintDetail>(kamS.get(`/api/complaints/${c.id}`));
    expect(breached.responseBreachedAt).not.toBeNull();
    expect(breached.resolutionBreachedAt).not.toBeNull();
    expect(breached.events.filter((e) => e.kind === 'breached').map((e) => e.data.clock)).toEqual(['response', 'resolution']);
    const { rows } = await db.execute<{ user_id: string; n: number }>(
      sql`SELECT user_id, count(*)::int AS n FROM notifications WHERE kind = 'complaint_breach' AND payload->>'complaintId' = ${c.id} GROUP BY user_id`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.user_id, r.n]))).toEqual({ [kam.id]: 2, [senior.id]: 2, [head.id]: 2 });
    const list = await ok<{ items: { id: string }[] }>(kamS.get('/api/complaints?breached=true&limit=100'));
    expect(list.items.map((i) => i.id)).toContain(c.id);
  });

  it('records every breach exactly once with two processes escalating at the same time', async () => {
    const db = t.database.db;
    await db.execute(sql`
      INSERT INTO complaints (account_id, received_at, severity, status, handler_id, response_target_minutes, resolution_target_minutes,
                              response_due_at, resolution_due_at, channel)
      SELECT ${account.id}, ${iso(MONDAY_10)}, 'high', 'new', ${kam.id}, 240, 1620, ${iso(MONDAY_10 + 4 * 60 * MIN)}, ${iso(MONDAY_10 + 3 * 24 * 60 * MIN)}, 'api'
      FROM generate_series(1, 300)`);
    const worker = path.resolve(import.meta.dirname, '../../../test/process/escalation-worker.ts');
    const run = () =>
      new Promise<{ warned: number; breached: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', worker, t.database.url, iso(MONDAY_10 + 30 * 24 * 60 * MIN), '3'], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`))));
      });
    const breaches = async () =>
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM complaint_events WHERE kind = 'breached'`)).rows[0]!.n;
    const before = await breaches();
    const [a, b] = await Promise.all([run(), run()]);
    const { rows } = await db.execute<{ events: number; complaints: number; once: boolean }>(sql`
      SELECT count(*)::int AS events, count(DISTINCT (complaint_id, data->>'clock'))::int AS complaints,
             count(*) = count(DISTINCT (complaint_id, data->>'clock')) AS once
      FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
      WHERE e.kind = 'breached' AND c.channel = 'api'`);
    expect(rows[0]).toEqual({ events: 600, complaints: 600, once: true });
    // what the two processes report recording is what was recorded: nothing twice
    expect(a.breached + b.breached).toBe((await breaches()) - before);
  }, 60_000);
});

describe('e-mail intake', () => {
  it('turns a known contact’s message into a complaint, joins a reply quoting its number, and leaves strangers alone', async () => {
    const db = t.database.db;
    const first = await db.transaction((tx) =>
      receiveComplaintMail(tx, {
        messageId: '<1@vega.test>',
        from: 'IVAN@vega.test',
        fromName: 'Иван',
        subject: 'Недовоз по заказу 118',
        text: 'Не пришли две коробки.',
        receivedAt: new Date(),
      }),
    );
    expect(first.outcome).toBe('complaint');
    const c = await ok<ComplaintDetail>(kamS.get(`/api/complaints/${first.complaintId}`));
    expect(c).toMatchObject({ channel: 'email', clientLocale: 'ru', contact: { id: buyer.id, email: 'ivan@vega.test' }, status: 'new' });
    await ok(kamS.post(`/api/complaints/${c.id}/waiting`, { waiting: true }));
    const reply = await db.transaction((tx) =>
      receiveComplaintMail(tx, {
        messageId: '<2@vega.test>',
        from: 'ivan@vega.test',
        fromName: null,
        subject: `Re: ${c.reference}`,
        text: 'Фото во вложении.',
        receivedAt: new Date(),
      }),
    );
    expect(reply).toEqual({ outcome: 'complaint', complaintId: c.id });
    const resumed = await ok<ComplaintDetail>(kamS.get(`/api/complaints/${c.id}`));
    expect(resumed.status).toBe('in_progress');
    expect(resumed.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['client_replied', 'resumed']));
    const stranger = await db.transaction((tx) =>
      receiveComplaintMail(tx, {
        messageId: '<3@x.test>',
        from: 'who@x.test',
        fromName: null,
        subject: 'Hi',
        text: 'Hello',
        receivedAt: new Date(),
      }),
    );
    expect(stranger).toEqual({ outcome: 'unknown_sender' });
  });
});
