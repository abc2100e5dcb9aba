import { z } from 'zod';
import { IsoDate } from '../accounts/accounts.contracts.js';

/** At most this many feeds of one user may be active (not revoked) at once. */
export const MAX_ACTIVE_FEEDS = 5;
/** The longest range of an .ics export, in days. */
export const MAX_EXPORT_DAYS = 366;

/** A private calendar feed (C3). Its secret is never listed: it is shown once, at creation. */
export const CalendarFeed = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;
export const CalendarFeedList = z.object({ items: z.array(CalendarFeed) });
export type CalendarFeedList = z.infer<typeof CalendarFeedList>;
/** The feed's URL holds its secret: shown once. */
export const CreatedCalendarFeed = CalendarFeed.extend({ url: z.string() });
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

export const FeedParams = z.strictObject({ token: z.string().max(200) });
/** a calendar day of this era (the iCalendar libraries and time zone data do not go further) */
const Day = IsoDate.refine((d) => d >= '1900-01-01' && d <= '2999-12-31', { message: 'between 1900-01-01 and 2999-12-31' });
export const CalendarExportQuery = z.strictObject({ from: Day, to: Day });
export type CalendarExportQuery = z.infer<typeof CalendarExportQuery>;
