import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Who } from '../../core/policy/matrix-kit.js';
import { accounts, accountViews } from './accounts.schema.js';
import { builtInViews } from './accounts.views.js';

/** Who may read an account, by how the account relates to the caller (policy.accountScope). */
const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam', 'sales_support', 'department'];
const managers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
const exporters: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
/** an account the caller may see, or a hidden one (404); hr never reads accounts (403) */
const sees = (who: Who[]) => ({ ...only(who, 200, 404), hr: 403 });
/** a change: 403 for roles that never write accounts, else 200 where visible and 404 where hidden */
const changes = (who: Who[]) => ({ ...only(who, 200, 404), executive: 403, sales_support: 403, department: 403, hr: 403 });

export async function versionOf(db: Db, id: string): Promise<number> {
  const [row] = await db.select({ version: accounts.version }).from(accounts).where(eq(accounts.id, id));
  return row?.version ?? 1;
}

/** A saved view of `userId` (none for an anonymous caller: the id then names nothing). */
async function viewOf(db: Db, userId: string | undefined): Promise<string> {
  if (!userId) return NIL;
  const [row] = await db
    .insert(accountViews)
    .values({ userId, name: `Matrix ${crypto.randomUUID()}`, query: { tier: ['key'] }, columns: ['name'] })
    .returning({ id: accountViews.id });
  return row?.id ?? NIL;
}

export const accountAccessRows: MatrixRow[] = [
  { route: 'GET /api/accounts', case: 'list', expect: { ...only(readers, 200, 403) } },
  { route: 'GET /api/accounts/facets', case: 'within scope', expect: only(readers, 200, 403) },
  {
    route: 'GET /api/accounts/export',
    case: 'csv of the visible accounts',
    request: () => ({ url: '/api/accounts/export?format=csv&archived=false' }),
    expect: only(exporters, 200, 403),
  },
  { route: 'GET /api/account-views', case: 'built-in and own', expect: only(readers, 200, 403) },
  {
    route: 'POST /api/account-views',
    case: 'own',
    request: (t) => ({ body: { name: `Matrix view ${t.n}`, query: { tier: ['key'], archived: 'false' }, columns: ['name', 'tier'] } }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'DELETE /api/account-views/:id',
    case: 'own',
    request: async (t, db) => ({ url: `/api/account-views/${await viewOf(db, t.self)}` }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'DELETE /api/account-views/:id',
    case: "another user's",
    request: async (t, db) => ({ url: `/api/account-views/${await viewOf(db, t.other)}` }),
    expect: sees([]),
  },
  {
    route: 'DELETE /api/account-views/:id',
    case: 'built-in',
    request: () => ({ url: `/api/account-views/${builtInViews[0]?.id ?? NIL}` }),
    expect: sees([]),
  },
  { route: 'POST /api/accounts', case: 'create', request: (t) => ({ body: { name: `Matrix ${t.n}` } }), expect: only(writers, 200, 403) },
  { route: 'GET /api/accounts/:id', case: 'own', request: (t) => ({ url: `/api/accounts/${t.ownAccount}` }), expect: sees(managers) },
  {
    route: 'GET /api/accounts/:id',
    case: 'on the team',
    request: (t) => ({ url: `/api/accounts/${t.teamAccount}` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/accounts/:id',
    case: 'owned by a report',
    request: (t) => ({ url: `/api/accounts/${t.reportAccount}` }),
    expect: sees(['admin', 'executive', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/accounts/:id',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  { route: 'GET /api/accounts/:id', case: 'missing', request: () => ({ url: `/api/accounts/${NIL}` }), expect: sees([]) },
  {
    route: 'PATCH /api/accounts/:id',
    case: 'own',
    request: async (t, db) => ({
      url: `/api/accounts/${t.ownAccount}`,
      body: { segment: 'Matrix', version: await versionOf(db, t.ownAccount) },
    }),
    expect: changes(writers),
  },
  {
    route: 'PATCH /api/accounts/:id',
    case: 'on the team',
    request: async (t, db) => ({
      url: `/api/accounts/${t.teamAccount}`,
      body: { segment: 'Matrix', version: await versionOf(db, t.teamAccount) },
    }),
    expect: changes(writers),
  },
  {
    route: 'PATCH /api/accounts/:id',
    case: 'unrelated',
    request: async (t, db) => ({
      url: `/api/accounts/${t.otherAccount}`,
      body: { segment: 'Matrix', version: await versionOf(db, t.otherAccount) },
    }),
    expect: changes(['admin', 'head']),
  },
  {
    route: 'POST /api/accounts/:id/archive',
    case: 'own',
    request: async (t, db) => ({ url: `/api/accounts/${t.ownAccount}/archive`, body: { version: await versionOf(db, t.ownAccount) } }),
    expect: changes(writers),
  },
  {
    route: 'POST /api/accounts/:id/restore',
    case: 'own',
    request: async (t, db) => ({ url: `/api/accounts/${t.ownAccount}/restore`, body: { version: await versionOf(db, t.ownAccount) } }),
    expect: changes(writers),
  },
  {
    route: 'GET /api/accounts/:id/timeline',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/timeline` }),
    expect: sees(managers),
  },
  {
    route: 'GET /api/accounts/:id/timeline',
    case: 'unrelated',
    request: (t) => ({ url: `/api/accounts/${t.otherAccount}/timeline` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  {
    route: 'POST /api/accounts/:id/notes',
    case: 'own',
    request: (t) => ({ url: `/api/accounts/${t.ownAccount}/notes`, body: { body: 'Matrix note' } }),
    expect: changes(writers),
  },
];
