import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.js';
import { assertZipWithinLimits } from './zip-guard.js';

/** One record of the file: its line (the header is line 1) and its cells as text. */
export interface SourceRow {
  line: number;
  cells: string[];
}

export interface Limits {
  /** the largest file accepted */
  maxBytes: number;
}

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

/**
 * The records of a CSV (UTF-8, optional BOM, RFC 4180) or XLSX (first sheet) file, header first.
 * The format is told by the content, not the name, so a misnamed file still reads.
 */
export async function* readRows(file: Buffer, limits: Limits): AsyncGenerator<SourceRow> {
  if (file.length > limits.maxBytes) throw new AppError('IMPORT_FILE_TOO_LARGE', 413, { mb: Math.round(limits.maxBytes / 1024 / 1024) });
  if (isZip(file)) {
    await assertZipWithinLimits(file, limits.maxBytes * 8, limits.maxBytes);
    yield* xlsxRows(file);
  } else {
    yield* csvRows(file);
  }
}

async function* csvRows(file: Buffer): AsyncGenerator<SourceRow> {
  const parser = Readable.from([file]).pipe(parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: record.info.lines, cells: record.record };
    }
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    if (e.code?.startsWith('CSV_')) {
      throw new AppError('IMPORT_CSV_INVALID', 400, { line: e.lines ?? 0, reason: e.code });
    }
    throw err;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // a date-only cell arrives as midnight UTC; a date-time keeps its clock time (company time zone)
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

async function* xlsxRows(file: Buffer): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        const cells = Array.from(values, (v) => cellText(v));
        if (cells.some((c) => c.trim() !== '')) yield { line: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_FILE_UNREADABLE', 400);
  }
}
