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

/** Working complaints: the handler (here the account's owner), their senior, the head and admins. */
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
/** writers on a record they may work (200), the rest of the writers do not see it (404), everyone else 403 */
const works = (ok: Who[]) => ({
  ...only(ok, 200, 403),
  ...Object.fromEntries(writers.filter((w) => !ok.includes(w)).map((w) => [w, 404])),
});

async function handledAt(db: Db, accountId: string, handlerId: string | undefined, status: 'new' | 'resolved' = 'new'): Promise<string> {
  const now = new Date();
  const [row] = await db
    .insert(complaints)
    .values({
      accountId,
      receivedAt: now,
      severity: 'normal',
      status,
      channel: 'web',
      subject: 'Matrix',
      handlerId: handlerId ?? null,
      responseTargetMinutes: 540,
      resolutionTargetMinutes: 2700,
      responseDueAt: status === 'new' ? new Date(now.getTime() + 86_400_000) : null,
      resolutionDueAt: status === 'new' ? new Date(now.getTime() + 5 * 86_400_000) : null,
      resolvedAt: status === 'resolved' ? now : null,
      firstResponseAt: status === 'resolved' ? now : null,
    })
    .returning({ id: complaints.id });
  return row?.id ?? NIL;
}

const steps: { path: string; body?: unknown; status?: 'resolved' }[] = [
  { path: 'reply', body: { message: 'Matrix reply' } },
  { path: 'waiting', body: { waiting: true } },
  { path: 'resolve', body: { justified: false, rootCause: 'Matrix', resolution: 'Matrix' } },
  { path: 'confirm', status: 'resolved' },
  { path: 'reopen', body: { reason: 'Matrix' }, status: 'resolved' },
];

export const complaintWorkflowAccessRows: MatrixRow[] = [
  {
    route: 'POST /api/complaints',
    case: 'own account',
    request: (t) => ({ body: { accountId: t.ownAccount, subject: 'Matrix complaint' } }),
    expect: works(writers),
  },
  {
    route: 'POST /api/complaints',
    case: 'unrelated account',
    request: (t) => ({ body: { accountId: t.otherAccount, subject: 'Matrix complaint' } }),
    expect: works(['admin', 'head']),
  },
  {
    route: 'PATCH /api/complaints/:id',
    case: 'mine',
    request: async (t, db) => ({ url: `/api/complaints/${await handledAt(db, t.ownAccount, t.self)}`, body: { legalClaim: true } }),
    expect: works(writers),
  },
  {
    route: 'PATCH /api/complaints/:id',
    case: 'unrelated',
    request: async (t, db) => ({ url: `/api/complaints/${await handledAt(db, t.otherAccount, t.other)}`, body: { legalClaim: true } }),
    expect: works(['admin', 'head']),
  },
  ...steps.flatMap((s): MatrixRow[] => [
    {
      route: `POST /api/complaints/:id/${s.path}`,
      case: 'mine',
      request: async (t, db) => ({ url: `/api/complaints/${await handledAt(db, t.ownAccount, t.self, s.status)}/${s.path}`, body: s.body }),
      expect: works(writers),
    },
    {
      route: `POST /api/complaints/:id/${s.path}`,
      case: "a report's",
      request: async (t, db) => ({
        url: `/api/complaints/${await handledAt(db, t.reportAccount, t.report, s.status)}/${s.path}`,
        body: s.body,
      }),
      expect: works(['admin', 'head', 'senior_kam']),
    },
    {
      route: `POST /api/complaints/:id/${s.path}`,
      case: 'unrelated',
      request: async (t, db) => ({
        url: `/api/complaints/${await handledAt(db, t.otherAccount, t.other, s.status)}/${s.path}`,
        body: s.body,
      }),
      expect: works(['admin', 'head']),
    },
  ]),
  { route: 'GET /api/complaints/sla/settings', case: 'read', expect: only(full, 200, 403) },
  {
    route: 'PUT /api/complaints/sla/settings',
    case: 'set',
    request: () => ({
      body: {
        targets: [
          {
            tier: 'key',
            severity: 'critical',
            responseAmount: 1,
            responseUnit: 'hours',
            resolutionAmount: 1,
            resolutionUnit: 'business_days',
          },
        ],
        legalClaimDays: 30,
      },
    }),
    expect: only(['admin', 'head'], 200, 403),
  },
  {
    route: 'GET /api/complaints/sla/summary',
    case: 'a month',
    request: () => ({ url: '/api/complaints/sla/summary?from=2026-11-01&to=2026-11-30' }),
    expect: only(full, 200, 403),
  },
];
