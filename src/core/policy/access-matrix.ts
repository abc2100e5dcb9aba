import { accountAccessRows } from '../../modules/accounts/accounts.access.js';
import { competitorAccessRows } from '../../modules/competitors/competitors.access.js';
import { contactAccessRows } from '../../modules/contacts/contacts.access.js';
import { importAccessRows } from '../../modules/imports/imports.access.js';
import { kpiAccessRows } from '../../modules/kpi/kpi.access.js';
import { kpiExportAccessRows } from '../../modules/kpi/kpi-export.access.js';
import { planAccessRows } from '../../modules/plans/plans.access.js';
import { tieringAccessRows } from '../../modules/tiering/tiering.access.js';
import { targetAccessRows } from '../../modules/targets/targets.access.js';
import { commercialAccessRows } from '../../modules/orders/orders.access.js';
import { interactionAccessRows, interactionWriteAccessRows } from '../../modules/interactions/interactions.access.js';
import { contactPlanAccessRows } from '../../modules/contact-plan/contact-plan.access.js';
import { complaintAccessRows, complaintWorkflowAccessRows } from '../../modules/complaints/complaints.access.js';
import { surveyAccessRows } from '../../modules/surveys/surveys.access.js';
import { absenceAccessRows } from '../../modules/absences/absences.access.js';
import { taskAccessRows } from '../../modules/tasks/tasks.access.js';
import { businessCalendarAccessRows } from '../../modules/company/business-calendar.access.js';
import { requestAccessRows } from '../../modules/requests/requests.access.js';
import { calendarFeedAccessRows } from '../../modules/calendar-feeds/calendar-feeds.access.js';
import { notificationAccessRows } from '../../modules/notifications/notifications.access.js';
import { mailAccessRows } from '../../modules/mail/mail.access.js';
import { actAccessRows } from '../../modules/acts/acts.access.js';
import { type MatrixRow, NIL, only, signedInOnly, seesAll, type Who } from './matrix-kit.js';

export { everyone, type MatrixRow, type Who } from './matrix-kit.js';

export const accessMatrix: MatrixRow[] = [
  { route: 'GET /api/health', case: 'any', expect: { default: 200 } },
  { route: 'GET /api/openapi.json', case: 'any', expect: { default: 200 } },
  { route: 'GET /api/setup', case: 'any', expect: { default: 200 } },
  { route: 'POST /api/setup', case: 'already set up', request: (t) => ({ body: setupBody(t.n) }), expect: { default: 409 } },
  { route: 'POST /api/setup/demo', case: 'already set up', expect: { default: 409 } },
  { route: 'GET /api/setup/demo', case: 'not a demo', expect: { default: 404 } },
  { route: 'GET /api/company', case: 'any', expect: signedInOnly(200) },
  {
    route: 'PUT /api/company',
    case: 'change',
    request: () => ({ body: { name: 'Test Company', currency: 'RUB', timeZone: 'Europe/Moscow', defaultLocale: 'en' } }),
    expect: only(['admin'], 200, 403),
  },
  {
    route: 'POST /api/auth/login',
    case: 'wrong password',
    request: (t) => ({ body: { email: `nobody${t.n}@example.test`, password: 'wrong password' } }),
    expect: { default: 401 },
  },
  {
    route: 'POST /api/auth/login/totp',
    case: 'unknown challenge',
    request: () => ({ body: { challenge: 'nope', code: '123456' } }),
    expect: { default: 401 },
  },
  { route: 'POST /api/auth/logout', case: 'own session', freshSession: true, expect: signedInOnly(200) },
  {
    route: 'GET /api/auth/invitations/:token',
    case: 'unknown token',
    request: () => ({ url: '/api/auth/invitations/unknown' }),
    expect: { default: 404 },
  },
  {
    route: 'POST /api/auth/invitations/accept',
    case: 'unknown token',
    request: () => ({ body: { token: 'unknown', password: 'long enough password' } }),
    expect: { default: 404 },
  },
  { route: 'GET /api/me', case: 'own', expect: signedInOnly(200) },
  { route: 'PATCH /api/me', case: 'own', request: () => ({ body: { locale: 'en' } }), expect: signedInOnly(200) },
  {
    route: 'POST /api/me/password',
    case: 'wrong current password',
    request: () => ({ body: { currentPassword: 'not it', newPassword: 'a new long password' } }),
    expect: signedInOnly(400),
  },
  // admin, head and hr already use two-factor (required for them); the others have not enrolled
  { route: 'POST /api/me/totp/setup', case: 'own', expect: { anonymous: 401, admin: 409, head: 409, hr: 409, default: 200 } },
  {
    route: 'POST /api/me/totp/enable',
    case: 'wrong code',
    request: () => ({ body: { code: '000000' } }),
    expect: { anonymous: 401, admin: 409, head: 409, hr: 409, default: 400 },
  },
  { route: 'POST /api/me/totp/disable', case: 'own', request: () => ({ body: { code: '000000' } }), expect: signedInOnly(409) },
  {
    route: 'POST /api/me/totp/recovery-codes',
    case: 'wrong code',
    request: () => ({ body: { code: '000000' } }),
    expect: { anonymous: 401, admin: 400, head: 400, hr: 400, default: 409 },
  },
  { route: 'GET /api/me/tokens', case: 'own', expect: signedInOnly(200) },
  { route: 'POST /api/me/tokens', case: 'own', request: () => ({ body: { name: 'matrix' } }), expect: signedInOnly(200) },
  { route: 'DELETE /api/me/tokens/:id', case: 'missing', request: () => ({ url: `/api/me/tokens/${NIL}` }), expect: signedInOnly(404) },
  { route: 'GET /api/users', case: 'list', expect: signedInOnly(200) },
  { route: 'GET /api/users/:id', case: 'self', request: (t) => ({ url: `/api/users/${t.self ?? NIL}` }), expect: signedInOnly(200) },
  {
    route: 'GET /api/users/:id',
    case: 'reports to the caller',
    request: (t) => ({ url: `/api/users/${t.report}` }),
    expect: only([...seesAll, 'senior_kam'], 200, 404),
  },
  {
    route: 'GET /api/users/:id',
    case: 'unrelated user',
    request: (t) => ({ url: `/api/users/${t.other}` }),
    expect: only(seesAll, 200, 404),
  },
  { route: 'GET /api/users/:id', case: 'missing', request: () => ({ url: `/api/users/${NIL}` }), expect: signedInOnly(404) },
  {
    route: 'POST /api/users',
    case: 'create',
    request: (t) => ({ body: { email: `matrix${t.n}@example.test`, name: 'Matrix', role: 'kam' } }),
    expect: only(['admin'], 200, 403),
  },
  {
    route: 'PATCH /api/users/:id',
    case: 'unrelated user',
    request: (t) => ({ url: `/api/users/${t.other}`, body: { name: 'Renamed' } }),
    expect: only(['admin'], 200, 403),
  },
  {
    route: 'POST /api/users/:id/invitation',
    case: 'unrelated user',
    request: (t) => ({ url: `/api/users/${t.other}/invitation` }),
    expect: only(['admin'], 200, 403),
  },
  { route: 'GET /api/audit', case: 'browse', expect: only(['admin'], 200, 403) },
  ...accountAccessRows,
  ...contactAccessRows,
  ...planAccessRows,
  ...competitorAccessRows,
  ...tieringAccessRows,
  ...targetAccessRows,
  ...commercialAccessRows,
  ...interactionAccessRows,
  ...interactionWriteAccessRows,
  ...contactPlanAccessRows,
  ...complaintAccessRows,
  ...complaintWorkflowAccessRows,
  ...surveyAccessRows,
  ...absenceAccessRows,
  ...taskAccessRows,
  ...businessCalendarAccessRows,
  ...requestAccessRows,
  ...calendarFeedAccessRows,
  ...notificationAccessRows,
  ...mailAccessRows,
  ...actAccessRows,
  ...importAccessRows,
  ...kpiAccessRows,
  ...kpiExportAccessRows,
];

function setupBody(n: number) {
  return {
    company: { name: 'Another', currency: 'EUR', timeZone: 'UTC', defaultLocale: 'en' },
    admin: { email: `setup${n}@example.test`, name: 'Setup', password: 'long enough password' },
  };
}

export function expectedStatus(row: MatrixRow, who: Who): number | undefined {
  const e = row.expect;
  return e[who] ?? (who !== 'anonymous' ? e.signedIn : undefined) ?? e.default;
}
