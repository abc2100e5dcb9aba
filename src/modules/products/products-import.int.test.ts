import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeCompany } from '../../../test/helpers/factories.js';
import { errorsOf, importer, rowsOf } from '../../../test/helpers/imports.js';
import { csv, xlsx } from '../../../test/helpers/tables.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let run: ReturnType<typeof importer>;

beforeAll(async () => {
  database = await createTestDatabase();
  await makeCompany(database.db);
  run = importer(database.db);
}, 60_000);
afterAll(() => database.close());

const header = ['sku', 'name', 'type', 'category', 'unit', 'unit_cost', 'base_price'];
const stored = () =>
  rowsOf(database.db, sql`SELECT sku, name, type::text, category, unit, unit_cost::text, base_price::text FROM products ORDER BY sku`);

describe('products import', () => {
  it('stores goods and services with exact prices at 4 decimals', async () => {
    const report = await run(
      'products',
      csv([
        header,
        ['P-1', 'Бумага А4, 500 л.', 'product', 'Paper', 'pack', '1.2345', '2.5'],
        ['S-1', 'Delivery', 'service', '', '', '0', '1500'],
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ applied: true, inserted: 2, updated: 0, unchanged: 0 });
    expect(await stored()).toEqual([
      {
        sku: 'P-1',
        name: 'Бумага А4, 500 л.',
        type: 'product',
        category: 'Paper',
        unit: 'pack',
        unit_cost: '1.2345',
        base_price: '2.5000',
      },
      { sku: 'S-1', name: 'Delivery', type: 'service', category: null, unit: null, unit_cost: '0.0000', base_price: '1500.0000' },
    ]);
  });

  it('is idempotent, updates a changed row, and keeps stored values of optional columns the file leaves out', async () => {
    const same = csv([
      header,
      ['P-1', 'Бумага А4, 500 л.', 'product', 'Paper', 'pack', '1.2345', '2.50'],
      ['S-1', 'Delivery', 'service', '', '', '0.0', '1500.0000'],
    ]);
    expect(await run('products', same)).toMatchObject({ applied: true, inserted: 0, updated: 0, unchanged: 2 });
    const changed = csv([
      ['sku', 'name', 'type', 'unit_cost', 'base_price'],
      ['P-1', 'Paper A4', 'product', '1.3', '2.5'],
    ]);
    expect(await run('products', changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await run('products', changed)).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await stored())[0]).toMatchObject({ name: 'Paper A4', category: 'Paper', unit: 'pack', unit_cost: '1.3000' });
  });

  it('reads the first sheet of an XLSX', async () => {
    const report = await run('products', await xlsx([header, ['X-1', 'Toner', 'product', null, null, 12.5, 20]]));
    expect(report).toMatchObject({ applied: true, inserted: 1 });
    expect((await stored()).find((p) => p.sku === 'X-1')).toMatchObject({ unit_cost: '12.5000', base_price: '20.0000' });
  });

  it('reports every bad row in one run, in English and Russian, and stores nothing', async () => {
    const before = await stored();
    const file = csv([
      header,
      ['N-1', 'Fine', 'product', '', '', '1', '2'],
      ['N-2', '', 'goods', '', '', '-1', '1.23456'],
      ['N-3', 'Free', 'service', '', '', '', '0'],
      ['N-1', 'Twice', 'product', '', '', '1', '2'],
    ]);
    const report = await run('products', file);
    expect(report).toMatchObject({ applied: false, rejected: 3 });
    expect(errorsOf(report)).toEqual([
      [3, 'name', 'REQUIRED'],
      [3, 'type', 'INVALID_CHOICE'],
      [3, 'unit_cost', 'OUT_OF_RANGE'],
      [3, 'base_price', 'INVALID_DECIMAL'],
      [4, 'unit_cost', 'REQUIRED'],
      [5, 'sku', 'DUPLICATE_KEY'],
    ]);
    expect(report.errors[3]?.message).toBe('"1.23456" is not a number (use "." for decimals, at most 4 decimals)');
    const ru = await run('products', file, { locale: 'ru' });
    expect(ru.errors[1]?.message).toBe('«goods» — не одно из значений: product, service');
    expect(await stored()).toEqual(before);
  });

  it('refuses unknown and missing columns', async () => {
    const report = await run(
      'products',
      csv([
        ['sku', 'name', 'type', 'unit_cost', 'price'],
        ['Z-1', 'Z', 'product', '1', '2'],
      ]),
    );
    expect(errorsOf(report)).toEqual([
      [1, 'price', 'UNKNOWN_COLUMN'],
      [1, 'base_price', 'MISSING_COLUMN'],
    ]);
  });

  it('dry run reports what would happen and stores nothing', async () => {
    const before = await stored();
    const report = await run(
      'products',
      csv([
        header,
        ['D-1', 'New', 'product', '', '', '1', '2'],
        ['P-1', 'Paper A4 (new name)', 'product', 'Paper', 'pack', '1.3', '2.5'],
        ['S-1', 'Delivery', 'service', '', '', '0', '1500'],
      ]),
      { dryRun: true },
    );
    expect(report).toMatchObject({ dryRun: true, applied: false, inserted: 1, updated: 1, unchanged: 1, rejected: 0, errors: [] });
    expect(report.preview.map((p) => [p.key, p.action])).toEqual([
      ['D-1', 'insert'],
      ['P-1', 'update'],
      ['S-1', 'unchanged'],
    ]);
    expect(await stored()).toEqual(before);
  });
});
