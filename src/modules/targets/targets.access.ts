import type { MatrixRow, Who } from '../../core/policy/matrix-kit.js';
import { only } from '../../core/policy/matrix-kit.js';
import { yearVersion } from './targets.service.js';

const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam', 'hr'];
const writers: Who[] = ['admin', 'head'];

export const targetAccessRows: MatrixRow[] = [
  { route: 'GET /api/targets/:year', case: 'a year', request: () => ({ url: '/api/targets/2031' }), expect: only(readers, 200, 403) },
  {
    route: 'PUT /api/targets/:year',
    case: 'the version read',
    request: async (_t, db) => ({ url: '/api/targets/2031', body: { version: await yearVersion(db, 2031), department: [], managers: [] } }),
    expect: only(writers, 200, 403),
  },
  {
    route: 'PUT /api/targets/:year',
    case: 'a stale version',
    request: () => ({ url: '/api/targets/2031', body: { version: 'stale', department: [{ month: 1, revenue: '1.00' }], managers: [] } }),
    expect: only(writers, 409, 403),
  },
];
