import type { Role } from '../../../core/contracts.js';
import type { accountChannels } from '../../accounts/accounts.contracts.js';
import type { accountEvents, accountOwners, accounts, accountTeam } from '../../accounts/accounts.schema.js';
import type { competitorPresence, competitors } from '../../competitors/competitors.schema.js';
import type { complaints } from '../../complaints/complaints.schema.js';
import type { contacts } from '../../contacts/contacts.schema.js';
import type { TeamworkRows } from './teamwork.js';
import type { interactions } from '../../interactions/interactions.schema.js';
import type { invoices, payments } from '../../invoices/invoices.schema.js';
import type { orderLines, orderReturns } from '../../orders/orders.schema.js';
import type { accountPlans, planGoals, planNeeds, planOpportunities, planSolutions, planSwotItems } from '../../plans/plans.schema.js';
import type { products } from '../../products/products.schema.js';
import type { departmentTargets, managerTargets } from '../../targets/targets.schema.js';
import type { accountCriteria, accountScorecards } from '../../tiering/tiering.schema.js';
import type { Calendar } from './calendar.js';

export type AccountChannel = (typeof accountChannels)[number];

/** One of our people, as the demo builders refer to them. */
export interface DemoUser {
  key: string;
  id: string;
  name: string;
  role: Role;
  managerKey: string | null;
}

/** Everything the demo writes besides the company and the people, ready for multi-row inserts. */
export interface DemoRows {
  accounts: (typeof accounts.$inferInsert)[];
  owners: (typeof accountOwners.$inferInsert)[];
  team: (typeof accountTeam.$inferInsert)[];
  events: (typeof accountEvents.$inferInsert)[];
  contacts: (typeof contacts.$inferInsert)[];
  scorecards: (typeof accountScorecards.$inferInsert)[];
  criteria: (typeof accountCriteria.$inferInsert)[];
  plans: (typeof accountPlans.$inferInsert)[];
  needs: (typeof planNeeds.$inferInsert)[];
  solutions: (typeof planSolutions.$inferInsert)[];
  goals: (typeof planGoals.$inferInsert)[];
  swot: (typeof planSwotItems.$inferInsert)[];
  opportunities: (typeof planOpportunities.$inferInsert)[];
  competitors: (typeof competitors.$inferInsert)[];
  presence: (typeof competitorPresence.$inferInsert)[];
  /** the sales history (commerce.ts, activities.ts, targets.ts) */
  products: (typeof products.$inferInsert)[];
  orderLines: (typeof orderLines.$inferInsert)[];
  returns: (typeof orderReturns.$inferInsert)[];
  invoices: (typeof invoices.$inferInsert)[];
  payments: (typeof payments.$inferInsert)[];
  interactions: (typeof interactions.$inferInsert)[];
  complaints: (typeof complaints.$inferInsert)[];
  /** the weekly plan and teamwork (teamwork.ts) */
  teamwork: TeamworkRows | null;
  departmentTargets: (typeof departmentTargets.$inferInsert)[];
  managerTargets: (typeof managerTargets.$inferInsert)[];
}

export const emptyRows = (): DemoRows => ({
  accounts: [],
  owners: [],
  team: [],
  events: [],
  contacts: [],
  scorecards: [],
  criteria: [],
  plans: [],
  needs: [],
  solutions: [],
  goals: [],
  swot: [],
  opportunities: [],
  competitors: [],
  presence: [],
  products: [],
  orderLines: [],
  returns: [],
  invoices: [],
  payments: [],
  interactions: [],
  complaints: [],
  teamwork: null,
  departmentTargets: [],
  managerTargets: [],
});

/** What every builder of the demo works with. */
export interface Builder {
  cal: Calendar;
  rows: DemoRows;
  people: readonly DemoUser[];
  /** one of our people by their demo key (anna, maria, head…) */
  user(key: string): DemoUser;
  /** a timeline event as the module that owns `kind` writes it */
  event(accountId: string, kind: string, at: Date, actorKey: string | null, data: Record<string, unknown>): void;
}
