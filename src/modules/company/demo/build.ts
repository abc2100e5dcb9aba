import { buildTeamwork } from './teamwork.js';
import { buildAccounts } from './accounts.js';
import { buildActivities } from './activities.js';
import { Calendar } from './calendar.js';
import { buildCommerce } from './commerce.js';
import { buildCompetitors } from './competitors.js';
import { buildHistory } from './history.js';
import { Days, OwnerBook } from './ledger.js';
import { type Builder, type DemoRows, type DemoUser, emptyRows } from './model.js';
import { NameBook } from './names.js';
import { buildNotes } from './notes.js';
import { buildPlans } from './plans.js';
import { buildProducts } from './products.js';
import { Rng } from './random.js';
import { buildScores } from './scores.js';
import { buildStakeholders } from './stakeholders.js';
import { buildTargets } from './targets.js';

/** Kinds of events that change the account record itself (its updated_at). */
const accountKinds = new Set(['account.created', 'tier.changed', 'status.changed', 'ownership.changed']);

/**
 * The demo's key-account department as rows: about 150 clients with their owners' history, teams,
 * stakeholders, scorecards, plans, competitors and timelines, and three years of sales history (products,
 * orders, returns, invoices, payments, interactions, complaints, plans by month). Pure: the same people and day give the
 * same rows (the seed is fixed; dates count from `now`).
 */
export function buildDemo(people: readonly DemoUser[], now: Date = new Date()): DemoRows {
  const root = new Rng('northwind-trading-demo');
  const cal = new Calendar(now);
  const rows = emptyRows();
  const byKey = new Map(people.map((p) => [p.key, p]));
  const b: Builder = {
    cal,
    rows,
    people,
    user(key) {
      const u = byKey.get(key);
      if (!u) throw new Error(`demo person ${key} is missing`);
      return u;
    },
    event(accountId, kind, at, actorKey, data) {
      rows.events.push({ accountId, kind, occurredAt: at, actorId: actorKey ? b.user(actorKey).id : null, data });
    },
  };

  const accounts = buildAccounts(root, cal, rows);
  const rivals = buildCompetitors(b, root, accounts);
  const teams = buildHistory(b, accounts, rivals.lostTo);
  const stakeholders = buildStakeholders(b, new NameBook(people.map((p) => p.name)), accounts, teams);
  buildPlans(b, accounts, teams, rivals.main);
  buildScores(b, accounts);
  buildNotes(b, accounts, stakeholders, teams, rivals.main);

  // the sales history, stamped with the owners of the ownership history written above
  const days = new Days(cal);
  const owners = new OwnerBook(rows.owners);
  const catalogue = buildProducts(root.fork('products'), cal);
  rows.products.push(...catalogue.rows);
  const sales = buildCommerce(b, days, owners, accounts, catalogue.list);
  buildActivities(b, days, owners, accounts, teams, sales);
  rows.teamwork = buildTeamwork(b, days, accounts, root.fork('teamwork'));
  buildTargets(b, days, owners, accounts, sales, root.fork('targets'));

  const changed = new Map<string, Date>();
  for (const e of rows.events) {
    const at = e.occurredAt as Date;
    if (accountKinds.has(e.kind) && at > (changed.get(e.accountId) ?? new Date(0))) changed.set(e.accountId, at);
  }
  for (const a of accounts) {
    a.row.ownerId = b.user(a.ownerKey).id;
    a.row.updatedAt = changed.get(a.id) ?? (a.row.createdAt as Date);
  }
  return rows;
}
