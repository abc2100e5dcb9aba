import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, signedInOnly, type Who } from '../../core/policy/matrix-kit.js';
import { attachments } from '../files/files.schema.js';
import { tasks } from './tasks.schema.js';

/** A task from `giverId` to `assigneeId` (the matrix's users); anonymous callers name nobody. */
async function taskOf(db: Db, giverId: string | undefined, assigneeId: string | undefined): Promise<string> {
  if (!giverId || !assigneeId) return NIL;
  const [row] = await db.insert(tasks).values({ title: 'Matrix task', giverId, assigneeId }).returning({ id: tasks.id });
  return row?.id ?? NIL;
}

/** A file on such a task, uploaded by `uploaderId` (default: the giver); the URL of its download. */
async function fileOn(db: Db, giverId: string | undefined, assigneeId: string | undefined, uploaderId = giverId): Promise<string> {
  const taskId = await taskOf(db, giverId, assigneeId);
  if (taskId === NIL) return `/api/tasks/${NIL}/attachments/${NIL}`;
  const [row] = await db
    .insert(attachments)
    .values({
      subjectType: 'task',
      subjectId: taskId,
      fileName: 'matrix.txt',
      mimeType: 'text/plain',
      sizeBytes: 6,
      content: Buffer.from('matrix'),
      uploadedBy: uploaderId ?? null,
    })
    .returning({ id: attachments.id });
  return `/api/tasks/${taskId}/attachments/${row?.id ?? NIL}`;
}

const seesAllTasks: Who[] = ['admin', 'head'];
/** visible (200) to these, hidden (404) to the other signed-in callers */
const sees = (who: Who[]) => only(who, 200, 404);

export const taskAccessRows: MatrixRow[] = [
  { route: 'GET /api/tasks', case: 'my tasks', expect: signedInOnly(200) },
  {
    route: 'GET /api/tasks',
    case: 'team board',
    request: () => ({ url: '/api/tasks?view=team' }),
    expect: only(['admin', 'head', 'senior_kam'], 200, 403),
  },
  { route: 'GET /api/tasks/assignees', case: 'whom I may give tasks', expect: signedInOnly(200) },
  {
    route: 'POST /api/tasks',
    case: 'to myself',
    request: (t) => ({ body: { title: `Matrix ${t.n}`, assigneeId: t.self ?? NIL } }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/tasks',
    case: 'to a report',
    request: (t) => ({ body: { title: `Matrix ${t.n}`, assigneeId: t.report } }),
    expect: only(['admin', 'head', 'senior_kam'], 200, 403),
  },
  {
    route: 'POST /api/tasks',
    case: 'to an unrelated user',
    request: (t) => ({ body: { title: `Matrix ${t.n}`, assigneeId: t.other } }),
    expect: only(seesAllTasks, 200, 403),
  },
  {
    route: 'GET /api/tasks/:id',
    case: 'assigned to me',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.self)}` }),
    expect: signedInOnly(200),
  },
  {
    route: 'GET /api/tasks/:id',
    case: 'given to a report by someone else',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.report)}` }),
    expect: sees(['admin', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/tasks/:id',
    case: 'between unrelated users',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.other)}` }),
    expect: sees(seesAllTasks),
  },
  { route: 'GET /api/tasks/:id', case: 'missing', request: () => ({ url: `/api/tasks/${NIL}` }), expect: sees([]) },
  {
    route: 'PATCH /api/tasks/:id',
    case: 'given by me',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.self, t.self)}`, body: { priority: 'high' } }),
    expect: signedInOnly(200),
  },
  {
    route: 'PATCH /api/tasks/:id',
    case: 'assigned to me by another',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.self)}`, body: { priority: 'high' } }),
    expect: { anonymous: 401, default: 403 },
  },
  {
    route: 'PATCH /api/tasks/:id',
    case: 'between unrelated users',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.other)}`, body: { priority: 'high' } }),
    expect: { ...only(seesAllTasks, 403, 404) },
  },
  {
    route: 'POST /api/tasks/:id/status',
    case: 'assigned to me',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.self)}/status`, body: { status: 'done' } }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/tasks/:id/status',
    case: 'a report’s task: the senior watches, does not work it',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.report)}/status`, body: { status: 'done' } }),
    expect: { ...only(['admin', 'head', 'senior_kam'], 403, 404) },
  },
  {
    route: 'POST /api/tasks/:id/comments',
    case: 'assigned to me',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.self)}/comments`, body: { body: 'Matrix comment' } }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/tasks/:id/comments',
    case: 'between unrelated users',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.other)}/comments`, body: { body: 'Matrix comment' } }),
    expect: { ...only(seesAllTasks, 403, 404) },
  },
  {
    route: 'POST /api/tasks/:id/attachments',
    case: 'assigned to me, no file sent: allowed, then refused for the missing file',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.self)}/attachments` }),
    expect: signedInOnly(400),
  },
  {
    route: 'POST /api/tasks/:id/attachments',
    case: 'a report’s task: the senior watches, does not attach',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.report)}/attachments` }),
    expect: { ...only(['admin', 'head', 'senior_kam'], 403, 404) },
  },
  {
    route: 'POST /api/tasks/:id/attachments',
    case: 'between unrelated users',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.other)}/attachments` }),
    expect: { ...only(seesAllTasks, 403, 404) },
  },
  {
    route: 'GET /api/tasks/:id/attachments/:attachmentId',
    case: 'on a task assigned to me',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.self) }),
    expect: signedInOnly(200),
  },
  {
    route: 'GET /api/tasks/:id/attachments/:attachmentId',
    case: 'on a task given to a report by someone else',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.report) }),
    expect: sees(['admin', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/tasks/:id/attachments/:attachmentId',
    case: 'between unrelated users',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.other) }),
    expect: sees(seesAllTasks),
  },
  {
    route: 'GET /api/tasks/:id/attachments/:attachmentId',
    case: 'missing file on a task assigned to me',
    request: async (t, db) => ({ url: `/api/tasks/${await taskOf(db, t.other, t.self)}/attachments/${NIL}` }),
    expect: sees([]),
  },
  {
    route: 'DELETE /api/tasks/:id/attachments/:attachmentId',
    case: 'uploaded by me to a task assigned to me',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.self, t.self) }),
    expect: signedInOnly(200),
  },
  {
    route: 'DELETE /api/tasks/:id/attachments/:attachmentId',
    case: 'uploaded by the assignee to a task I gave',
    request: async (t, db) => ({ url: await fileOn(db, t.self, t.other, t.other) }),
    expect: signedInOnly(200),
  },
  {
    route: 'DELETE /api/tasks/:id/attachments/:attachmentId',
    case: 'uploaded by the giver to a task assigned to me',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.self) }),
    expect: { anonymous: 401, default: 403 },
  },
  {
    route: 'DELETE /api/tasks/:id/attachments/:attachmentId',
    case: 'between unrelated users',
    request: async (t, db) => ({ url: await fileOn(db, t.other, t.other) }),
    expect: { ...only(seesAllTasks, 403, 404) },
  },
];
