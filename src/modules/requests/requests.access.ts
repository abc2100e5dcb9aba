import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, signedInOnly } from '../../core/policy/matrix-kit.js';
import { attachments } from '../files/files.schema.js';
import type { RequestDepartment } from './requests.contracts.js';
import { departmentRequests } from './requests.schema.js';

/**
 * A request raised by `requesterId` on `accountId` to `department` (the matrix's department members
 * work in logistics); anonymous callers name nobody.
 */
async function requestOf(
  db: Db,
  requesterId: string | undefined,
  accountId: string,
  department: RequestDepartment = 'logistics',
): Promise<string> {
  if (!requesterId) return NIL;
  const [row] = await db
    .insert(departmentRequests)
    .values({ accountId, department, type: 'other', title: 'Matrix request', requestedById: requesterId })
    .returning({ id: departmentRequests.id });
  return row?.id ?? NIL;
}

/** A file on such a request, uploaded by `uploaderId` (default: the requester); the URL of its download. */
async function fileOn(db: Db, requesterId: string | undefined, accountId: string, uploaderId = requesterId): Promise<string> {
  const id = await requestOf(db, requesterId, accountId);
  if (id === NIL) return `/api/requests/${NIL}/attachments/${NIL}`;
  const [row] = await db
    .insert(attachments)
    .values({
      subjectType: 'department_request',
      subjectId: id,
      fileName: 'matrix.txt',
      mimeType: 'text/plain',
      sizeBytes: 6,
      content: Buffer.from('matrix'),
      uploadedBy: uploaderId ?? null,
    })
    .returning({ id: attachments.id });
  return `/api/requests/${id}/attachments/${row?.id ?? NIL}`;
}

/** visible (200) to these, hidden (404) to the other signed-in callers */
const sees = (who: Parameters<typeof only>[0]) => only(who, 200, 404);
/** the logistics queue (the matrix's department member), the head and administrators see another KAM's logistics request */
const logisticsSees = sees(['admin', 'head', 'department']);
/** of those who see it, only the department works it */
const departmentWorks = (ok: number) => ({ ...only(['admin', 'head'], 403, 404), department: ok });
const body = (t: { n: number }, accountId: string) => ({
  accountId,
  department: 'logistics',
  type: 'urgent_delivery',
  title: `Matrix request ${t.n}`,
});

export const requestAccessRows: MatrixRow[] = [
  { route: 'GET /api/requests', case: 'my default view', expect: signedInOnly(200) },
  {
    route: 'GET /api/requests',
    case: 'my department’s queue',
    request: () => ({ url: '/api/requests?view=queue' }),
    expect: only(['department'], 200, 403),
  },
  {
    route: 'GET /api/requests',
    case: 'every request',
    request: () => ({ url: '/api/requests?view=all' }),
    expect: only(['admin', 'head'], 200, 403),
  },
  { route: 'GET /api/requests/sla', case: 'the departments’ SLAs', expect: signedInOnly(200) },
  {
    route: 'PUT /api/requests/sla',
    case: 'set them',
    request: () => ({ body: { items: [{ department: 'logistics', amount: 3, unit: 'business_days' }] } }),
    expect: only(['admin', 'head'], 200, 403),
  },
  {
    route: 'POST /api/requests',
    case: 'for my own account',
    request: (t) => ({ body: body(t, t.ownAccount) }),
    expect: only(['head', 'senior_kam', 'kam'], 200, 403),
  },
  {
    route: 'POST /api/requests',
    case: 'for a report’s account',
    request: (t) => ({ body: body(t, t.reportAccount) }),
    expect: { ...only(['head', 'senior_kam'], 200, 403), kam: 404 },
  },
  {
    route: 'POST /api/requests',
    case: 'for an unrelated account',
    request: (t) => ({ body: body(t, t.otherAccount) }),
    expect: { ...only(['head'], 200, 403), senior_kam: 404, kam: 404 },
  },
  {
    route: 'GET /api/requests/:id',
    case: 'raised by me',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.self, t.ownAccount)}` }),
    expect: signedInOnly(200),
  },
  {
    route: 'GET /api/requests/:id',
    case: 'raised by a report, to marketing',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.report, t.reportAccount, 'marketing')}` }),
    expect: sees(['admin', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/requests/:id',
    case: 'raised by another KAM, to my department (logistics)',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.other, t.otherAccount)}` }),
    expect: logisticsSees,
  },
  {
    route: 'GET /api/requests/:id',
    case: 'raised by another KAM, to another department (marketing)',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.other, t.otherAccount, 'marketing')}` }),
    expect: sees(['admin', 'head']),
  },
  { route: 'GET /api/requests/:id', case: 'missing', request: () => ({ url: `/api/requests/${NIL}` }), expect: sees([]) },
  {
    route: 'PATCH /api/requests/:id',
    case: 'raised by me, still new',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.self, t.ownAccount)}`, body: { title: 'Edited' } }),
    expect: signedInOnly(200),
  },
  {
    route: 'PATCH /api/requests/:id',
    case: 'raised by another KAM, to logistics',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.other, t.otherAccount)}`, body: { title: 'Edited' } }),
    expect: only(['admin', 'head', 'department'], 403, 404),
  },
  {
    route: 'POST /api/requests/:id/status',
    case: 'raised by me: cancel it',
    request: async (t, db) => ({
      url: `/api/requests/${await requestOf(db, t.self, t.ownAccount)}/status`,
      body: { status: 'cancelled' },
    }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/requests/:id/status',
    case: 'another KAM’s request to logistics: mark it done',
    request: async (t, db) => ({
      url: `/api/requests/${await requestOf(db, t.other, t.otherAccount)}/status`,
      body: { status: 'done' },
    }),
    expect: departmentWorks(200),
  },
  {
    route: 'POST /api/requests/:id/status',
    case: 'a report’s request to marketing: the senior watches, does not work it',
    request: async (t, db) => ({
      url: `/api/requests/${await requestOf(db, t.report, t.reportAccount, 'marketing')}/status`,
      body: { status: 'done' },
    }),
    expect: only(['admin', 'head', 'senior_kam'], 403, 404),
  },
  {
    route: 'GET /api/requests/:id/assignees',
    case: 'another KAM’s request to logistics',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.other, t.otherAccount)}/assignees` }),
    expect: logisticsSees,
  },
  {
    route: 'POST /api/requests/:id/assign',
    case: 'take another KAM’s request to logistics',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.other, t.otherAccount)}/assign`, body: {} }),
    expect: departmentWorks(200),
  },
  {
    route: 'POST /api/requests/:id/comments',
    case: 'another KAM’s request to logistics',
    request: async (t, db) => ({
      url: `/api/requests/${await requestOf(db, t.other, t.otherAccount)}/comments`,
      body: { body: 'Matrix comment' },
    }),
    expect: logisticsSees,
  },
  {
    route: 'POST /api/requests/:id/comments',
    case: 'raised by a report, to marketing',
    request: async (t, db) => ({
      url: `/api/requests/${await requestOf(db, t.report, t.reportAccount, 'marketing')}/comments`,
      body: { body: 'Matrix comment' },
    }),
    expect: sees(['admin', 'head', 'senior_kam']),
  },
  {
    route: 'POST /api/requests/:id/attachments',
    case: 'raised by me, no file sent: allowed, then refused for the missing file',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.self, t.ownAccount)}/attachments` }),
    expect: signedInOnly(400),
  },
  {
    route: 'POST /api/requests/:id/attachments',
    case: 'another KAM’s request to logistics, no file sent',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.other, t.otherAccount)}/attachments` }),
    expect: departmentWorks(400),
  },
  {
    route: 'GET /api/requests/:id/attachments/:attachmentId',
    case: 'on another KAM’s request to logistics',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.otherAccount) }),
    expect: logisticsSees,
  },
  {
    route: 'GET /api/requests/:id/attachments/:attachmentId',
    case: 'missing file on a request raised by me',
    request: async (t, db) => ({ url: `/api/requests/${await requestOf(db, t.self, t.ownAccount)}/attachments/${NIL}` }),
    expect: sees([]),
  },
  {
    route: 'DELETE /api/requests/:id/attachments/:attachmentId',
    case: 'uploaded by me to a request I raised',
    request: async (t, db) => ({ url: await fileOn(db, t.self, t.ownAccount) }),
    expect: signedInOnly(200),
  },
  {
    route: 'DELETE /api/requests/:id/attachments/:attachmentId',
    case: 'uploaded by another KAM to their request to logistics',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.otherAccount) }),
    expect: only(['admin', 'head', 'department'], 403, 404),
  },
];
