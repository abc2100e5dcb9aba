import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { startPeriodic } from '../../core/jobs/periodic.js';
import { mailOutbox, mailSettings } from './mail.schema.js';

/** What the outbox needs of a transport (nodemailer's, or a test's). */
export interface MailTransport {
  sendMail(m: { from: string; to: string; subject: string; text: string; html?: string }): Promise<unknown>;
  close?(): void;
}

export const MAX_ATTEMPTS = 5;
const BATCH = 10;
/** at most this many batches per run, so one run never holds the job for long */
const MAX_BATCHES = 50;
const EVERY_MS = 5_000;

/** 30 s, 1 min, 2 min, 4 min… after the first, second, third… failure. */
export const retryDelayMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1);

type SettingsRow = typeof mailSettings.$inferSelect;

export async function mailSettingsRow(db: Executor): Promise<SettingsRow | null> {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.id, 1));
  return row ?? null;
}

/** Whether outgoing mail can be sent with these settings (host, port and sender). */
export const canSend = (s: SettingsRow | null): s is SettingsRow & { smtpHost: string; smtpPort: number; fromAddress: string } =>
  !!s?.smtpHost && !!s.smtpPort && !!s.fromAddress;

/** A nodemailer transport for the admin's SMTP settings. */
export function transportFor(s: SettingsRow & { smtpHost: string; smtpPort: number }, pool = false): MailTransport {
  return nodemailer.createTransport({
    host: s.smtpHost,
    port: s.smtpPort,
    secure: s.smtpSecure,
    ...(s.smtpUser ? { auth: { user: s.smtpUser, pass: s.smtpPassword ?? '' } } : {}),
    ...(pool ? { pool: true, maxConnections: 1 } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

/** The From header: `"Name" <address>`. */
export function fromOf(s: SettingsRow | null): string {
  const address = s?.fromAddress ?? 'grove@localhost';
  return s?.fromName ? `"${s.fromName.replace(/["\\\r\n]/g, '')}" <${address}>` : address;
}

/**
 * A refusal that retrying cannot fix: the server rejected the recipient (5xx to RCPT TO). Everything
 * else (connection, authentication, 4xx, a 5xx to the message) is retried, because it is usually the
 * configuration or the server, which the admin can put right.
 */
function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: number; command?: string; code?: string };
  return (e.code === 'EENVELOPE' || e.command === 'RCPT TO') && (e.responseCode ?? 0) >= 500;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

export type OutboxResult = { status: 'disabled' } | { status: 'ran'; sent: number; retrying: number; failed: number };

/**
 * Sends the due messages of the outbox, a small batch per transaction: the rows are locked with
 * FOR UPDATE SKIP LOCKED while they are sent, so two runners (in one process or in two) never send
 * one message twice. A failure is retried with a growing delay; after MAX_ATTEMPTS the message is
 * `failed` with the last error. With mail disabled or not configured nothing is touched (the rows
 * wait). `transport` replaces the configured SMTP server (tests).
 */
export async function runMailOutbox(
  db: Db,
  transport?: MailTransport,
  opts: { now?: () => Date; batch?: number } = {},
): Promise<OutboxResult> {
  const settings = await mailSettingsRow(db);
  if (!transport && (!settings?.enabled || !canSend(settings))) return { status: 'disabled' };
  const now = opts.now ?? (() => new Date());
  const own = !transport && canSend(settings) ? transportFor(settings, true) : null;
  const t = (transport ?? own) as MailTransport;
  const from = fromOf(settings);
  const result = { status: 'ran' as const, sent: 0, retrying: 0, failed: 0 };
  try {
    for (let b = 0; b < MAX_BATCHES; b++) {
      const handled = await db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(mailOutbox)
          .where(sql`${mailOutbox.status} = 'pending' AND ${mailOutbox.sendAfter} <= ${now()}`)
          .orderBy(mailOutbox.sendAfter, mailOutbox.id)
          .limit(opts.batch ?? BATCH)
          .for('update', { skipLocked: true });
        for (const r of rows) {
          try {
            await t.sendMail({ from, to: r.toAddress, subject: r.subject, text: r.textBody, ...(r.htmlBody ? { html: r.htmlBody } : {}) });
            await tx
              .update(mailOutbox)
              .set({ status: 'sent', sentAt: now(), attempts: r.attempts + 1, lastError: null })
              .where(eq(mailOutbox.id, r.id));
            result.sent++;
          } catch (err) {
            const attempts = r.attempts + 1;
            const give = attempts >= MAX_ATTEMPTS || isPermanent(err);
            await tx
              .update(mailOutbox)
              .set({
                attempts,
                lastError: errorText(err),
                ...(give ? { status: 'failed' as const } : { sendAfter: new Date(now().getTime() + retryDelayMs(attempts)) }),
              })
              .where(eq(mailOutbox.id, r.id));
            if (give) result.failed++;
            else result.retrying++;
          }
        }
        return rows.length;
      });
      if (handled < (opts.batch ?? BATCH)) break;
    }
  } finally {
    own?.close?.();
  }
  return result;
}

/** `grove serve`: the outbox every 5 seconds; says once (not every run) that mail is off. */
export function startMailOutbox(db: Db, log: Pick<Logger, 'warn' | 'info'>): () => Promise<void> {
  let disabledSaid = false;
  return startPeriodic(
    'mail outbox',
    EVERY_MS,
    async () => {
      const r = await runMailOutbox(db);
      if (r.status === 'disabled') {
        if (!disabledSaid) log.info('outgoing mail is off or not configured (Settings → E-mail); messages wait in the outbox');
        disabledSaid = true;
        return;
      }
      disabledSaid = false;
      if (r.failed) log.warn({ failed: r.failed }, 'mail could not be delivered after retries');
    },
    log,
  );
}
