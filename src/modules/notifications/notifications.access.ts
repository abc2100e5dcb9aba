import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, signedInOnly } from '../../core/policy/matrix-kit.js';
import { notifications } from './notifications.schema.js';

/** A notification in `userId`'s inbox; anonymous callers name nobody. */
async function notificationOf(db: Db, userId: string | undefined): Promise<string> {
  if (!userId) return NIL;
  const [row] = await db
    .insert(notifications)
    .values({ userId, kind: 'task_assigned', payload: { title: 'Matrix' }, link: '/tasks' })
    .returning({ id: notifications.id });
  return row?.id ?? NIL;
}

export const notificationAccessRows: MatrixRow[] = [
  { route: 'GET /api/notifications', case: 'my inbox', expect: signedInOnly(200) },
  { route: 'GET /api/notifications/unread-count', case: 'mine', expect: signedInOnly(200) },
  { route: 'POST /api/notifications/read-all', case: 'mine', expect: signedInOnly(200) },
  { route: 'GET /api/notifications/settings', case: 'mine', expect: signedInOnly(200) },
  {
    route: 'PUT /api/notifications/settings',
    case: 'mine',
    request: () => ({ body: { muted: ['task_due'], reminderMinutes: 15 } }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/notifications/:id/read',
    case: 'mine',
    request: async (t, db) => ({ url: `/api/notifications/${await notificationOf(db, t.self)}/read` }),
    expect: signedInOnly(200),
  },
  {
    route: 'POST /api/notifications/:id/read',
    case: 'another user’s',
    request: async (t, db) => ({ url: `/api/notifications/${await notificationOf(db, t.other)}/read` }),
    expect: signedInOnly(404),
  },
  {
    route: 'POST /api/notifications/:id/read',
    case: 'missing',
    request: () => ({ url: `/api/notifications/${NIL}/read` }),
    expect: signedInOnly(404),
  },
];
