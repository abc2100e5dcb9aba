import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import { decimal, oneOf, text } from '../imports/cells.js';
import { type EntityImporter, type ImportEnv, type Issue, type ParsedRow, type Plan, unparsed } from '../imports/engine.js';
import type { RowAction } from '../imports/imports.contracts.js';
import { distinctStrings, rowAction } from '../imports/lookups.js';
import { productTypes } from './products.contracts.js';

const fields = ['name', 'type', 'category', 'unit', 'unit_cost', 'base_price'] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string | null>;
type Changed = Values & { sku: string };

const BATCH = 5000;

/** products (import-format.md): the catalogue of goods and services, by SKU. */
export const productsImporter: EntityImporter = {
  entity: 'products',
  key: ['sku'],
  columns: [
    { name: 'sku', required: true, parse: text(100) },
    { name: 'name', required: true, parse: text(300) },
    { name: 'type', required: true, parse: oneOf(productTypes) },
    { name: 'category', parse: text(200) },
    { name: 'unit', parse: text(50) },
    { name: 'unit_cost', required: true, parse: decimal({ scale: 4, min: 0 }) },
    { name: 'base_price', required: true, parse: decimal({ scale: 4, min: 0 }) },
  ],
  plan: planProducts,
};

async function planProducts(tx: Tx, rows: ParsedRow[], env: ImportEnv): Promise<Plan> {
  const stored = new Map(
    (
      await tx.execute<Values & { sku: string }>(sql`
        SELECT sku, name, type::text, category, unit, unit_cost::text, base_price::text FROM products
        WHERE sku = ANY(${sql.param(distinctStrings(rows.map((r) => r.values.sku)))}::text[])`)
    ).rows.map((r) => [r.sku, r]),
  );
  const issues: Issue[] = [];
  const actions = new Map<number, RowAction>();
  const changed: Changed[] = [];
  for (const row of rows) {
    const v = row.values;
    if (typeof v.sku !== 'string' || fields.some((f) => unparsed(row, env.columns, f))) continue; // refused already
    const before = stored.get(v.sku);
    // an optional column absent from the file keeps what is stored
    const next = Object.fromEntries(
      fields.map((f) => [f, env.columns.has(f) ? ((v[f] as string | null) ?? null) : (before?.[f] ?? null)]),
    ) as Values;
    const action = rowAction(before, next);
    actions.set(row.line, action);
    if (action !== 'unchanged') changed.push({ ...next, sku: v.sku });
  }
  return { issues, actions, apply: (t) => applyProducts(t, changed, env) };
}

async function applyProducts(tx: Tx, changed: Changed[], env: ImportEnv): Promise<void> {
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = JSON.stringify(changed.slice(i, i + BATCH));
    await tx.execute(sql`
      INSERT INTO products (sku, name, type, category, unit, unit_cost, base_price)
      SELECT sku, name, type, category, unit, unit_cost, base_price
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(
        sku text, name text, type product_type, category text, unit text, unit_cost numeric, base_price numeric)
      ON CONFLICT (sku) DO UPDATE SET
        name = excluded.name, type = excluded.type, category = excluded.category, unit = excluded.unit,
        unit_cost = excluded.unit_cost, base_price = excluded.base_price, updated_at = now()`);
    env.progress(Math.min(i + BATCH, changed.length), changed.length);
  }
}
