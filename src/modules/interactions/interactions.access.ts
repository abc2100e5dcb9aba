import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Targets, type Who } from '../../core/policy/matrix-kit.js';
import { interactions } from './interactions.schema.js';

/** Interactions of the accounts the caller sees in full; basic-level roles (sales support, departments) and HR: 403. */
const full: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const sees = (who: Who[]) => ({ ...only(who, 200, 404), sales_support: 403, department: 403, hr: 403 });

async function interactionAt(db: Db, t: Targets, accountId: string): Promise<string> {
  const [row] = await db
    .insert(interactions)
    .values({ accountId, userId: t.self ?? t.other, type: 'call', status: 'done', occurredAt: new Date(), subject: 'Matrix call' })
    .returning({ id: interactions.id });
  return row?.id ?? NIL;
}

export const interactionAccessRows: MatrixRow[] = [
  { route: 'GET /api/interactions', case: 'list', request: () => ({ url: '/api/interactions?type=call' }), expect: only(full, 200, 403) },
  {
    route: 'GET /api/interactions/:id',
    case: 'own account',
    request: async (t, db) => ({ url: `/api/interactions/${await interactionAt(db, t, t.ownAccount)}` }),
    expect: sees(full),
  },
  {
    route: 'GET /api/interactions/:id',
    case: "a report's account",
    request: async (t, db) => ({ url: `/api/interactions/${await interactionAt(db, t, t.reportAccount)}` }),
    expect: sees(['admin', 'executive', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/interactions/:id',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/interactions/${await interactionAt(db, t, t.otherAccount)}` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  { route: 'GET /api/interactions/:id', case: 'missing', request: () => ({ url: `/api/interactions/${NIL}` }), expect: sees([]) },
];
