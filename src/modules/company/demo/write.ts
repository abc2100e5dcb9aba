import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../core/db/tx.js';
import { accountEvents, accountOwners, accounts, accountTeam } from '../../accounts/accounts.schema.js';
import { syncCurrentOwners } from '../../accounts/ownership.js';
import { competitorPresence, competitors } from '../../competitors/competitors.schema.js';
import { contacts } from '../../contacts/contacts.schema.js';
import { accountPlans, planGoals, planNeeds, planOpportunities, planSolutions, planSwotItems } from '../../plans/plans.schema.js';
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

/**
 * Writes the demo's rows in the caller's transaction, parents before children (a contact's manager
 * comes before the contact in the same statement), then makes today's owner of every account the
 * one its ownership history names and stores the scoring settings the scores were computed with.
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
}
