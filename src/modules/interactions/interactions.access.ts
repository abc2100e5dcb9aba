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

/** Logging and planning: the writers (head, senior KAM, KAM) on accounts they see in full, for themselves. */
const writers: Who[] = ['head', 'senior_kam', 'kam'];
const past = () => new Date(Date.now() - 3_600_000).toISOString();
const future = () => new Date(Date.now() + 86_400_000).toISOString();
const writes = (ok: Who[], hidden: number) => ({
  ...only(ok, 200, 403),
  ...Object.fromEntries(writers.filter((w) => !ok.includes(w)).map((w) => [w, hidden])),
});

async function plannedOf(db: Db, userId: string | undefined, accountId: string): Promise<string> {
  if (!userId) return NIL;
  const [row] = await db
    .insert(interactions)
    .values({
      accountId,
      userId,
      type: 'visit',
      status: 'planned',
      origin: 'plan',
      occurredAt: new Date(future()),
      plannedFor: new Date(future()),
    })
    .returning({ id: interactions.id });
  return row?.id ?? NIL;
}

const itemRoutes: { route: string; path: (id: string) => string; body?: unknown }[] = [
  { route: 'PATCH /api/interactions/:id', path: (id) => `/api/interactions/${id}`, body: { subject: 'Matrix' } },
  {
    route: 'POST /api/interactions/:id/complete',
    path: (id) => `/api/interactions/${id}/complete`,
    body: { outcome: 'Matrix', occurredAt: past() },
  },
  { route: 'POST /api/interactions/:id/move', path: (id) => `/api/interactions/${id}/move`, body: { occurredAt: '2031-01-01T10:00:00Z' } },
  { route: 'POST /api/interactions/:id/cancel', path: (id) => `/api/interactions/${id}/cancel`, body: { reason: 'Matrix' } },
  { route: 'DELETE /api/interactions/:id', path: (id) => `/api/interactions/${id}` },
];

export const interactionWriteAccessRows: MatrixRow[] = [
  {
    route: 'POST /api/interactions',
    case: 'own account',
    request: (t) => ({ body: { accountId: t.ownAccount, type: 'call', status: 'done', occurredAt: past() } }),
    expect: writes(writers, 404),
  },
  {
    route: 'POST /api/interactions',
    case: "a report's account",
    request: (t) => ({ body: { accountId: t.reportAccount, type: 'visit', status: 'planned', occurredAt: future() } }),
    expect: writes(['head', 'senior_kam'], 404),
  },
  {
    route: 'POST /api/interactions',
    case: 'unrelated account',
    request: (t) => ({ body: { accountId: t.otherAccount, type: 'call', status: 'done', occurredAt: past() } }),
    expect: writes(['head'], 404),
  },
  {
    route: 'POST /api/interactions',
    case: 'for someone else',
    request: (t) => ({ body: { accountId: t.ownAccount, userId: t.other, type: 'call', status: 'done', occurredAt: past() } }),
    expect: only([], 200, 403),
  },
  ...itemRoutes.flatMap((r): MatrixRow[] => [
    {
      route: r.route,
      case: 'my planned item',
      request: async (t, db) => ({ url: r.path(await plannedOf(db, t.self, t.ownAccount)), body: r.body }),
      expect: { ...writes(writers, 404), admin: 403, executive: 403 },
    },
    {
      route: r.route,
      case: "someone else's item on an unrelated account",
      request: async (t, db) => ({ url: r.path(await plannedOf(db, t.other, t.otherAccount)), body: r.body }),
      expect: { ...only([], 200, 403), senior_kam: 404, kam: 404 },
    },
  ]),
];
