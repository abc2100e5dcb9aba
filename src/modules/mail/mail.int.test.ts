import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { notify } from '../notifications/notifications.service.js';
import type { MailSettings } from './mail.contracts.js';
import { MAX_ATTEMPTS, runMailOutbox } from './mail.outbox.js';
import { mailOutbox, mailSettings } from './mail.schema.js';
import { enqueueMail, renderMail } from './mail.service.js';

let t: TestApp;
let admin: TestUser;
let adminSession: Session;
const db = () => t.database.db;

beforeAll(async () => {
  // links in e-mails use GROVE_PUBLIC_URL from the environment, as `grove serve` does
  process.env.GROVE_PUBLIC_URL = 'https://grove.example.test';
  t = await createTestApp();
  admin = await makeUser(db(), { role: 'admin' });
  adminSession = await signedIn(t.app, admin);
});
afterAll(() => t.close());
// each test starts with an empty outbox
afterEach(async () => {
  await db().delete(mailOutbox);
});

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

/** Points the stored settings at a test SMTP server. */
async function pointAt(port: number, enabled = true) {
  await db()
    .insert(mailSettings)
    .values({ id: 1, enabled, smtpHost: '127.0.0.1', smtpPort: port, fromAddress: 'grove@example.test', fromName: 'Grove' })
    .onConflictDoUpdate({
      target: mailSettings.id,
      set: {
        enabled,
        smtpHost: '127.0.0.1',
        smtpPort: port,
        smtpSecure: false,
        smtpUser: null,
        smtpPassword: null,
        fromAddress: 'grove@example.test',
      },
    });
}

const outboxRows = () => db().select().from(mailOutbox).orderBy(mailOutbox.createdAt);

describe('renderMail', () => {
  it('escapes what it is given and keeps the text readable', () => {
    const m = renderMail('ru', {
      title: 'Заказ <b>№1</b> & "всё"',
      paragraphs: ['Строка <script>alert(1)</script>'],
      action: { label: 'Открыть', url: 'https://x.test/?a=1&b="2"' },
    });
    expect(m.html).toContain('<html lang="ru">');
    expect(m.html).toContain('Заказ &lt;b&gt;№1&lt;/b&gt; &amp; &quot;всё&quot;');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('href="https://x.test/?a=1&amp;b=&quot;2&quot;"');
    expect(m.text).toContain('Заказ <b>№1</b> & "всё"');
    expect(m.text).toContain('Открыть: https://x.test/?a=1&b="2"');
  });
});

describe('the outbox', () => {
  it('is written in the caller’s transaction: a rolled-back change sends nothing, a dedupe key sends once', async () => {
    await db()
      .transaction(async (tx) => {
        await enqueueMail(tx, { to: 'a@example.test', subject: 'Lost', text: 'x', kind: 'test' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await enqueueMail(db(), { to: 'a@example.test', subject: 'Once', text: 'x', kind: 'test', dedupeKey: 'k1' })).toBe(true);
    expect(await enqueueMail(db(), { to: 'a@example.test', subject: 'Once', text: 'x', kind: 'test', dedupeKey: 'k1' })).toBe(false);
    expect((await outboxRows()).map((r) => r.subject)).toEqual(['Once']);
  });

  it('keeps messages waiting while mail is off, then sends them through SMTP and marks them sent', async () => {
    const sink = await startSmtpSink();
    try {
      await pointAt(sink.port, false);
      const { text, html } = renderMail('en', { title: 'Hello', paragraphs: ['First line'] });
      await enqueueMail(db(), { to: 'client@example.test', subject: 'Hello', text, html, kind: 'test' });
      expect(await runMailOutbox(db())).toEqual({ status: 'disabled' });
      expect((await outboxRows())[0]).toMatchObject({ status: 'pending', attempts: 0 });

      await pointAt(sink.port, true);
      expect(await runMailOutbox(db())).toMatchObject({ status: 'ran', sent: 1 });
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]).toMatchObject({ to: ['client@example.test'], from: 'grove@example.test', subject: 'Hello' });
      expect(sink.messages[0]?.text).toContain('First line');
      expect(sink.messages[0]?.html).toContain('<p>First line</p>');
      const [row] = await outboxRows();
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(row?.sentAt).toBeInstanceOf(Date);
      // a second run sends nothing again
      await runMailOutbox(db());
      expect(sink.messages).toHaveLength(1);
    } finally {
      await sink.close();
    }
  });

  it('retries a refused message later, with a growing delay, and sends it once the server takes it', async () => {
    const sink = await startSmtpSink({ reject: (n) => (n <= 2 ? 451 : null) });
    try {
      await pointAt(sink.port);
      await enqueueMail(db(), { to: 'client@example.test', subject: 'Retry me', text: 'x', kind: 'test' });
      // a second on: PostgreSQL's now() has microseconds, Date.now() only milliseconds, so "now" could
      // otherwise fall a fraction of a millisecond before the message's send_after
      const start = Date.now() + 1_000;
      const at = (ms: number) => () => new Date(start + ms);

      expect(await runMailOutbox(db(), undefined, { now: at(0) })).toMatchObject({ sent: 0, retrying: 1 });
      let [row] = await outboxRows();
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row?.lastError).toContain('451');
      expect(row?.sendAfter.getTime()).toBe(start + 30_000);

      // not due yet: nothing is tried
      expect(await runMailOutbox(db(), undefined, { now: at(10_000) })).toMatchObject({ sent: 0, retrying: 0 });
      expect(sink.attempts).toBe(1);

      await runMailOutbox(db(), undefined, { now: at(31_000) });
      [row] = await outboxRows();
      expect(row).toMatchObject({ status: 'pending', attempts: 2 });
      expect(row?.sendAfter.getTime()).toBe(start + 31_000 + 60_000);

      expect(await runMailOutbox(db(), undefined, { now: at(100_000) })).toMatchObject({ sent: 1 });
      [row] = await outboxRows();
      expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(sink.messages.map((m) => m.subject)).toEqual(['Retry me']);
    } finally {
      await sink.close();
    }
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and keeps the last error`, async () => {
    const sink = await startSmtpSink({ reject: () => 452 });
    try {
      await pointAt(sink.port);
      await enqueueMail(db(), { to: 'client@example.test', subject: 'Never', text: 'x', kind: 'test' });
      const start = Date.now() + 1_000; // see above: now() has microseconds
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await runMailOutbox(db(), undefined, { now: () => new Date(start + i * 3_600_000) });
      const [row] = await outboxRows();
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
      expect(row?.lastError).toContain('452');
      expect(sink.attempts).toBe(MAX_ATTEMPTS);
      expect(sink.messages).toHaveLength(0);
    } finally {
      await sink.close();
    }
  });

  it('with two runners at once, sends each of 50 messages exactly once', async () => {
    const sink = await startSmtpSink();
    try {
      await pointAt(sink.port);
      for (let i = 0; i < 50; i++) await enqueueMail(db(), { to: `c${i}@example.test`, subject: `Message ${i}`, text: 'x', kind: 'test' });
      const [a, b] = await Promise.all([runMailOutbox(db(), undefined, { batch: 5 }), runMailOutbox(db(), undefined, { batch: 5 })]);
      const sent = (r: typeof a) => (r.status === 'ran' ? r.sent : 0);
      expect(sent(a) + sent(b)).toBe(50);
      // both took part (skip locked: neither waited for the other's rows)
      expect(sent(a)).toBeGreaterThan(0);
      expect(sent(b)).toBeGreaterThan(0);
      expect(sink.messages).toHaveLength(50);
      expect(new Set(sink.messages.map((m) => m.subject)).size).toBe(50);
      const [{ n } = { n: -1 }] = (await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`))
        .rows;
      expect(n).toBe(50);
    } finally {
      await sink.close();
    }
  });
});

describe('mail settings (admin)', () => {
  it('never returns the password, keeps it when omitted, audits changes and sends a test message', async () => {
    const sink = await startSmtpSink();
    try {
      const body = {
        enabled: true,
        smtpHost: '127.0.0.1',
        smtpPort: sink.port,
        smtpSecure: false,
        smtpUser: null,
        smtpPassword: 'secret-1',
        fromAddress: 'Grove@Example.test',
        fromName: 'Grove Desk',
        complaintsAddress: 'complaints@example.test',
      };
      const saved = await ok<MailSettings>(adminSession.put('/api/mail/settings', body));
      expect(saved).toMatchObject({ enabled: true, smtpPasswordSet: true, fromAddress: 'grove@example.test', inbound: null });
      expect(JSON.stringify(saved)).not.toContain('secret-1');
      const got = await ok<MailSettings>(adminSession.get('/api/mail/settings'));
      expect(JSON.stringify(got)).not.toContain('secret-1');

      const { smtpPassword: _p, ...withoutPassword } = body;
      await ok(adminSession.put('/api/mail/settings', { ...withoutPassword, fromName: 'Service desk' }));
      const [row] = await db().select().from(mailSettings).where(eq(mailSettings.id, 1));
      expect(row).toMatchObject({ smtpPassword: 'secret-1', fromName: 'Service desk', updatedById: admin.id });

      const audit = await db().execute<{ before: unknown; after: unknown }>(
        sql`SELECT before, after FROM audit_log WHERE action = 'mail.settings.update' ORDER BY at`,
      );
      expect(audit.rows).toHaveLength(2);
      expect(JSON.stringify(audit.rows)).not.toContain('secret-1');
      expect(audit.rows[1]?.after).toMatchObject({ fromName: 'Service desk', passwordChanged: false });

      // null removes it
      expect(await ok<MailSettings>(adminSession.put('/api/mail/settings', { ...body, smtpPassword: null }))).toMatchObject({
        smtpPasswordSet: false,
      });

      await ok(adminSession.post('/api/mail/test', { to: 'admin-inbox@example.test' }));
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]).toMatchObject({ to: ['admin-inbox@example.test'], subject: 'Grove test message' });
    } finally {
      await sink.close();
    }
  });

  it('refuses to switch mail on without a server, and a failing test message is a 4xx with the reason', async () => {
    const bad = await adminSession.put('/api/mail/settings', {
      enabled: true,
      smtpHost: '',
      smtpPort: null,
      smtpSecure: false,
      smtpUser: null,
      fromAddress: null,
      fromName: null,
      complaintsAddress: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'MAIL_SETTINGS_INCOMPLETE' } });

    const sink = await startSmtpSink({ reject: () => 554 });
    try {
      await pointAt(sink.port);
      const res = await adminSession.post('/api/mail/test', { to: 'admin-inbox@example.test' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'MAIL_SEND_FAILED' } });
    } finally {
      await sink.close();
    }
  });
});

describe('notifications by e-mail (H5)', () => {
  it('sends a notification by e-mail only to those who asked for its kind, in their language, with a link', async () => {
    const sink = await startSmtpSink();
    try {
      await pointAt(sink.port);
      const ru = await makeUser(db(), { role: 'kam', locale: 'ru' });
      const en = await makeUser(db(), { role: 'kam', locale: 'en' });
      const quiet = await makeUser(db(), { role: 'kam' });
      const ruS = await signedIn(t.app, ru);
      const enS = await signedIn(t.app, en);
      await ok(ruS.put('/api/notifications/settings', { emailKinds: ['task_assigned'] }));
      expect(await ok<{ emailKinds: string[] }>(ruS.get('/api/notifications/settings'))).toMatchObject({ emailKinds: ['task_assigned'] });
      await ok(enS.put('/api/notifications/settings', { emailKinds: ['task_due'] }));

      const payload = { taskId: 't1', title: 'Позвонить закупщику', by: 'Сэм' };
      for (const u of [ru, en, quiet]) await notify(db(), { userId: u.id, kind: 'task_assigned', payload, link: '/tasks?task=t1' });
      await notify(db(), { userId: en.id, kind: 'task_due', payload: { taskId: 't2', title: 'Send the offer' }, link: '/tasks?task=t2' });

      await runMailOutbox(db());
      expect(sink.messages).toHaveLength(2);
      const toRu = sink.messages.find((m) => m.to[0] === ru.email);
      expect(toRu?.subject).toBe('Сэм: новая задача для вас — Позвонить закупщику');
      expect(toRu?.text).toContain('Открыть в Grove: https://grove.example.test/tasks?task=t1');
      const toEn = sink.messages.find((m) => m.to[0] === en.email);
      expect(toEn?.subject).toBe('Due today: Send the offer');
      expect(toEn?.html).toContain('href="https://grove.example.test/tasks?task=t2"');
      expect(sink.messages.some((m) => m.to[0] === quiet.email)).toBe(false);
    } finally {
      await sink.close();
    }
  });
});
