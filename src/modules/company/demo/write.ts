import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../core/db/tx.js';
import { accountEvents, accountOwners, accounts, accountTeam } from '../../accounts/accounts.schema.js';
import { syncCurrentOwners } from '../../accounts/ownership.js';
import { competitorPresence, competitors } from '../../competitors/competitors.schema.js';
import { complaints } from '../../complaints/complaints.schema.js';
import { contacts } from '../../contacts/contacts.schema.js';
import { interactionContacts, interactionMoves, interactions } from '../../interactions/interactions.schema.js';
import { absences } from '../../absences/absences.schema.js';
import { notifications } from '../../notifications/notifications.schema.js';
import { taskComments, tasks } from '../../tasks/tasks.schema.js';
import { invoices, payments } from '../../invoices/invoices.schema.js';
import { orderLines, orderReturns } from '../../orders/orders.schema.js';
import { accountPlans, planGoals, planNeeds, planOpportunities, planSolutions, planSwotItems } from '../../plans/plans.schema.js';
import { products } from '../../products/products.schema.js';
import { departmentTargets, managerTargets } from '../../targets/targets.schema.js';
import { ensureSettings } from '../../tiering/scoring.sql.js';
import { accountCriteria, accountScorecards } from '../../tiering/tiering.schema.js';
import type { DemoRows } from './model.js';

/** PostgreSQL takes at most 65 535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

async function insertAll(tx: Executor, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size));
}

/** Rows per statement of the column-wise inserts. */
const COLUMN_BATCH = 25_000;

const asParameter = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/**
 * Many rows in few statements: each column is sent as one array parameter and unnest() turns them
 * back into rows (INSERT … SELECT * FROM unnest($1::text[], $2::int[], …)), which is much quicker
 * for the tens of thousands of sales facts than rows of parameters. Every row has the same keys.
 */
async function insertColumns(tx: Executor, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!).filter((k) => columns[k]);
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += COLUMN_BATCH) {
    const batch = rows.slice(i, i + COLUMN_BATCH);
    const arrays = keys.map((k) => sql`${sql.param(batch.map((r) => asParameter(r[k])))}::${sql.raw(columns[k]!.getSQLType())}[]`);
    await tx.execute(sql`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})`);
  }
}

/**
 * The sales history: the facts carry the owner of their day already; the summaries the KPI report
 * reads and the invoices' settlement days are then rebuilt from them (migration 0010).
 */
async function writeSales(tx: Executor, rows: DemoRows): Promise<void> {
  await insertAll(tx, products, rows.products);
  await insertColumns(tx, orderLines, rows.orderLines);
  await insertColumns(tx, orderReturns, rows.returns);
  await insertColumns(tx, invoices, rows.invoices);
  await insertColumns(tx, payments, rows.payments);
  await insertColumns(tx, interactions, rows.interactions);
  if (rows.teamwork) {
    const w = rows.teamwork;
    await insertColumns(tx, interactionContacts, w.interactionContacts);
    await insertAll(tx, interactionMoves, w.interactionMoves);
    await insertAll(tx, tasks, w.tasks);
    await insertAll(tx, taskComments, w.taskComments);
    await insertAll(tx, absences, w.absences);
    await insertAll(tx, notifications, w.notifications);
  }
  await insertColumns(tx, complaints, rows.complaints);
  await insertAll(tx, departmentTargets, rows.departmentTargets);
  await insertAll(tx, managerTargets, rows.managerTargets);
  await tx.execute(sql`SELECT kpi_refresh_days(ARRAY(SELECT order_date FROM order_lines UNION SELECT return_date FROM order_returns))`);
  await tx.execute(sql`SELECT kpi_refresh_firsts(ARRAY(SELECT id FROM accounts))`);
  await tx.execute(sql`SELECT invoices_settle(ARRAY(SELECT invoice_id FROM invoices))`);
}

/**
 * Writes the demo's rows in the caller's transaction, parents before children (a contact's manager
 * comes before the contact in the same statement), then makes today's owner of every account the
 * one its ownership history names and stores the scoring settings the scores were computed with;
 * then the sales history.
 */
export async function writeDemoRows(tx: Executor, rows: DemoRows): Promise<void> {
  await ensureSettings(tx);
  await insertAll(tx, competitors, rows.competitors);
  await insertAll(tx, accounts, rows.accounts);
  await insertAll(tx, accountOwners, rows.owners);
  await insertAll(tx, accountTeam, rows.team);
  await insertAll(tx, contacts, rows.contacts);
  await insertAll(tx, competitorPresence, rows.presence);
  await insertAll(tx, accountScorecards, rows.scorecards);
  await insertAll(tx, accountCriteria, rows.criteria);
  await insertAll(tx, accountPlans, rows.plans);
  await insertAll(tx, planNeeds, rows.needs);
  await insertAll(tx, planSolutions, rows.solutions);
  await insertAll(tx, planGoals, rows.goals);
  await insertAll(tx, planSwotItems, rows.swot);
  await insertAll(tx, planOpportunities, rows.opportunities);
  await insertAll(tx, accountEvents, rows.events);
  await syncCurrentOwners(tx);
  await writeSales(tx, rows);
}
