import crypto from 'node:crypto';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Targets, type Who } from '../../core/policy/matrix-kit.js';
import { competitorPresence, competitors } from './competitors.schema.js';

/** The catalogue is for those with full account access; writers may add and change it. */
const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
const sees = (who: Who[]) => ({ ...only(who, 200, 404), hr: 403 });
const changes = (who: Who[]) => ({ ...only(who, 200, 404), executive: 403, sales_support: 403, department: 403, hr: 403 });

async function makeCompetitor(db: Db): Promise<string> {
  const [row] = await db
    .insert(competitors)
    .values({ name: `Matrix rival ${crypto.randomBytes(4).toString('hex')}` })
    .returning({ id: competitors.id });
  return row!.id;
}

async function makePresence(db: Db, accountId: string): Promise<string> {
  const [row] = await db
    .insert(competitorPresence)
    .values({ accountId, competitorId: await makeCompetitor(db), threat: 'medium' })
    .returning({ id: competitorPresence.id });
  return row!.id;
}

const presenceCases: { case: string; target: (t: Targets) => string; who: Who[] }[] = [
  { case: 'own', target: (t) => t.ownAccount, who: writers },
  { case: 'on the team', target: (t) => t.teamAccount, who: writers },
  { case: 'unrelated', target: (t) => t.otherAccount, who: ['admin', 'head'] },
];

export const competitorAccessRows: MatrixRow[] = [
  { route: 'GET /api/competitors', case: 'catalogue', expect: only(readers, 200, 403) },
  {
    route: 'POST /api/competitors',
    case: 'new',
    request: (t) => ({ body: { name: `Rival ${t.n} ${crypto.randomBytes(3).toString('hex')}`, website: 'rival.example' } }),
    expect: only(writers, 200, 403),
  },
  { route: 'GET /api/competitors/threats', case: 'list', expect: only(readers, 200, 403) },
  {
    route: 'GET /api/competitors/:id',
    case: 'existing',
    request: async (_t, db) => ({ url: `/api/competitors/${await makeCompetitor(db)}` }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/competitors/:id',
    case: 'missing',
    request: () => ({ url: `/api/competitors/${NIL}` }),
    expect: only(readers, 404, 403),
  },
  {
    route: 'PATCH /api/competitors/:id',
    case: 'existing',
    request: async (_t, db) => ({
      url: `/api/competitors/${await makeCompetitor(db)}`,
      body: { notes: 'Cheaper on logistics', version: 1 },
    }),
    expect: only(writers, 200, 403),
  },
  {
    route: 'GET /api/accounts/:id/competitors',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/competitors` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/accounts/:id/competitors',
    case: 'on the team',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}/competitors` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/accounts/:id/competitors',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}/competitors` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  ...presenceCases.flatMap((c): MatrixRow[] => [
    {
      route: 'POST /api/accounts/:id/competitors',
      case: c.case,
      request: async (t, db) => ({
        url: `/api/accounts/${c.target(t)}/competitors`,
        body: { competitorId: await makeCompetitor(db), threat: 'high', shareOfWallet: 10 },
      }),
      expect: changes(c.who),
    },
    {
      route: 'PATCH /api/competitor-presence/:id',
      case: c.case,
      request: async (t, db) => ({
        url: `/api/competitor-presence/${await makePresence(db, c.target(t))}`,
        body: { threat: 'low', version: 1 },
      }),
      expect: changes(c.who),
    },
    {
      route: 'DELETE /api/competitor-presence/:id',
      case: c.case,
      request: async (t, db) => ({ url: `/api/competitor-presence/${await makePresence(db, c.target(t))}` }),
      expect: changes(c.who),
    },
  ]),
  {
    route: 'PATCH /api/competitor-presence/:id',
    case: 'missing',
    request: () => ({ url: `/api/competitor-presence/${NIL}`, body: { threat: 'low', version: 1 } }),
    expect: changes([]),
  },
];
