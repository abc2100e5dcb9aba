import { type MatrixRow, only } from '../../core/policy/matrix-kit.js';

/** Mail settings are the administrator's (company.manage). */
export const mailAccessRows: MatrixRow[] = [
  { route: 'GET /api/mail/settings', case: 'any', expect: only(['admin'], 200, 403) },
  {
    route: 'PUT /api/mail/settings',
    case: 'change',
    request: () => ({
      body: {
        enabled: false,
        // no server: the test message below then answers 409 rather than trying to send
        smtpHost: null,
        smtpPort: null,
        smtpSecure: false,
        smtpUser: null,
        fromAddress: 'grove@example.test',
        fromName: 'Grove',
        complaintsAddress: 'complaints@example.test',
      },
    }),
    expect: only(['admin'], 200, 403),
  },
  // nothing is configured for the matrix: the admin hears so, the others may not ask
  {
    route: 'POST /api/mail/test',
    case: 'not configured',
    request: () => ({ body: { to: 'someone@example.test' } }),
    expect: only(['admin'], 409, 403),
  },
];
