import { z } from 'zod';
import { IdParams } from '../../core/contracts.js';
import { notFound } from '../../core/errors.js';
import type { App, AppDeps } from '../../core/http/types.js';
import { CalendarExportQuery, CalendarFeed, CalendarFeedList, CreatedCalendarFeed, FeedParams } from './calendar-feeds.contracts.js';
import { createFeed, exportCalendar, feedCalendar, listFeeds, revokeFeed } from './calendar-feeds.service.js';

const tags = ['calendar'];
const access = { signedIn: true } as const;
const ICS = 'text/calendar; charset=utf-8';

export function registerCalendarFeedRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/calendar-feeds',
    {
      config: { access },
      schema: { tags, summary: 'My calendar feeds (never their secret URLs)', response: { 200: CalendarFeedList } },
    },
    async (req) => listFeeds(req.ctx),
  );
  app.post(
    '/api/calendar-feeds',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A new private calendar feed of my plan',
        description: 'The answer holds the feed URL with its secret; it is shown this once. Audited.',
        response: { 200: CreatedCalendarFeed },
      },
    },
    async (req) => createFeed(req.ctx, deps.config.publicUrl ?? `${req.protocol}://${req.host}`),
  );
  app.delete(
    '/api/calendar-feeds/:id',
    {
      config: { access },
      schema: { tags, summary: 'Revoke one of my calendar feeds (at once)', params: IdParams, response: { 200: CalendarFeed } },
    },
    async (req) => revokeFeed(req.ctx, req.params.id),
  );
  app.get(
    '/api/plan/export.ics',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My interactions on the days [from, to] (at most a year) as an iCalendar file',
        description: 'The same events as my calendar feed. Audited as calendar.export.',
        querystring: CalendarExportQuery,
        produces: ['text/calendar'],
        response: { 200: z.instanceof(Buffer).describe('the .ics file') },
      },
    },
    async (req, reply) => {
      const file = await exportCalendar(req.ctx, req.query);
      return reply.type(ICS).header('content-disposition', file.disposition).header('cache-control', 'no-store').send(file.body);
    },
  );
  // The feed itself: no session, the secret in the URL is the credential (calendar apps poll it).
  app.get(
    '/ical/:token.ics',
    {
      config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: 'A private calendar feed (the URL is the credential)', params: FeedParams },
    },
    async (req, reply) => {
      if (!req.params.token) throw notFound();
      const text = await feedCalendar(deps.database.db, req.params.token);
      return reply
        .type(ICS)
        .header('content-disposition', 'inline; filename="grove.ics"')
        .header('cache-control', 'private, no-cache')
        .header('x-robots-tag', 'noindex')
        .send(text);
    },
  );
}
