import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';

/** Stored look-ups the entity importers share: what a row's references resolve to. */

const strings = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))];

/** Account ids by external ID, for the external IDs given. */
export async function accountIdsByExternalId(tx: Tx, externalIds: unknown[]): Promise<Map<string, string>> {
  const { rows } = await tx.execute<{ id: string; external_id: string }>(
    sql`SELECT id, external_id FROM accounts WHERE external_id = ANY(${sql.param(strings(externalIds))}::text[])`,
  );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

/** User ids by e-mail (stored in lower case, as the e-mail cells give them), for the e-mails given. */
export async function userIdsByEmail(tx: Tx, emails: unknown[]): Promise<Map<string, string>> {
  const { rows } = await tx.execute<{ id: string; email: string }>(
    sql`SELECT id, email FROM users WHERE email = ANY(${sql.param(strings(emails))}::text[])`,
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** The company time zone, in which date-times without an offset are read (import-format.md). */
export async function companyTimeZone(tx: Tx): Promise<string> {
  const { rows } = await tx.execute<{ time_zone: string }>(sql`SELECT time_zone FROM company WHERE id = 1`);
  return rows[0]?.time_zone ?? 'UTC';
}

/** The distinct non-empty strings of the values (keys of a file, references). */
export { strings as distinctStrings };
