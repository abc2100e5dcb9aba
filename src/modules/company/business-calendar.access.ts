import { type MatrixRow, only, signedInOnly } from '../../core/policy/matrix-kit.js';
import { calendarDays } from './business-calendar.schema.js';

/** A day of its own for each matrix request (far from the seeded production calendar). */
const dayOf = (n: number) => new Date(Date.UTC(2031, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const standardWeek = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 }));

export const businessCalendarAccessRows: MatrixRow[] = [
  { route: 'GET /api/calendar', case: 'a year', request: () => ({ url: '/api/calendar?year=2026' }), expect: signedInOnly(200) },
  {
    route: 'PUT /api/calendar/hours',
    case: 'the working week',
    request: () => ({ body: { hours: standardWeek } }),
    expect: only(['admin'], 200, 403),
  },
  {
    route: 'PUT /api/calendar/days/:day',
    case: 'mark a holiday',
    request: (t) => ({ url: `/api/calendar/days/${dayOf(t.n)}`, body: { kind: 'holiday', name: 'Matrix day' } }),
    expect: only(['admin'], 200, 403),
  },
  {
    route: 'DELETE /api/calendar/days/:day',
    case: 'an existing day',
    request: async (t, db) => {
      const day = dayOf(t.n);
      await db.insert(calendarDays).values({ day, kind: 'holiday' }).onConflictDoNothing();
      return { url: `/api/calendar/days/${day}` };
    },
    expect: only(['admin'], 200, 403),
  },
  {
    route: 'DELETE /api/calendar/days/:day',
    case: 'a day without an exception',
    request: (t) => ({ url: `/api/calendar/days/${dayOf(t.n)}` }),
    expect: only(['admin'], 404, 403),
  },
];
