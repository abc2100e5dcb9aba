import { sql } from 'drizzle-orm';
import type { Locale } from '../../core/contracts.js';
import type { Db } from '../../core/db/database.js';
import type { Tx } from '../../core/db/tx.js';
import { type CellParser, CellError } from './cells.js';
import type { ImportEntity, ImportIssue, ImportReport, PreviewRow, RowAction } from './imports.contracts.js';
import { type Params, type RowErrorCode, rowMessage } from './messages.js';
import { type Limits, readRows } from './reader.js';

export interface Column {
  name: string;
  required?: boolean;
  parse: CellParser<unknown>;
}

/**
 * A data row: values of the columns in the file (an empty cell is null). A cell that did not parse is
 * undefined (the row is already refused); rules must not report it again.
 */
export interface ParsedRow {
  line: number;
  values: Record<string, unknown>;
}

/** Whether a column of the file holds a cell of this row that did not parse (its row is refused already). */
export function unparsed(row: ParsedRow, columns: ReadonlySet<string>, column: string): boolean {
  return columns.has(column) && row.values[column] === undefined;
}

export interface Issue {
  line: number;
  column: string | null;
  code: RowErrorCode;
  params?: Params;
}

export interface ImportEnv {
  locale: Locale;
  actorId: string | null;
  /** the columns of the file: an optional column that is absent leaves stored values as they are */
  columns: ReadonlySet<string>;
  progress: (done: number, total: number) => void;
}

export interface Plan {
  issues: Issue[];
  /** what each valid row would do, by line */
  actions: Map<number, RowAction>;
  /** stores the rows; called only when no row has an issue */
  apply(tx: Tx): Promise<void>;
}

/** One entity of import-format.md: its columns, natural key and the rules against stored data. */
export interface EntityImporter {
  entity: ImportEntity;
  columns: Column[];
  /** the columns of the natural key */
  key: string[];
  plan(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan>;
}

export type Phase = 'read' | 'check' | 'write';
export interface ImportOptions {
  file: Buffer;
  dryRun: boolean;
  locale: Locale;
  actorId: string | null;
  limits: Limits & { maxRows: number };
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** runs inside the import's transaction when rows were stored */
  onApplied?: (tx: Tx, report: ImportReport) => Promise<void>;
}

class Rollback extends Error {}
const PREVIEW_ROWS = 200;

/**
 * Reads, checks and (unless a dry run or a row is bad) stores one file, all or nothing: everything
 * happens in one transaction, so a failure, an error row or a killed process leaves no trace.
 */
export async function runImport(db: Db, importer: EntityImporter, opts: ImportOptions): Promise<ImportReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const issues: Issue[] = [];
  const rows: ParsedRow[] = [];
  /** rows with a cell that did not parse: still checked against stored data, so one run reports all */
  const partial: ParsedRow[] = [];
  const badLines = new Set<number>();
  let header: string[] | null = null;
  let dataRows = 0;

  for await (const source of readRows(opts.file, opts.limits)) {
    if (!header) {
      header = source.cells.map((c) =>
        c
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase(),
      );
      issues.push(...headerIssues(importer, header));
      if (issues.length) break;
      continue;
    }
    if (++dataRows > opts.limits.maxRows) {
      issues.push({ line: source.line, column: null, code: 'TOO_MANY_ROWS', params: { max: opts.limits.maxRows } });
      break;
    }
    const parsed = parseRow(importer, header, source.line, source.cells, issues);
    if (parsed.ok) rows.push(parsed.row);
    else {
      badLines.add(source.line);
      partial.push(parsed.row);
    }
    if (dataRows % 5000 === 0) progress('read', dataRows, 0);
  }
  if (!header) issues.push({ line: 1, column: null, code: 'EMPTY_FILE' });
  progress('read', dataRows, dataRows);

  const columns = header ?? [];
  const fileIssues = issues.length > 0 && (issues[0]?.line === 1 || !header);
  const unique = fileIssues ? [] : withoutDuplicateKeys(importer, rows, issues, badLines);
  const report: ImportReport = {
    entity: importer.entity,
    dryRun: opts.dryRun,
    applied: false,
    columns,
    rows: dataRows,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    preview: [],
  };
  if (fileIssues) return finish(report, issues, badLines, opts.locale);

  try {
    await db.transaction(async (tx) => {
      // one import at a time: two files touching the same records must not interleave
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('grove.import'))`);
      progress('check', 0, unique.length);
      const env: ImportEnv = {
        locale: opts.locale,
        actorId: opts.actorId,
        columns: new Set(columns),
        progress: (done, total) => progress('write', done, total),
      };
      const checked = [...unique, ...partial].sort((a, b) => a.line - b.line);
      const plan = await importer.plan(tx, checked, env);
      for (const issue of plan.issues) {
        issues.push(issue);
        badLines.add(issue.line);
      }
      for (const row of unique) {
        if (badLines.has(row.line)) continue;
        const action = plan.actions.get(row.line) ?? 'unchanged';
        report[action === 'insert' ? 'inserted' : action === 'update' ? 'updated' : 'unchanged']++;
        if (report.preview.length < PREVIEW_ROWS) report.preview.push(previewOf(importer, row, action));
      }
      progress('check', unique.length, unique.length);
      if (issues.length || opts.dryRun) throw new Rollback();
      await plan.apply(tx);
      report.applied = true;
      await opts.onApplied?.(tx, report);
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return finish(report, issues, badLines, opts.locale);
}

/** Unknown, duplicate and missing columns of a header row (also used by bulk.ts). */
export function headerIssues(importer: { columns: Column[] }, header: string[]): Issue[] {
  const known = new Set(importer.columns.map((c) => c.name));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const expected = importer.columns.map((c) => c.name).join(', ');
  header.forEach((name) => {
    if (!known.has(name)) issues.push({ line: 1, column: name, code: 'UNKNOWN_COLUMN', params: { column: name, expected } });
    else if (seen.has(name)) issues.push({ line: 1, column: name, code: 'DUPLICATE_COLUMN', params: { column: name } });
    seen.add(name);
  });
  for (const c of importer.columns) {
    if (c.required && !seen.has(c.name)) issues.push({ line: 1, column: c.name, code: 'MISSING_COLUMN', params: { column: c.name } });
  }
  return issues;
}

/**
 * The row's values; a cell that does not parse is left out (undefined), so that the entity's rules
 * check what they can and skip what they cannot.
 */
function parseRow(
  importer: EntityImporter,
  header: string[],
  line: number,
  cells: string[],
  issues: Issue[],
): { ok: boolean; row: ParsedRow } {
  const values: Record<string, unknown> = {};
  let ok = true;
  if (cells.slice(header.length).some((c) => c.trim() !== '')) {
    issues.push({ line, column: null, code: 'COLUMN_COUNT', params: { cells: cells.length, columns: header.length } });
    ok = false;
  }
  for (const column of importer.columns) {
    const index = header.indexOf(column.name);
    if (index < 0) continue;
    const text = (cells[index] ?? '').trim();
    if (text === '') {
      if (column.required) {
        issues.push({ line, column: column.name, code: 'REQUIRED' });
        ok = false;
      }
      values[column.name] = null;
      continue;
    }
    const value = column.parse(text);
    if (value instanceof CellError) {
      issues.push({ line, column: column.name, code: value.code, params: value.params });
      ok = false;
    } else values[column.name] = value;
  }
  return { ok, row: { line, values } };
}

const keyOf = (importer: EntityImporter, row: ParsedRow) => importer.key.map((k) => String(row.values[k])).join(' / ');

function withoutDuplicateKeys(importer: EntityImporter, rows: ParsedRow[], issues: Issue[], badLines: Set<number>): ParsedRow[] {
  const firstLine = new Map<string, number>();
  return rows.filter((row) => {
    const key = keyOf(importer, row);
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, row.line);
      return true;
    }
    issues.push({
      line: row.line,
      column: importer.key[0] ?? null,
      code: 'DUPLICATE_KEY',
      params: { key: importer.key.join(' + '), line: first },
    });
    badLines.add(row.line);
    return false;
  });
}

function previewOf(importer: EntityImporter, row: ParsedRow, action: RowAction): PreviewRow {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.values)) if (v !== null && v !== undefined) values[k] = String(v);
  return { line: row.line, action, key: keyOf(importer, row), values };
}

function finish(report: ImportReport, issues: Issue[], badLines: Set<number>, locale: Locale): ImportReport {
  const errors: ImportIssue[] = issues
    .sort((a, b) => a.line - b.line)
    .map((i) => ({ line: i.line, column: i.column, code: i.code, message: rowMessage(locale, i.code, i.params) }));
  return { ...report, rejected: badLines.size, errors };
}
