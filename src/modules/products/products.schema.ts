import { sql } from 'drizzle-orm';
import { check, index, numeric, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { productTypes } from './products.contracts.js';

export const productTypeEnum = pgEnum('product_type', productTypes);

/** What the company sells: goods and services (import-format.md, products). */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    type: productTypeEnum('type').notNull(),
    category: text('category'),
    unit: text('unit'),
    unitCost: numeric('unit_cost', { precision: 18, scale: 4 }).notNull(),
    basePrice: numeric('base_price', { precision: 18, scale: 4 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('products_name_idx').on(sql`lower(${t.name})`), check('products_cost', sql`${t.unitCost} >= 0 AND ${t.basePrice} >= 0`)],
);
