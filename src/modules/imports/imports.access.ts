import { type MatrixRow, NIL, only } from '../../core/policy/matrix-kit.js';

const importers = ['admin', 'head'] as const;

export const importAccessRows: MatrixRow[] = [
  // a JSON body instead of a file: the route is reached (415) only by those who may import
  {
    route: 'POST /api/imports',
    case: 'not a file',
    request: () => ({ url: '/api/imports?entity=accounts', body: {} }),
    expect: only([...importers], 415, 403),
  },
  { route: 'GET /api/imports', case: 'list', expect: only([...importers], 200, 403) },
  {
    route: 'GET /api/imports/:id',
    case: 'missing',
    request: () => ({ url: `/api/imports/${NIL}` }),
    expect: only([...importers], 404, 403),
  },
  {
    route: 'POST /api/imports/:id/confirm',
    case: 'missing',
    request: () => ({ url: `/api/imports/${NIL}/confirm` }),
    expect: only([...importers], 404, 403),
  },
  {
    route: 'GET /api/imports/templates/:entity',
    case: 'accounts',
    request: () => ({ url: '/api/imports/templates/accounts' }),
    expect: only([...importers], 200, 403),
  },
];
