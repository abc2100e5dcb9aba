import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Targets, type Who } from '../../core/policy/matrix-kit.js';
import type { ItemSection } from './plans.contracts.js';
import { accountPlans, planGoals, planNeeds, planOpportunities, planSolutions, planSwotItems } from './plans.schema.js';

/** Roles that read plans (full account access), and those that change them. */
const managers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
/** a plan on an account the caller may see in full, or else 404; hr never reads accounts (403) */
const sees = (who: Who[]) => ({ ...only(who, 200, 404), hr: 403 });
/** a change: 403 for roles that never write accounts, else 200 where visible and 404 where hidden */
const changes = (who: Who[]) => ({ ...only(who, 200, 404), executive: 403, sales_support: 403, department: 403, hr: 403 });

async function planVersion(db: Db, accountId: string): Promise<number> {
  const [row] = await db.select({ version: accountPlans.version }).from(accountPlans).where(eq(accountPlans.accountId, accountId));
  return row?.version ?? 0;
}

/** An item of each list on an account, made straight in the database; returns its id. */
const makeItem: Record<ItemSection, (db: Db, accountId: string) => Promise<string>> = {
  needs: async (db, accountId) => (await db.insert(planNeeds).values({ accountId, position: 1, title: 'Matrix need' }).returning())[0]!.id,
  solutions: async (db, accountId) =>
    (await db.insert(planSolutions).values({ accountId, position: 1, title: 'Matrix solution' }).returning())[0]!.id,
  goals: async (db, accountId) =>
    (await db.insert(planGoals).values({ accountId, position: 1, title: 'Matrix goal', deadline: '2030-01-31' }).returning())[0]!.id,
  swot: async (db, accountId) =>
    (await db.insert(planSwotItems).values({ accountId, position: 1, quadrant: 'threat', text: 'Matrix threat' }).returning())[0]!.id,
  opportunities: async (db, accountId) =>
    (
      await db
        .insert(planOpportunities)
        .values({ accountId, position: 1, title: 'Matrix deal', kind: 'upsell', amount: '100.00', probability: 40 })
        .returning()
    )[0]!.id,
};

const createBodies: Record<ItemSection, unknown> = {
  needs: { title: 'Faster deliveries' },
  solutions: { title: 'Consignment stock' },
  goals: { title: 'Open 20 stores', deadline: '2030-12-31' },
  swot: { quadrant: 'strength', text: 'Loyal buyer' },
  opportunities: { title: 'Premium line', kind: 'cross_sell', amount: '25000.00', probability: 30 },
};
const patchBody = (section: ItemSection) => (section === 'swot' ? { text: 'Changed' } : { title: 'Changed' });

type Case = { case: string; target: (t: Targets) => string; who: Who[] };
const own: Case = { case: 'own', target: (t) => t.ownAccount, who: writers };
const team: Case = { case: 'on the team', target: (t) => t.teamAccount, who: writers };
const unrelated: Case = { case: 'unrelated', target: (t) => t.otherAccount, who: ['admin', 'head'] };

function itemRows(section: ItemSection, cases: Case[]): MatrixRow[] {
  const base = `/api/accounts/:id/plan/${section}`;
  return cases.flatMap((c) => [
    {
      route: `POST ${base}`,
      case: c.case,
      request: (t: Targets) => ({ url: `/api/accounts/${c.target(t)}/plan/${section}`, body: createBodies[section] }),
      expect: changes(c.who),
    },
    {
      route: `PATCH ${base}/:itemId`,
      case: c.case,
      request: async (t: Targets, db: Db) => ({
        url: `/api/accounts/${c.target(t)}/plan/${section}/${await makeItem[section](db, c.target(t))}`,
        body: { ...patchBody(section), version: 1 },
      }),
      expect: changes(c.who),
    },
    {
      route: `DELETE ${base}/:itemId`,
      case: c.case,
      request: async (t: Targets, db: Db) => ({
        url: `/api/accounts/${c.target(t)}/plan/${section}/${await makeItem[section](db, c.target(t))}`,
      }),
      expect: changes(c.who),
    },
  ]);
}

export const planAccessRows: MatrixRow[] = [
  {
    route: 'GET /api/accounts/:id/plan',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/plan` }),
    expect: sees(managers),
  },
  {
    route: 'GET /api/accounts/:id/plan',
    case: 'on the team',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}/plan` }),
    expect: sees(managers),
  },
  {
    route: 'GET /api/accounts/:id/plan',
    case: 'owned by a report',
    request: (t) => ({ url: `/api/accounts/${t.reportAccount}/plan` }),
    expect: sees(['admin', 'executive', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/accounts/:id/plan',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}/plan` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  { route: 'GET /api/accounts/:id/plan', case: 'missing', request: () => ({ url: `/api/accounts/${NIL}/plan` }), expect: sees([]) },
  {
    route: 'PUT /api/accounts/:id/plan',
    case: 'own',
    request: async (t, db) => ({
      url: `/api/accounts/${t.ownAccount}/plan`,
      body: { businessGoals: 'Grow together', version: await planVersion(db, t.ownAccount) },
    }),
    expect: changes(writers),
  },
  {
    route: 'PUT /api/accounts/:id/plan',
    case: 'unrelated',
    request: async (t, db) => ({
      url: `/api/accounts/${t.otherAccount}/plan`,
      body: { businessGoals: 'Grow together', version: await planVersion(db, t.otherAccount) },
    }),
    expect: changes(['admin', 'head']),
  },
  {
    route: 'POST /api/accounts/:id/plan/review',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/plan/review`, body: {} }),
    expect: changes(writers),
  },
  {
    route: 'POST /api/accounts/:id/plan/review',
    case: 'on the team',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}/plan/review`, body: {} }),
    expect: changes(writers),
  },
  // an export: only those with full account access may print a plan
  {
    route: 'GET /api/accounts/:id/plan.pdf',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/plan.pdf?lang=ru` }),
    expect: only(managers, 200, 403),
  },
  {
    route: 'GET /api/accounts/:id/plan.pdf',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}/plan.pdf` }),
    expect: { ...only(['admin', 'executive', 'head'], 200, 403), senior_kam: 404, kam: 404 },
  },
  ...itemRows('needs', [own, team, unrelated]),
  ...itemRows('solutions', [own]),
  ...itemRows('goals', [own]),
  ...itemRows('swot', [own]),
  ...itemRows('opportunities', [own, unrelated]),
];
