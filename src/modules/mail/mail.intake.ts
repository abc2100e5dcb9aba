import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { type AddressObject, simpleParser } from 'mailparser';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import { receiveComplaintMail } from '../complaints/complaints.intake.js';
import { mailSettingsRow } from './mail.outbox.js';
import { inboundMail } from './mail.schema.js';

/** The largest message the endpoint accepts. */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;

export interface InboundMessage {
  messageId: string;
  from: string;
  fromName: string | null;
  to: string;
  subject: string | null;
  text: string;
  receivedAt: Date;
}

export type ReceiveOutcome = { outcome: 'complaint' | 'unknown_sender'; complaintId?: string };
export type Receiver = (db: Executor, m: InboundMessage) => Promise<ReceiveOutcome>;

export type InboundOutcome = ReceiveOutcome | { outcome: 'duplicate' };

/**
 * One received message: recorded in inbound_mail and handed to the complaint intake in one
 * transaction, so it lands exactly once (a redelivery with the same Message-ID is a `duplicate`)
 * and a failure leaves nothing behind (the sender is told to try again later).
 */
export async function acceptInboundMail(db: Db, m: InboundMessage, receive: Receiver = receiveComplaintMail): Promise<InboundOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inboundMail)
      .values({
        messageId: m.messageId,
        fromAddress: m.from,
        toAddress: m.to,
        subject: m.subject,
        receivedAt: m.receivedAt,
        outcome: 'received',
      })
      .onConflictDoNothing({ target: inboundMail.messageId })
      .returning({ id: inboundMail.id });
    if (!row) return { outcome: 'duplicate' as const };
    const r = await receive(tx, m);
    await tx
      .update(inboundMail)
      .set({ outcome: r.outcome, complaintId: r.complaintId ?? null })
      .where(eq(inboundMail.id, row.id));
    return r;
  });
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];

/**
 * The complaints mailbox (D1): an SMTP endpoint that accepts mail for the configured complaints
 * address only (others: 550), up to 10 MB, without authentication (point an MX record, or a forward
 * from the company's mail server, at it). Each message is parsed and handed to the complaint intake.
 */
export async function startSmtpIntake(opts: {
  db: Db;
  port: number;
  host?: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** the complaint intake (tests may pass their own) */
  receive?: Receiver;
}): Promise<{ port: number; close(): Promise<void> }> {
  const { db, log } = opts;
  const receive = opts.receive ?? receiveComplaintMail;
  const server = new SMTPServer({
    name: 'grove',
    banner: 'Grove complaints mailbox',
    size: MAX_INBOUND_BYTES,
    authOptional: true,
    disabledCommands: ['AUTH'],
    // TLS belongs to the mail server in front (the MX that forwards here)
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    async onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      try {
        const wanted = (await mailSettingsRow(db))?.complaintsAddress?.toLowerCase();
        if (wanted && address.address.toLowerCase() === wanted) return callback();
        callback(smtpError(`5.1.1 <${address.address}>: no such mailbox here`, 550));
      } catch (err) {
        log.warn({ err }, 'inbound mail: the settings could not be read');
        callback(smtpError('4.3.0 Try again later', 451));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
          return callback(smtpError('5.3.4 Message too big: at most 10 MB', 552));
        const raw = Buffer.concat(chunks);
        void handle(raw, session).then(
          () => callback(),
          (err) => {
            log.error({ err }, 'inbound mail could not be stored');
            callback(smtpError('4.3.0 Could not store the message; try again later', 451));
          },
        );
      });
    },
  });

  async function handle(raw: Buffer, session: SMTPServerSession) {
    const parsed = await simpleParser(raw);
    const sender = firstAddress(parsed.from);
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const to = session.envelope.rcptTo[0]?.address.toLowerCase() ?? '';
    const m: InboundMessage = {
      // a message without a Message-ID is known by its content, so a redelivery still lands once
      messageId: (parsed.messageId ?? `<sha256-${createHash('sha256').update(raw).digest('hex')}@grove>`).slice(0, 998),
      from: (sender?.address || envelopeFrom).toLowerCase(),
      fromName: sender?.name || null,
      to,
      subject: parsed.subject?.trim() || null,
      text: (parsed.text ?? '').trim(),
      receivedAt: new Date(),
    };
    const r = await acceptInboundMail(db, m, receive);
    log.info({ messageId: m.messageId, outcome: r.outcome }, 'inbound mail');
  }

  server.on('error', (err) => log.warn({ err }, 'inbound SMTP error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
