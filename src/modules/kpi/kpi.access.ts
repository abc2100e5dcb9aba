import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, only, type Who } from '../../core/policy/matrix-kit.js';
import { users } from '../users/users.schema.js';

const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam', 'hr'];
const drillers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const period = 'from=2026-01-01&to=2026-03-31';

async function emailOf(db: Db, id: string | undefined): Promise<string> {
  if (!id) return 'nobody@example.com';
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return encodeURIComponent(row?.email ?? 'nobody@example.com');
}

/** a manager the caller may see: 200; one they may not: 404; a role without KPIs: 403 */
const figuresOf = (visible: Who[], roles: Who[]) => ({
  ...only(visible, 200, 403),
  ...Object.fromEntries(roles.filter((r) => !visible.includes(r)).map((r) => [r, 404])),
});

export const kpiAccessRows: MatrixRow[] = [
  { route: 'GET /api/kpi', case: 'the managers in scope', request: () => ({ url: `/api/kpi?${period}` }), expect: only(readers, 200, 403) },
  {
    route: 'GET /api/kpi',
    case: 'own figures',
    request: async (t, db) => ({ url: `/api/kpi?${period}&manager=${await emailOf(db, t.self)}` }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/kpi',
    case: "a report's figures",
    request: async (t, db) => ({ url: `/api/kpi?${period}&manager=${await emailOf(db, t.report)}` }),
    expect: figuresOf(['admin', 'executive', 'head', 'hr', 'senior_kam'], readers),
  },
  {
    route: 'GET /api/kpi',
    case: "an unrelated manager's figures",
    request: async (t, db) => ({ url: `/api/kpi?${period}&manager=${await emailOf(db, t.other)}` }),
    expect: figuresOf(['admin', 'executive', 'head', 'hr'], readers),
  },
  {
    route: 'GET /api/kpi/team',
    case: 'own team',
    request: async (t, db) => ({ url: `/api/kpi/team?${period}&lead=${await emailOf(db, t.self)}` }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/kpi/team',
    case: "an unrelated manager's team",
    request: async (t, db) => ({ url: `/api/kpi/team?${period}&lead=${await emailOf(db, t.other)}` }),
    expect: figuresOf(['admin', 'executive', 'head', 'hr'], readers),
  },
  {
    route: 'GET /api/kpi/drill',
    case: 'own revenue',
    request: async (t, db) => ({ url: `/api/kpi/drill?key=revenue&${period}&manager=${await emailOf(db, t.self)}` }),
    expect: only(drillers, 200, 403),
  },
  {
    route: 'GET /api/kpi/drill',
    case: "a report's churn",
    request: async (t, db) => ({ url: `/api/kpi/drill?key=churned&${period}&manager=${await emailOf(db, t.report)}` }),
    expect: figuresOf(['admin', 'executive', 'head', 'senior_kam'], drillers),
  },
  {
    route: 'GET /api/kpi/drill',
    case: "an unrelated manager's receivables",
    request: async (t, db) => ({ url: `/api/kpi/drill?key=receivables_outstanding&${period}&manager=${await emailOf(db, t.other)}` }),
    expect: figuresOf(['admin', 'executive', 'head'], drillers),
  },
  {
    route: 'GET /api/kpi/drill',
    case: 'the company total',
    request: () => ({ url: `/api/kpi/drill?key=complaints&${period}` }),
    expect: figuresOf(['admin', 'executive', 'head'], drillers),
  },
];
