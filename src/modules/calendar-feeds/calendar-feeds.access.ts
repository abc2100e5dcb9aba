import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, signedInOnly } from '../../core/policy/matrix-kit.js';
import { calendarFeeds } from './calendar-feeds.schema.js';

/** A feed of `userId` (the matrix's users); anonymous callers name nobody. */
async function feedOf(db: Db, userId: string | undefined): Promise<string> {
  if (!userId) return NIL;
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash: `matrix-${crypto.randomUUID()}` })
    .returning({ id: calendarFeeds.id });
  return row?.id ?? NIL;
}

export const calendarFeedAccessRows: MatrixRow[] = [
  { route: 'GET /api/calendar-feeds', case: 'my feeds', expect: signedInOnly(200) },
  { route: 'POST /api/calendar-feeds', case: 'a feed of my plan', expect: signedInOnly(200) },
  {
    route: 'DELETE /api/calendar-feeds/:id',
    case: 'my feed',
    request: async (t, db) => ({ url: `/api/calendar-feeds/${await feedOf(db, t.self)}` }),
    expect: { anonymous: 401, signedIn: 200 },
  },
  {
    route: 'DELETE /api/calendar-feeds/:id',
    case: 'another user’s feed',
    request: async (t, db) => ({ url: `/api/calendar-feeds/${await feedOf(db, t.other)}` }),
    expect: { anonymous: 401, signedIn: 404 },
  },
  {
    route: 'GET /api/plan/export.ics',
    case: 'my own items',
    request: () => ({ url: '/api/plan/export.ics?from=2026-01-01&to=2026-03-31' }),
    expect: signedInOnly(200),
  },
  {
    route: 'GET /api/plan/export.ics',
    case: 'a range longer than a year',
    request: () => ({ url: '/api/plan/export.ics?from=2025-01-01&to=2026-03-31' }),
    expect: signedInOnly(400),
  },
  {
    route: 'GET /ical/:token.ics',
    case: 'unknown secret (no session needed, none helps)',
    request: () => ({ url: `/ical/${'A'.repeat(43)}.ics` }),
    expect: { anonymous: 404, default: 404 },
  },
];
