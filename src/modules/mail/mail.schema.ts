import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { complaints } from '../complaints/complaints.schema.js';
import { users } from '../users/users.schema.js';
import { mailStatuses } from './mail.contracts.js';

export const mailStatusEnum = pgEnum('mail_status', mailStatuses);

/** Outgoing SMTP and the complaints mailbox (H5, D1); one row, set by the admin. The password is never read back. */
export const mailSettings = pgTable('mail_settings', {
  id: integer('id').primaryKey().default(1),
  enabled: boolean('enabled').notNull().default(false),
  smtpHost: text('smtp_host'),
  smtpPort: integer('smtp_port'),
  smtpSecure: boolean('smtp_secure').notNull().default(false),
  smtpUser: text('smtp_user'),
  smtpPassword: text('smtp_password'),
  fromAddress: text('from_address'),
  fromName: text('from_name'),
  /** mail to this address (received by Grove's SMTP endpoint) becomes a complaint */
  complaintsAddress: text('complaints_address'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedById: uuid('updated_by_id').references(() => users.id),
});

/**
 * The outbox: mail is written in the transaction of the change that causes it and sent by a worker
 * (FOR UPDATE SKIP LOCKED, so two processes never send one message twice), with retries.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').unique(),
    status: mailStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.sendAfter).where(sql`status = 'pending'`)],
);

/** Mail Grove received; the Message-ID makes a redelivered message land once. */
export const inboundMail = pgTable('inbound_mail', {
  id: uuid('id').primaryKey().defaultRandom(),
  messageId: text('message_id').notNull().unique(),
  fromAddress: text('from_address').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'set null' }),
  /** what became of it: complaint, unknown_sender, duplicate… */
  outcome: text('outcome').notNull(),
});
