import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, only, type Who } from '../../core/policy/matrix-kit.js';
import { users } from '../users/users.schema.js';

/** The export shows what GET /api/kpi and /api/kpi/team show, to the same people (F3). */
const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam', 'hr'];
const period = 'from=2026-01-01&to=2026-03-31';

async function emailOf(db: Db, id: string | undefined): Promise<string> {
  if (!id) return 'nobody@example.com';
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return encodeURIComponent(row?.email ?? 'nobody@example.com');
}

/** a manager the caller may see: 200; one they may not: 404; a role without KPIs: 403 */
const figuresOf = (visible: Who[]) => ({
  ...only(visible, 200, 403),
  ...Object.fromEntries(readers.filter((r) => !visible.includes(r)).map((r) => [r, 404])),
});

export const kpiExportAccessRows: MatrixRow[] = [
  {
    route: 'GET /api/kpi/export',
    case: 'the managers in scope, as XLSX',
    request: () => ({ url: `/api/kpi/export?format=xlsx&${period}` }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/kpi/export',
    case: 'own figures, as PDF',
    request: async (t, db) => ({ url: `/api/kpi/export?format=pdf&${period}&manager=${await emailOf(db, t.self)}` }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/kpi/export',
    case: "a report's figures",
    request: async (t, db) => ({ url: `/api/kpi/export?format=xlsx&${period}&manager=${await emailOf(db, t.report)}` }),
    expect: figuresOf(['admin', 'executive', 'head', 'hr', 'senior_kam']),
  },
  {
    route: 'GET /api/kpi/export',
    case: "an unrelated manager's team",
    request: async (t, db) => ({ url: `/api/kpi/export?format=pdf&${period}&lead=${await emailOf(db, t.other)}` }),
    expect: figuresOf(['admin', 'executive', 'head', 'hr']),
  },
];
