import type { SQL } from 'drizzle-orm';
import type { Locale } from '../../src/core/contracts.js';
import type { Ctx } from '../../src/core/context.js';
import type { Db } from '../../src/core/db/database.js';
import type { ImportEntity, ImportReport } from '../../src/modules/imports/imports.contracts.js';
import { importFile } from '../../src/modules/imports/imports.service.js';

/** Runs imports as the CLI does (the machine's operator), in the locale asked for. */
export function importer(db: Db) {
  const ctx: Ctx = { db, actor: null, locale: 'en', ip: null, requestId: null, publicUrl: 'http://localhost' };
  return (entity: ImportEntity, file: Buffer, opts: { dryRun?: boolean; locale?: Locale } = {}): Promise<ImportReport> =>
    importFile(
      { ...ctx, locale: opts.locale ?? 'en' },
      { entity, file, fileName: `${entity}.csv`, dryRun: !!opts.dryRun, limits: { maxBytes: 10_000_000 }, asOperator: true },
    );
}

/** The rows of a query. */
export const rowsOf = async <T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> =>
  (await db.execute<T>(query)).rows as T[];

/** line, column and code of each error of a report, for compact assertions. */
export const errorsOf = (report: ImportReport) => report.errors.map((e) => [e.line, e.column, e.code]);
