import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.js';
import type { ImportReport } from './imports.contracts.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Imports started from the web app: checked first (a dry run the user previews), then confirmed and
 * run in the background. The file is kept only between the check and the run.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entity: text('entity').notNull(),
    fileName: text('file_name').notNull(),
    /** checked → running → done | failed */
    status: text('status').notNull(),
    report: jsonb('report').$type<ImportReport>().notNull(),
    file: bytea('file'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    failure: text('failure'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_runs_created_idx').on(t.createdAt)],
);
