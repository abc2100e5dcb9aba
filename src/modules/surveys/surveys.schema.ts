import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.schema.js';
import { complaints } from '../complaints/complaints.schema.js';
import { contacts } from '../contacts/contacts.schema.js';
import { localeEnum, users } from '../users/users.schema.js';
import { surveyKinds } from './surveys.contracts.js';

export const surveyKindEnum = pgEnum('survey_kind', surveyKinds);

/**
 * A satisfaction survey sent to a client's contact (D4): a link with a secret (only its SHA-256 is
 * kept), answered without signing in, once, with a score from 1 to 5 and a comment.
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    locale: localeEnum('locale').notNull(),
    kind: surveyKindEnum('kind').notNull(),
    complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull().unique(),
    sentById: uuid('sent_by_id').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    score: smallint('score'),
    comment: text('comment'),
  },
  (t) => [index('surveys_account_idx').on(t.accountId, t.sentAt), check('surveys_score', sql`score IS NULL OR score BETWEEN 1 AND 5`)],
);
