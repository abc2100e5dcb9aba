import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { cellsOf, csvBatches, recordBatches } from './bulk-source.js';
import { readRows } from './reader.js';

const limits = { maxBytes: 10_000_000 };

async function scanned(file: Buffer, chunk?: number) {
  const out: { line: number; cells: string[] }[] = [];
  for await (const batch of chunk ? csvBatches(file, chunk) : recordBatches(file, limits))
    for (const row of batch) out.push({ line: row.line, cells: cellsOf(row) });
  return out;
}

async function parsed(file: Buffer) {
  const out: { line: number; cells: string[] }[] = [];
  for await (const row of readRows(file, limits)) out.push(row);
  return out;
}

const quote = (s: string) => (/[",\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);

describe('the bulk CSV scanner', () => {
  it('reads records, lines and cells as the general reader does', async () => {
    const file = Buffer.from(
      '\uFEFForder_id,sku,name\r\nA,1,plain\r\n\r\nB,"2,5","say ""hi"""\r\nC,3,"two\nlines"\r\nD,,\r\nE,"",x\r\n',
      'utf8',
    );
    const rows = await scanned(file);
    expect(rows).toEqual(await parsed(file));
    expect(rows).toEqual([
      { line: 1, cells: ['order_id', 'sku', 'name'] },
      { line: 2, cells: ['A', '1', 'plain'] },
      { line: 4, cells: ['B', '2,5', 'say "hi"'] },
      { line: 6, cells: ['C', '3', 'two\nlines'] },
      { line: 7, cells: ['D', '', ''] },
      { line: 8, cells: ['E', '', 'x'] },
    ]);
    // the general reader keeps to the line end of the first line; a file that mixes them reads here too
    expect(await scanned(Buffer.from('a,b\r\n1,2\n3,4\r\n'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('agrees with the general reader on any file, however it is cut into chunks', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'say "x"', 'line\nbreak', 'Ромашка', ' padded ', '€', '😀'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 40 }),
        async (records, newline, chunk) => {
          // a record of one empty cell would be an empty line, which both skip
          const text = records.map((r) => r.map(quote).join(',')).join(newline) + newline;
          const file = Buffer.from(text, 'utf8');
          expect(await scanned(file, chunk)).toEqual(await parsed(file));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses broken quoting with the line, like the general reader', async () => {
    for (const [text, line, reason] of [
      ['a,b\n1,"open\n2,3\n', 4, 'CSV_QUOTE_NOT_CLOSED'],
      ['a,b\n1,x"y\n', 2, 'INVALID_OPENING_QUOTE'],
      ['a,b\n1,2\n3,"z"w\n', 3, 'CSV_INVALID_CLOSING_QUOTE'],
    ] as const) {
      const err = await scanned(Buffer.from(text)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('IMPORT_CSV_INVALID');
      expect((err as AppError).params).toMatchObject({ line, reason });
      // the general reader refuses the same files
      await expect(parsed(Buffer.from(text))).rejects.toThrow();
    }
  });
});
