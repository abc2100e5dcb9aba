import { PassThrough, type Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { assertCan } from '../../core/policy/policy.js';
import { findCompany } from '../company/company.service.js';
import { type AccountColumn, type AccountExportQuery, type AccountListItem, exportColumns } from './accounts.contracts.js';
import { accountTexts } from './accounts.i18n.js';
import { accountRows } from './accounts.service.js';

/** Rows fetched per query while streaming: memory stays flat however many accounts match. */
export const EXPORT_BATCH = 1000;

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets a
 * leading apostrophe, so an account named `=HYPERLINK(…)` stays text (OWASP "CSV injection").
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: string; decimals: number }
  | { kind: 'date'; value: Date; withTime: boolean }
  | { kind: 'empty' };

const text = (value: string | null | undefined): Cell => (value ? { kind: 'text', value } : { kind: 'empty' });
const number = (value: string | number | null, decimals = 0): Cell =>
  value === null ? { kind: 'empty' } : { kind: 'number', value: String(value), decimals };
const date = (value: string | null, withTime = false): Cell =>
  value ? { kind: 'date', value: new Date(value), withTime } : { kind: 'empty' };

function cellOf(a: AccountListItem, column: AccountColumn, t: ReturnType<typeof accountTexts>): Cell {
  switch (column) {
    case 'tier':
      return text(t.tier[a.tier]);
    case 'status':
      return text(t.status[a.status]);
    case 'channel':
      return text(a.channel && t.channel[a.channel]);
    case 'owner':
      return text(a.owner?.name);
    case 'score':
      return number(a.score, 2);
    case 'creditLimit':
      return number(a.creditLimit, 2);
    case 'paymentTermsDays':
      return number(a.paymentTermsDays);
    case 'lastContactAt':
    case 'planUpdatedAt':
      return date(a[column]);
    case 'createdAt':
    case 'updatedAt':
      return date(a[column], true);
    default:
      return text(a[column]);
  }
}

/** The wall-clock parts of an instant in the company's time zone. */
function localParts(d: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** CSV: dates as YYYY-MM-DD (with HH:mm for instants) in the company time zone; decimals with a point. */
function csvValue(cell: Cell, timeZone: string): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return cell.value;
    case 'date': {
      const p = localParts(cell.value, timeZone);
      return cell.withTime ? `${p.y}-${p.m}-${p.d} ${p.h}:${p.min}` : `${p.y}-${p.m}-${p.d}`;
    }
    case 'text':
      return neutralizeFormula(cell.value);
  }
}

/** XLSX: real numbers and dates (shown in the company time zone), text escaped like CSV. */
function xlsxValue(cell: Cell, timeZone: string): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'number':
      return Number(cell.value);
    case 'date': {
      const p = localParts(cell.value, timeZone);
      return new Date(Date.UTC(Number(p.y), Number(p.m) - 1, Number(p.d), Number(p.h), Number(p.min)));
    }
    case 'text':
      return neutralizeFormula(cell.value);
  }
}

function xlsxFormat(column: AccountColumn): string | undefined {
  if (column === 'creditLimit' || column === 'score') return '#,##0.00';
  if (column === 'lastContactAt' || column === 'planUpdatedAt') return 'yyyy-mm-dd';
  if (column === 'createdAt' || column === 'updatedAt') return 'yyyy-mm-dd hh:mm';
  return undefined;
}

/** Writes, and waits while the reader is behind; false once the reader has gone away. */
async function write(stream: Writable, chunk: unknown): Promise<boolean> {
  if (stream.destroyed) return false;
  if (stream.write(chunk)) return true;
  await waitForDrain(stream);
  return !stream.destroyed;
}

function waitForDrain(stream: Writable): Promise<void> {
  if (stream.destroyed || !stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

export interface ExportFile {
  /** ASCII file name, and the same in the reader's language */
  filename: string;
  localFilename: string;
  contentType: string;
  body: Readable;
}

/**
 * The accounts of the current list view as a CSV or XLSX download, streamed a batch at a time.
 * Audited as `accounts.export` with the filters, the format and how many rows went out.
 */
export async function exportAccounts(ctx: Ctx, q: AccountExportQuery): Promise<ExportFile> {
  assertCan(actorOf(ctx), 'accounts.export');
  const t = accountTexts(ctx.locale);
  const timeZone = (await findCompany(ctx.db))?.timeZone ?? 'UTC';
  const columns = q.columns?.length ? [...new Set(q.columns)] : [...exportColumns];
  const { format, columns: _c, ...filters } = q;
  const today = (() => {
    const p = localParts(new Date(), timeZone);
    return `${p.y}-${p.m}-${p.d}`;
  })();

  let rows = 0;
  const audit = (complete: boolean) =>
    recordAudit(ctx, { action: 'accounts.export', entity: 'account', after: { format, filters, columns, rows, complete } });

  /** Feeds every matching row to `put`; the audit entry is written before the file ends. */
  const pump = async (put: (item: AccountListItem) => Promise<boolean>, finish: () => Promise<void>, fail: (e: Error) => void) => {
    try {
      for await (const batch of accountRows(ctx, q, EXPORT_BATCH)) {
        for (const item of batch) {
          if (!(await put(item))) return await audit(false);
          rows++;
        }
      }
      await audit(true);
      await finish();
    } catch (error) {
      await audit(false).catch(() => undefined);
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };

  if (format === 'csv') {
    // RFC 4180: CRLF between records; the BOM makes Excel read UTF-8 (Cyrillic) correctly
    const csv = stringify({
      header: true,
      bom: true,
      record_delimiter: 'windows',
      columns: columns.map((c) => ({ key: c, header: t.columns[c] })),
    });
    void pump(
      (item) => write(csv, Object.fromEntries(columns.map((c) => [c, csvValue(cellOf(item, c, t), timeZone)]))),
      async () => {
        csv.end();
      },
      (e) => csv.destroy(e),
    );
    return {
      filename: `accounts-${today}.csv`,
      localFilename: `${t.file}-${today}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: csv,
    };
  }

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => {
    const numFmt = xlsxFormat(c);
    return { header: t.columns[c], key: c, width: c === 'name' || c === 'nextStep' ? 36 : 16, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let sinceDrainCheck = 0;
  void pump(
    async (item) => {
      sheet.addRow(Object.fromEntries(columns.map((c) => [c, xlsxValue(cellOf(item, c, t), timeZone)]))).commit();
      if (++sinceDrainCheck >= 200) {
        sinceDrainCheck = 0;
        await waitForDrain(out);
      }
      return !out.destroyed;
    },
    async () => {
      sheet.commit();
      await workbook.commit();
    },
    (e) => out.destroy(e),
  );
  return {
    filename: `accounts-${today}.xlsx`,
    localFilename: `${t.file}-${today}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: out,
  };
}

/** `attachment` with an ASCII name and the reader's-language name (RFC 6266 / 5987). */
export function contentDisposition(file: Pick<ExportFile, 'filename' | 'localFilename'>): string {
  return `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.localFilename)}`;
}
