import { Ok } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import {
  BusinessCalendarView,
  CalendarDay,
  CalendarDayParams,
  CalendarDayRequest,
  CalendarQuery,
  WorkingWeekRequest,
} from './business-calendar.contracts.js';
import { deleteCalendarDay, getCalendar, setCalendarDay, setWorkingWeek } from './business-calendar.service.js';

const tags = ['company'];
const manage = { access: { permission: 'company.manage' } } as const;

/** The working calendar of SLA clocks (issue 6, H5): everyone signed in reads it, an administrator edits it. */
export function registerBusinessCalendarRoutes(app: App) {
  app.get(
    '/api/calendar',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary: 'The working week and the holidays, short days and working weekends of a year',
        querystring: CalendarQuery,
        response: { 200: BusinessCalendarView },
      },
    },
    async (req) => getCalendar(req.ctx, req.query),
  );
  app.put(
    '/api/calendar/hours',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the working week (hours per weekday)',
        body: WorkingWeekRequest,
        response: { 200: BusinessCalendarView },
      },
    },
    async (req) => setWorkingWeek(req.ctx, req.body),
  );
  app.put(
    '/api/calendar/days/:day',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Mark a day as a holiday, a short day or a working day',
        params: CalendarDayParams,
        body: CalendarDayRequest,
        response: { 200: CalendarDay },
      },
    },
    async (req) => setCalendarDay(req.ctx, req.params.day, req.body),
  );
  app.delete(
    '/api/calendar/days/:day',
    {
      config: manage,
      schema: { tags, summary: 'Return a day to the working week', params: CalendarDayParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteCalendarDay(req.ctx, req.params.day);
      return { ok: true as const };
    },
  );
}
