import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Locale } from '../../core/contracts.js';
import type { Tx } from '../../core/db/tx.js';
import type { Db } from '../../core/db/database.js';
import { cellsOf, type RawRow, recordBatches } from './bulk-source.js';
import { CellError } from './cells.js';
import { type Column, headerIssues, type ImportOptions, type Issue } from './engine.js';
import type { ImportEntity, ImportIssue, ImportReport, PreviewRow, RowAction } from './imports.contracts.js';
import { type Params, type RowErrorCode, rowMessage } from './messages.js';

/**
 * A bulk import (for the entities with millions of rows, e.g. orders): the file is streamed with COPY
 * into a temporary staging table and checked and stored with set-based SQL, in the same one
 * transaction and with the same report as the row-by-row engine (engine.ts).
 */
export interface BulkImporter {
  entity: ImportEntity;
  bulk: true;
  /** the columns of import-format.md (their parsers serve the preview and the template) */
  columns: Column[];
  key: string[];
  /** creates the staging tables of one file in `tx` */
  stage(tx: Tx, env: BulkEnv): Promise<BulkStage>;
}

export interface BulkEnv {
  actorId: string | null;
  /** the columns of the file, in the file's order */
  header: string[];
  progress: (done: number, total: number) => void;
}

/** Reports a problem with one cell (or, column null, the whole) of a row being staged. */
export type CellIssue = (column: string | null, code: RowErrorCode, params?: Params) => void;

export interface BulkStage {
  /** the temporary staging table: it has `line int` and `bad boolean` (a cell did not parse) */
  table: string;
  /** `COPY <table> (…) FROM STDIN` (text format) */
  copy: string;
  /**
   * One data row as a line of COPY text. Cells are trimmed, an empty one is null. A cell that does
   * not parse is reported, staged as null, and the row is staged with bad = true.
   */
  row(line: number, cells: string[], issue: CellIssue, bad: boolean): string;
  /**
   * The fast path of a CSV line without quotes (`text`): its COPY line when every cell is plainly
   * valid, else null (the row then goes through `row`, which tells what is wrong).
   */
  fast?(line: number, text: string): string | null;
  /** the rules against stored data and across rows: INSERT INTO import_issues (line, col, code, params) */
  check(tx: Tx): Promise<void>;
  /** the action of each row no issue refused: how many of each, and those of the given lines */
  actions(tx: Tx, lines: number[], anyIssue: boolean): Promise<{ counts: Record<RowAction, number>; byLine: Map<number, RowAction> }>;
  /** stores the rows; called only when no row has an issue */
  apply(tx: Tx): Promise<void>;
}

export const MAX_ERRORS = 1000;
const IN_FLIGHT = 8 << 20;
const PREVIEW_ROWS = 200;
class Rollback extends Error {}

/** The pg client under a drizzle transaction (for COPY). */
export function clientOf(tx: Tx): pg.PoolClient {
  const client = (tx._.session as unknown as { client?: pg.PoolClient }).client;
  if (!client || typeof client.query !== 'function' || !('release' in client)) throw new Error('no dedicated client in this transaction');
  return client;
}

/** Same contract as runImport (engine.ts): one transaction, every bad row reported, dry run, preview. */
export async function runBulkImport(db: Db, importer: BulkImporter, opts: ImportOptions): Promise<ImportReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const batches = recordBatches(opts.file, opts.limits);
  const first = await batches.next();
  const firstBatch = first.done ? [] : first.value;
  const headerRow = firstBatch[0];
  const header = headerRow
    ? cellsOf(headerRow).map((c) =>
        c
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase(),
      )
    : [];
  const report: ImportReport = {
    entity: importer.entity,
    dryRun: opts.dryRun,
    applied: false,
    columns: header,
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    preview: [],
  };
  const fileIssues: Issue[] = headerRow ? headerIssues(importer, header) : [{ line: 1, column: null, code: 'EMPTY_FILE' }];
  if (fileIssues.length) {
    await batches.return(undefined);
    return { ...report, errors: render(fileIssues, opts.locale) };
  }

  /** issues found in Node (cells, column count, too many rows), the first MAX_ERRORS of them */
  const nodeIssues: Issue[] = [];
  const previewRows: { line: number; cells: string[] }[] = [];
  let rejected = 0;
  try {
    await db.transaction(async (tx) => {
      // one import at a time (engine.ts): two files touching the same records must not interleave
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('grove.import'))`);
      await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
      await tx.execute(sql`CREATE TEMP TABLE import_issues (line int NOT NULL, col text, code text NOT NULL, params jsonb) ON COMMIT DROP`);
      const stage = await importer.stage(tx, { actorId: opts.actorId, header, progress: (d, t) => progress('write', d, t) });

      // 1. stream the rows into the staging table
      const copy = clientOf(tx).query(copyFrom(stage.copy));
      const copied = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      copied.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
      let dataRows = 0;
      let tooMany = false;
      // keep several megabytes in flight, so that PostgreSQL parses one batch while Node builds the next
      const write = async (text: string) => {
        copy.write(text);
        if (copy.writableLength > IN_FLIGHT)
          await new Promise<void>((resolve, reject) => {
            copy.once('drain', resolve);
            copy.once('error', reject);
          });
      };
      // the row being staged, and whether it has an issue already (one closure for all rows)
      let line = 0;
      let bad = false;
      const issue: CellIssue = (column, code, params) => {
        if (!bad) rejected++;
        bad = true;
        if (nodeIssues.length < MAX_ERRORS) nodeIssues.push({ line, column, code, params });
      };
      const fast = stage.fast?.bind(stage);
      const stageBatch = async (rows: RawRow[]) => {
        let out = '';
        for (const row of rows) {
          if (++dataRows > opts.limits.maxRows) {
            nodeIssues.push({ line: row.line, column: null, code: 'TOO_MANY_ROWS', params: { max: opts.limits.maxRows } });
            tooMany = true;
            break;
          }
          const quick = row.cells === null && fast ? fast(row.line, row.text) : null;
          if (quick !== null) {
            out += quick;
            if (previewRows.length < MAX_ERRORS) previewRows.push({ line: row.line, cells: cellsOf(row) });
            continue;
          }
          const cells = cellsOf(row);
          line = row.line;
          bad = false;
          if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== ''))
            issue(null, 'COLUMN_COUNT', { cells: cells.length, columns: header.length });
          out += stage.row(row.line, cells, issue, bad);
          if (!bad && previewRows.length < MAX_ERRORS) previewRows.push({ line: row.line, cells });
        }
        await write(out);
        progress('read', dataRows, 0);
      };
      try {
        await stageBatch(firstBatch.slice(1));
        for await (const batch of batches) {
          if (tooMany) break;
          await stageBatch(batch);
        }
      } catch (err) {
        copy.destroy(err as Error);
        await copied.catch(() => undefined);
        throw err;
      }
      copy.end();
      await copied;
      report.rows = Math.min(dataRows, opts.limits.maxRows);
      progress('read', report.rows, report.rows);

      // 2. the rules against stored data, set-based
      progress('check', 0, report.rows);
      await tx.execute(sql.raw(`ANALYZE ${stage.table}`));
      await stage.check(tx);
      const counted = await tx.execute<{ issues: number; rejected: number }>(
        sql.raw(`SELECT (SELECT count(*) FROM import_issues)::int AS issues,
                        (SELECT count(*) FROM (SELECT line FROM import_issues EXCEPT SELECT line FROM ${stage.table} WHERE bad) x)::int AS rejected`),
      );
      const sqlIssues = counted.rows[0]?.issues ?? 0;
      rejected += counted.rows[0]?.rejected ?? 0;
      if (sqlIssues) {
        const { rows } = await tx.execute<{ line: number; col: string | null; code: RowErrorCode; params: Params | null }>(
          sql`SELECT line, col, code, params FROM import_issues ORDER BY line LIMIT ${MAX_ERRORS}`,
        );
        nodeIssues.push(...rows.map((r) => ({ line: r.line, column: r.col, code: r.code, params: r.params ?? undefined })));
      }
      const anyIssue = sqlIssues > 0 || nodeIssues.length > 0;
      const { counts, byLine } = await stage.actions(
        tx,
        previewRows.map((r) => r.line),
        anyIssue,
      );
      report.inserted = counts.insert;
      report.updated = counts.update;
      report.unchanged = counts.unchanged;
      for (const row of previewRows) {
        const action = byLine.get(row.line);
        if (!action) continue;
        report.preview.push(previewOf(importer, header, row, action));
        if (report.preview.length >= PREVIEW_ROWS) break;
      }
      progress('check', report.rows, report.rows);
      if (anyIssue || opts.dryRun) throw new Rollback();

      // 3. store
      await stage.apply(tx);
      report.applied = true;
      await opts.onApplied?.(tx, report);
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return { ...report, rejected, errors: render(nodeIssues, opts.locale) };
}

function previewOf(importer: BulkImporter, header: string[], row: { line: number; cells: string[] }, action: RowAction): PreviewRow {
  const values: Record<string, string> = {};
  for (const column of importer.columns) {
    const index = header.indexOf(column.name);
    const text = index < 0 ? '' : (row.cells[index] ?? '').trim();
    if (!text) continue;
    const value = column.parse(text);
    if (!(value instanceof CellError) && value !== null && value !== undefined) values[column.name] = String(value);
  }
  return { line: row.line, action, key: importer.key.map((k) => values[k] ?? '').join(' / '), values };
}

function render(issues: Issue[], locale: Locale): ImportIssue[] {
  return issues
    .sort((a, b) => a.line - b.line)
    .slice(0, MAX_ERRORS)
    .map((i) => ({ line: i.line, column: i.column, code: i.code, message: rowMessage(locale, i.code, i.params) }));
}
