import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { findCompany } from './company.service.js';

/**
 * The company calendar: an instant `column` falls on the calendar days [from, to] of the company time
 * zone (bounds on the column itself, so its index is used). No bounds when neither day is given.
 */
export async function dayRange(ctx: Ctx, column: SQL, from?: string, to?: string): Promise<SQL[]> {
  if (!from && !to) return [];
  const tz = (await findCompany(ctx.db))?.timeZone ?? 'UTC';
  const parts: SQL[] = [];
  if (from) parts.push(sql`${column} >= (${from}::date::timestamp AT TIME ZONE ${tz})`);
  if (to) parts.push(sql`${column} < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz})`);
  return parts;
}
