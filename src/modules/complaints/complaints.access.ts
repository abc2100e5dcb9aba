import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Who } from '../../core/policy/matrix-kit.js';
import { complaints } from './complaints.schema.js';

/** Complaints of the accounts the caller sees in full; basic-level roles (sales support, departments) and HR: 403. */
const full: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const sees = (who: Who[]) => ({ ...only(who, 200, 404), sales_support: 403, department: 403, hr: 403 });

async function complaintAt(db: Db, accountId: string): Promise<string> {
  const [row] = await db
    .insert(complaints)
    .values({ accountId, receivedAt: new Date(), severity: 'high', category: 'Matrix' })
    .returning({ id: complaints.id });
  return row?.id ?? NIL;
}

export const complaintAccessRows: MatrixRow[] = [
  { route: 'GET /api/complaints', case: 'list', request: () => ({ url: '/api/complaints?state=open' }), expect: only(full, 200, 403) },
  {
    route: 'GET /api/complaints/:id',
    case: 'own account',
    request: async (t, db) => ({ url: `/api/complaints/${await complaintAt(db, t.ownAccount)}` }),
    expect: sees(full),
  },
  {
    route: 'GET /api/complaints/:id',
    case: "a report's account",
    request: async (t, db) => ({ url: `/api/complaints/${await complaintAt(db, t.reportAccount)}` }),
    expect: sees(['admin', 'executive', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/complaints/:id',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/complaints/${await complaintAt(db, t.otherAccount)}` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  { route: 'GET /api/complaints/:id', case: 'missing', request: () => ({ url: `/api/complaints/${NIL}` }), expect: sees([]) },
];
