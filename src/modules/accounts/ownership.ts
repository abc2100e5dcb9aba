import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/tx.js';
import { accountOwners } from './accounts.schema.js';

/** The start date of an assignment the owner has had from the beginning (import-format.md). */
export const FROM_THE_BEGINNING = '-infinity';

/** Today in the company's time zone, as SQL. */
export const companyToday = sql`(now() AT TIME ZONE coalesce((SELECT time_zone FROM company WHERE id = 1), 'UTC'))::date`;

export interface Assignment {
  accountId: string;
  ownerId: string;
  /** YYYY-MM-DD, or FROM_THE_BEGINNING */
  startDate: string;
  note?: string | null;
  createdBy?: string | null;
  origin?: 'app' | 'handover' | 'transfer' | 'account_row';
}

/**
 * Records an assignment in the ownership history. One per account and start date: a second one on
 * the same date replaces it (import-format.md); earlier and later assignments are never touched.
 */
export async function recordAssignment(tx: Executor, a: Assignment): Promise<void> {
  await tx
    .insert(accountOwners)
    .values({
      accountId: a.accountId,
      ownerId: a.ownerId,
      startDate: a.startDate,
      note: a.note ?? null,
      createdBy: a.createdBy ?? null,
      origin: a.origin ?? 'app',
    })
    .onConflictDoUpdate({
      target: [accountOwners.accountId, accountOwners.startDate],
      set: { ownerId: a.ownerId, note: a.note ?? null, createdBy: a.createdBy ?? null, origin: a.origin ?? 'app', createdAt: sql`now()` },
    });
}

/**
 * Sets `accounts.owner_id` to today's owner by the history, for the given accounts or all of them
 * (a transfer dated in the future takes effect on its day; an account whose first assignment is still
 * ahead is already with that owner, who must prepare). Answers how many accounts changed hands.
 */
export async function syncCurrentOwners(tx: Executor, accountIds?: string[]): Promise<number> {
  const only = accountIds ? sql`AND o.account_id = ANY(${sql.param(accountIds)}::uuid[])` : sql``;
  const result = await tx.execute(sql`
    UPDATE accounts a SET owner_id = cur.owner_id
    FROM (
      SELECT DISTINCT ON (o.account_id) o.account_id, o.owner_id
      FROM account_owners o
      WHERE true ${only}
      ORDER BY o.account_id, (o.start_date <= ${companyToday}) DESC,
        CASE WHEN o.start_date <= ${companyToday} THEN o.start_date END DESC, o.start_date
    ) cur
    WHERE a.id = cur.account_id AND a.owner_id IS DISTINCT FROM cur.owner_id`);
  return result.rowCount ?? 0;
}

/** SQL for the owner of an account on a day (the rule of import-format.md, kpi_owner_on of migration 0010). */
export const ownerOnDay = (accountId: SQL, day: SQL) => sql`kpi_owner_on(${accountId}, ${day})`;

/**
 * The same rule for sets of facts: the ownership history as day ranges [lo, hi) per account (hi null =
 * still the owner), as SQL text for raw statements and as a fragment.
 */
export const ownerRangesText =
  'SELECT account_id, owner_id, start_date AS lo, lead(start_date) OVER (PARTITION BY account_id ORDER BY start_date) AS hi FROM account_owners';
export const ownerRanges = sql.raw(ownerRangesText);
