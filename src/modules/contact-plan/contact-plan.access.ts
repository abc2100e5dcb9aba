import { type MatrixRow, only, signedInOnly, type Who } from '../../core/policy/matrix-kit.js';

/** The weekly plan: readers see their own plan, a senior their line's, the head, executives and admins everyone's. */
const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['head', 'senior_kam', 'kam'];
const everyoneRange = '2030-03-04';
const range = `from=${everyoneRange}&to=2030-03-10`;
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

export const contactPlanAccessRows: MatrixRow[] = [
  { route: 'GET /api/plan/week', case: 'my week', request: () => ({ url: `/api/plan/week?${range}` }), expect: only(readers, 200, 403) },
  {
    route: 'GET /api/plan/week',
    case: "a report's week",
    request: (t) => ({ url: `/api/plan/week?userId=${t.report}&${range}` }),
    expect: only(['admin', 'executive', 'head', 'senior_kam'], 200, 403),
  },
  {
    route: 'GET /api/plan/week',
    case: "an unrelated person's week",
    request: (t) => ({ url: `/api/plan/week?userId=${t.other}&${range}` }),
    expect: only(['admin', 'executive', 'head'], 200, 403),
  },
  { route: 'GET /api/plan/due', case: 'mine', request: () => ({ url: '/api/plan/due' }), expect: only(readers, 200, 403) },
  {
    route: 'GET /api/plan/due',
    case: "an unrelated person's",
    request: (t) => ({ url: `/api/plan/due?userId=${t.other}` }),
    expect: only(['admin', 'executive', 'head'], 200, 403),
  },
  {
    route: 'POST /api/plan/suggest',
    case: 'my week',
    request: () => ({ body: { weekStart: everyoneRange } }),
    expect: only(writers, 200, 403),
  },
  {
    route: 'POST /api/plan/accept',
    case: 'own account',
    request: (t) => ({ body: { items: [{ accountId: t.ownAccount, type: 'visit', occurredAt: inAnHour() }] } }),
    expect: only(writers, 200, 403),
  },
  {
    route: 'POST /api/plan/accept',
    case: 'unrelated account',
    request: (t) => ({ body: { items: [{ accountId: t.otherAccount, type: 'visit', occurredAt: inAnHour() }] } }),
    expect: { ...only(['head'], 200, 403), senior_kam: 404, kam: 404 },
  },
  {
    route: 'GET /api/plan/adherence',
    case: 'team',
    request: () => ({ url: `/api/plan/adherence?${range}` }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/plan/coverage',
    case: 'key accounts',
    request: () => ({ url: '/api/plan/coverage?days=30' }),
    expect: only(readers, 200, 403),
  },
  { route: 'GET /api/plan/cadences', case: 'read', expect: only(readers, 200, 403) },
  {
    route: 'PUT /api/plan/cadences',
    case: 'set',
    request: () => ({ body: { items: [{ tier: 'key', visitEveryDays: 14, callEveryDays: 7 }] } }),
    expect: only(['admin', 'head'], 200, 403),
  },
  { route: 'GET /api/plan/checklists', case: 'read', expect: signedInOnly(200) },
  {
    route: 'PUT /api/plan/checklists/:kind',
    case: 'write',
    request: () => ({ url: '/api/plan/checklists/training', body: { items: ['Agenda agreed'] } }),
    expect: only(['admin', 'head'], 200, 403),
  },
];
