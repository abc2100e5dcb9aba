import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Who } from '../../core/policy/matrix-kit.js';
import { accountOwners, accounts, accountTeam } from '../accounts/accounts.schema.js';
import { teamVersion } from '../accounts/team.service.js';
import { defaultThresholds, defaultWeights } from './scoring.js';
import { accountScorecards, retierProposals, retierRuns, scoringSettings } from './tiering.schema.js';

const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam', 'sales_support', 'department'];
const managers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
const deciders: Who[] = ['admin', 'head'];
/** visible → 200, hidden → 404; hr never reads accounts (403) */
const sees = (who: Who[]) => ({ ...only(who, 200, 404), hr: 403 });
/** a change by the roles in `who` where visible; 403 for roles that never write accounts */
const changes = (who: Who[], visibleButNotAllowed: Who[] = []) => ({
  ...only(who, 200, 404),
  ...Object.fromEntries(visibleButNotAllowed.map((w) => [w, 403])),
  executive: 403,
  sales_support: 403,
  department: 403,
  hr: 403,
});
const decide = only(deciders, 200, 403);

/** A fresh account, so that a row that changes it leaves the shared targets alone. */
async function freshAccount(db: Db, ownerId: string, team: { userId: string; role: 'junior_kam' }[] = []): Promise<string> {
  const [row] = await db.insert(accounts).values({ name: 'Matrix tiering', ownerId, currency: 'RUB' }).returning({ id: accounts.id });
  await db.insert(accountOwners).values({ accountId: row!.id, ownerId, startDate: '-infinity' });
  if (team.length) await db.insert(accountTeam).values(team.map((m) => ({ accountId: row!.id, ...m })));
  return row!.id;
}

async function pendingProposal(db: Db, ownerId: string): Promise<string> {
  const accountId = await freshAccount(db, ownerId);
  await db.update(accounts).set({ score: '90.00' }).where(eq(accounts.id, accountId));
  const [run] = await db.insert(retierRuns).values({ kind: 'manual' }).returning({ id: retierRuns.id });
  const [p] = await db
    .insert(retierProposals)
    .values({ runId: run!.id, accountId, fromTier: 'regular', toTier: 'key', direction: 'promote', score: '90.00' })
    .returning({ id: retierProposals.id });
  return p!.id;
}

async function scorecardVersion(db: Db, accountId: string): Promise<number> {
  const [row] = await db.select({ v: accountScorecards.version }).from(accountScorecards).where(eq(accountScorecards.accountId, accountId));
  return row?.v ?? 0;
}

const criteriaBody = (version: number) => ({
  values: Object.fromEntries(Object.keys(defaultWeights).map((c) => [c, { value: 3 }])),
  version,
});
const settingsBody = { weights: defaultWeights, keyThreshold: defaultThresholds.key, potentialThreshold: defaultThresholds.potential };
const emptyTeam = teamVersion([]);

export const tieringAccessRows: MatrixRow[] = [
  { route: 'GET /api/scoring/settings', case: 'any', expect: only(readers, 200, 403) },
  {
    route: 'PUT /api/scoring/settings',
    case: 'same values',
    request: async (_t, db) => {
      const [s] = await db.select({ v: scoringSettings.version }).from(scoringSettings);
      return { body: { ...settingsBody, version: s?.v ?? 0 } };
    },
    expect: decide,
  },
  { route: 'POST /api/scoring/preview', case: 'defaults', request: () => ({ body: settingsBody }), expect: decide },
  {
    route: 'GET /api/accounts/:id/scorecard',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/scorecard` }),
    expect: sees(managers),
  },
  {
    route: 'GET /api/accounts/:id/scorecard',
    case: 'on the team',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}/scorecard` }),
    // sales support and departments see basic data only: no score breakdown
    expect: sees(managers),
  },
  {
    route: 'GET /api/accounts/:id/scorecard',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}/scorecard` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  {
    route: 'PUT /api/accounts/:id/scorecard',
    case: 'own',
    request: async (t, db) => ({
      url: `/api/accounts/${t.ownAccount}/scorecard`,
      body: criteriaBody(await scorecardVersion(db, t.ownAccount)),
    }),
    expect: changes(writers),
  },
  {
    route: 'PUT /api/accounts/:id/scorecard',
    case: 'unrelated',
    request: async (t, db) => ({
      url: `/api/accounts/${t.otherAccount}/scorecard`,
      body: criteriaBody(await scorecardVersion(db, t.otherAccount)),
    }),
    expect: changes(deciders),
  },
  { route: 'GET /api/retiering/summary', case: 'any', expect: decide },
  { route: 'GET /api/retiering/runs', case: 'any', expect: decide },
  { route: 'POST /api/retiering/runs', case: 'run now', expect: decide },
  { route: 'GET /api/retiering/proposals', case: 'any', expect: decide },
  {
    route: 'POST /api/retiering/proposals/:id/approve',
    case: 'pending',
    request: async (t, db) => ({ url: `/api/retiering/proposals/${await pendingProposal(db, t.other)}/approve` }),
    expect: decide,
  },
  {
    route: 'POST /api/retiering/proposals/:id/approve',
    case: 'missing',
    request: () => ({ url: `/api/retiering/proposals/${NIL}/approve` }),
    expect: only(deciders, 404, 403),
  },
  {
    route: 'POST /api/retiering/proposals/:id/reject',
    case: 'pending',
    request: async (t, db) => ({ url: `/api/retiering/proposals/${await pendingProposal(db, t.other)}/reject`, body: { note: 'no' } }),
    expect: decide,
  },
  {
    route: 'POST /api/retiering/proposals/approve-demotions',
    case: 'none eligible',
    request: () => ({ body: { ids: [NIL] } }),
    expect: decide,
  },

  // account team, ownership history and hand-over (B2, A2)
  {
    route: 'GET /api/accounts/:id/team',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/team` }),
    expect: sees(managers),
  },
  {
    route: 'GET /api/accounts/:id/team',
    case: 'on the team',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}/team` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/accounts/:id/team',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}/team` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  {
    route: 'PUT /api/accounts/:id/team',
    case: 'own',
    request: async (t, db) => ({
      url: `/api/accounts/${await freshAccount(db, t.self ?? t.other)}/team`,
      body: { members: [{ userId: t.report, role: 'junior_kam' }], version: emptyTeam },
    }),
    expect: changes(writers),
  },
  {
    route: 'PUT /api/accounts/:id/team',
    case: 'on the team (not the owner)',
    request: async (t, db) => {
      const team = t.self ? [{ userId: t.self, role: 'junior_kam' as const }] : [];
      return {
        url: `/api/accounts/${await freshAccount(db, t.other, team)}/team`,
        body: {
          members: team,
          version: teamVersion(team.map((m) => ({ user: { id: m.userId }, role: m.role }))),
        },
      };
    },
    // a visible account: a KAM on its team may not change the team (403)
    expect: changes(deciders, ['senior_kam', 'kam']),
  },
  {
    route: 'PUT /api/accounts/:id/team',
    case: "owned by the caller's report",
    request: async (t, db) => ({
      url: `/api/accounts/${await freshAccount(db, t.report)}/team`,
      body: { members: [], version: emptyTeam },
    }),
    expect: changes([...deciders, 'senior_kam']),
  },
  {
    route: 'PUT /api/accounts/:id/team',
    case: 'unrelated',
    request: async (t, db) => ({ url: `/api/accounts/${await freshAccount(db, t.other)}/team`, body: { members: [], version: emptyTeam } }),
    expect: changes(deciders),
  },
  {
    route: 'GET /api/accounts/:id/team/candidates',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/team/candidates?q=Test` }),
    expect: changes(writers),
  },
  {
    route: 'GET /api/accounts/:id/team/candidates',
    case: 'on the team (not the owner)',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}/team/candidates` }),
    expect: changes(deciders, ['senior_kam', 'kam']),
  },
  {
    route: 'GET /api/accounts/:id/team/candidates',
    case: 'new owners of an own account',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/team/candidates?purpose=owner` }),
    expect: changes(deciders, ['senior_kam', 'kam']),
  },
  {
    route: 'GET /api/accounts/:id/owners',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/owners` }),
    expect: sees(managers),
  },
  {
    route: 'GET /api/accounts/:id/owners',
    case: 'on the team',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}/owners` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/accounts/:id/owners',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}/owners` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  {
    route: 'POST /api/accounts/:id/handover',
    case: 'to a KAM',
    request: async (t, db) => ({
      url: `/api/accounts/${await freshAccount(db, t.other)}/handover`,
      body: { toOwnerId: t.report, startDate: '2026-01-15', note: 'Matrix' },
    }),
    expect: decide,
  },
  {
    route: 'POST /api/accounts/:id/handover',
    case: 'missing',
    request: (t) => ({ url: `/api/accounts/${NIL}/handover`, body: { toOwnerId: t.report, startDate: '2026-01-15' } }),
    expect: only(deciders, 404, 403),
  },
];
