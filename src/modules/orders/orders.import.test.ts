import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Params } from '../imports/messages.js';
import { RowWriter } from './orders.import.js';

const all = [
  'order_id',
  'line_no',
  'account_external_id',
  'order_date',
  'sku',
  'quantity',
  'unit_price',
  'discount_pct',
  'unit_cost',
  'status',
];

function slow(header: string[], cells: string[]) {
  const issues: { column: string | null; code: string; params?: Params }[] = [];
  const text = new RowWriter(header).write(7, cells, (column, code, params) => issues.push({ column, code, params }), false);
  return { text, issues };
}

describe('staging order lines', () => {
  it('stages a row as COPY text in the file order, an empty field (null) for an empty cell', () => {
    const header = ['sku', 'order_id', 'line_no', 'account_external_id', 'order_date', 'quantity', 'unit_price', 'status'];
    const cells = ['SKU\\1,b', ' SO-1 ', '2', 'ACC-1', '2026-02-28', '1.5', '10', ''];
    expect(slow(header, cells)).toEqual({ text: '7,f,SKU\\\\1\\,b,SO-1,2,ACC-1,2026-02-28,1.5,10,\n', issues: [] });
    expect(new RowWriter(all).fast(3, 'SO-1,1,ACC-1,2026-03-31,SKU-1,2,99.5,,,cancelled')).toBe(
      '3,f,SO-1,1,ACC-1,2026-03-31,SKU-1,2,99.5,,,cancelled\n',
    );
  });

  it('reports every bad cell of a row with the reasons of the other imports', () => {
    const { text, issues } = slow(all, ['', '0', 'A', '2026-02-30', 'x'.repeat(101), '0.000', '1.23456', '101', '-1', 'done']);
    expect(text).toBe('7,t,,,A,,,,,,,\n');
    expect(issues.map((i) => [i.column, i.code])).toEqual([
      ['order_id', 'REQUIRED'],
      ['line_no', 'OUT_OF_RANGE'],
      ['order_date', 'INVALID_DATE'],
      ['sku', 'TOO_LONG'],
      ['quantity', 'NOT_POSITIVE'],
      ['unit_price', 'INVALID_DECIMAL'],
      ['discount_pct', 'OUT_OF_RANGE'],
      ['unit_cost', 'OUT_OF_RANGE'],
      ['status', 'INVALID_CHOICE'],
    ]);
    expect(issues.find((i) => i.code === 'INVALID_DECIMAL')?.params).toEqual({ value: '1.23456', scale: 4 });
  });

  it('takes the fast path only for rows the careful path stages alike and without an issue', () => {
    const cell = (...plain: string[]) =>
      fc.oneof(fc.constantFrom(...plain), fc.constantFrom('', ' ', '0', '00', '-1', '1e3', 'x', '٣', '\u00a0a'));
    const row = fc.record({
      order_id: cell('SO-1', 'Заказ 7', 'a b'),
      line_no: cell('1', '12', '007', '999999999', '1000000000'),
      account_external_id: cell('ACC-1', 'Ромашка'),
      order_date: cell('2026-01-31', '2024-02-29', '2023-02-29', '2026-04-31', '1999-12-01', '0999-01-01'),
      sku: cell('SKU-1', 'x\\y'),
      quantity: cell('1', '0.5', '0.001', '0.0', '123456789012345', '1.2345', '010'),
      unit_price: cell('0', '10.25', '99999999999999', '99999999999999.5', '1.12345'),
      discount_pct: cell('0', '100', '100.0001', '99.9999', '5.5'),
      unit_cost: cell('0', '1.5', '100000000000000'),
      status: cell('confirmed', 'cancelled', 'Confirmed'),
    });
    fc.assert(
      fc.property(row, fc.shuffledSubarray(all.slice(7), { minLength: 0 }), fc.boolean(), (values, optional, reverse) => {
        const header = [...all.slice(0, 7), ...optional];
        if (reverse) header.reverse();
        const cells = header.map((h) => values[h as keyof typeof values]);
        const fast = new RowWriter(header).fast(7, cells.join(','));
        const careful = slow(header, cells);
        if (fast !== null) {
          expect(careful.issues).toEqual([]);
          expect(fast).toBe(careful.text);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for ordinary rows', () => {
    const writer = new RowWriter(all);
    for (const line of [
      'SO-0000001,1,ACC-00633,2023-11-01,SKU-0475,6.037,3257.28,10,,',
      'SO-9,12,A-1,2026-10-31,S,40,0.5,7.25,12.00,confirmed',
    ])
      expect(writer.fast(2, line)).not.toBeNull();
  });
});
