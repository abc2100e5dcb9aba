import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/tx.js';
import type { Issue, ParsedRow } from './engine.js';
import type { RowAction } from './imports.contracts.js';

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

/**
 * The id a row's reference cell resolves to, from a look-up above. A reference that names nothing
 * stored is an issue on its column; a cell that did not parse is undefined (its row is refused already).
 */
function reference(
  row: ParsedRow,
  column: string,
  ids: ReadonlyMap<string, string>,
  issues: Issue[],
  unknown: (value: string) => Pick<Issue, 'code' | 'params'>,
): string | undefined {
  const value = row.values[column];
  if (typeof value !== 'string') return undefined;
  const id = ids.get(value);
  if (!id) issues.push({ line: row.line, column, ...unknown(value) });
  return id;
}

/** The account a row names by external ID (`UNKNOWN_ACCOUNT` when there is none). */
export function knownAccount(
  row: ParsedRow,
  ids: ReadonlyMap<string, string>,
  issues: Issue[],
  column = 'account_external_id',
): string | undefined {
  return reference(row, column, ids, issues, (externalId) => ({ code: 'UNKNOWN_ACCOUNT', params: { externalId } }));
}

/** The user a row names by e-mail in `column` (`UNKNOWN_USER` when there is none). */
export function knownUser(row: ParsedRow, column: string, ids: ReadonlyMap<string, string>, issues: Issue[]): string | undefined {
  return reference(row, column, ids, issues, (email) => ({ code: 'UNKNOWN_USER', params: { email } }));
}

/** What a row does to the stored record with its key: inserts one, leaves it as it is, or updates it. */
export function rowAction<T extends object>(before: T | undefined, next: T): RowAction {
  if (!before) return 'insert';
  return (Object.keys(next) as (keyof T)[]).every((k) => before[k] === next[k]) ? 'unchanged' : 'update';
}
