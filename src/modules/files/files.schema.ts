import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Files attached to a record (a task now; complaints and acts later). They live in PostgreSQL so a
 * backup, a transaction and the access policy cover them with the record; the owning module decides
 * who may read them through its own policy.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the kind of record, e.g. 'task' */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_subject_idx').on(t.subjectType, t.subjectId)],
);
