import crypto from 'node:crypto';
import { and, asc, count, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import type { Locale } from '../../core/contracts.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import { AppError, notFound } from '../../core/errors.js';
import { accounts } from '../accounts/accounts.schema.js';
import { sha256 } from '../auth/secrets.js';
import { findCompany } from '../company/company.service.js';
import { interactions } from '../interactions/interactions.schema.js';
import { reminderMinutesOf } from '../notifications/notification-settings.service.js';
import { attachment } from '../plans/plan-export.js';
import { users } from '../users/users.schema.js';
import {
  type CalendarExportQuery,
  type CalendarFeed,
  type CalendarFeedList,
  type CreatedCalendarFeed,
  MAX_ACTIVE_FEEDS,
  MAX_EXPORT_DAYS,
} from './calendar-feeds.contracts.js';
import { type FeedItem, renderCalendar } from './calendar-feeds.ics.js';
import { calendarFeeds } from './calendar-feeds.schema.js';

/**
 * Private iCalendar feeds (C3). The secret in a feed's URL is 32 random bytes (base64url); only its
 * SHA-256 is stored, so the URL is shown once. A revoked feed, or one of a deactivated user, is 404.
 */
const DAY = 24 * 3600_000;
/** a feed shows a month back and half a year ahead */
const FEED_PAST_DAYS = 30;
const FEED_AHEAD_DAYS = 180;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

type FeedRow = typeof calendarFeeds.$inferSelect;
const toFeed = (r: FeedRow): CalendarFeed => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export async function listFeeds(ctx: Ctx): Promise<CalendarFeedList> {
  const rows = await ctx.db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, actorOf(ctx).userId))
    .orderBy(sql`${calendarFeeds.revokedAt} IS NOT NULL`, desc(calendarFeeds.createdAt));
  return { items: rows.map(toFeed) };
}

/** A new feed of the caller's own plan; `baseUrl` is where this server is reached. */
export async function createFeed(ctx: Ctx, baseUrl: string): Promise<CreatedCalendarFeed> {
  const userId = actorOf(ctx).userId;
  const token = crypto.randomBytes(32).toString('base64url');
  const row = await ctx.db.transaction(async (tx) => {
    // one creation at a time per user, so the limit holds
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`calendar_feeds:${userId}`}))`);
    const [active] = await tx
      .select({ n: count() })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
    if ((active?.n ?? 0) >= MAX_ACTIVE_FEEDS) throw new AppError('CALENDAR_FEED_LIMIT', 409, { max: MAX_ACTIVE_FEEDS });
    const [created] = await tx
      .insert(calendarFeeds)
      .values({ userId, tokenHash: sha256(token) })
      .returning();
    if (!created) throw new Error('calendar feed not stored');
    await recordAudit(ctx, { action: 'calendar_feed.create', entity: 'calendar_feed', entityId: created.id, after: { userId } }, tx);
    return created;
  });
  return { ...toFeed(row), url: `${baseUrl.replace(/\/+$/, '')}/ical/${token}.ics` };
}

/** Revokes one of the caller's feeds at once; another user's feed does not exist for them. */
export async function revokeFeed(ctx: Ctx, id: string): Promise<CalendarFeed> {
  const userId = actorOf(ctx).userId;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.userId, userId)))
      .for('update');
    if (!row) throw notFound();
    if (row.revokedAt) return toFeed(row);
    const [revoked] = await tx.update(calendarFeeds).set({ revokedAt: new Date() }).where(eq(calendarFeeds.id, id)).returning();
    if (!revoked) throw notFound();
    await recordAudit(ctx, { action: 'calendar_feed.revoke', entity: 'calendar_feed', entityId: id, before: { revokedAt: null } }, tx);
    return toFeed(revoked);
  });
}

interface Owner {
  id: string;
  name: string;
  locale: Locale;
}

async function itemsOf(db: Db, userId: string, from: Date, to: Date): Promise<FeedItem[]> {
  return db
    .select({
      id: interactions.id,
      type: interactions.type,
      status: interactions.status,
      occurredAt: interactions.occurredAt,
      allDay: interactions.allDay,
      durationMinutes: interactions.durationMinutes,
      subject: interactions.subject,
      outcome: interactions.outcome,
      nextStep: interactions.nextStep,
      accountName: accounts.name,
      createdAt: interactions.createdAt,
      updatedAt: interactions.updatedAt,
    })
    .from(interactions)
    .innerJoin(accounts, eq(accounts.id, interactions.accountId))
    .where(and(eq(interactions.userId, userId), gte(interactions.occurredAt, from), lt(interactions.occurredAt, to)))
    .orderBy(asc(interactions.occurredAt), asc(interactions.id));
}

async function calendarOf(db: Db, owner: Owner, from: Date, to: Date): Promise<string> {
  const [company, reminderMinutes, items] = await Promise.all([
    findCompany(db),
    reminderMinutesOf(db, owner.id),
    itemsOf(db, owner.id, from, to),
  ]);
  return renderCalendar({
    userName: owner.name,
    locale: owner.locale,
    timeZone: company?.timeZone ?? 'UTC',
    reminderMinutes,
    items,
    from,
    to,
  });
}

/** The feed behind a secret URL: its owner's items a month back and half a year ahead. Unknown → 404. */
export async function feedCalendar(db: Db, token: string, now = new Date()): Promise<string> {
  if (!TOKEN.test(token)) throw notFound();
  const [found] = await db
    .select({ id: calendarFeeds.id, owner: { id: users.id, name: users.name, locale: users.locale } })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, sha256(token)), isNull(calendarFeeds.revokedAt), isNull(users.disabledAt)));
  if (!found) throw notFound();
  await db.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.id, found.id));
  return calendarOf(db, found.owner, new Date(now.getTime() - FEED_PAST_DAYS * DAY), new Date(now.getTime() + FEED_AHEAD_DAYS * DAY));
}

/** The caller's own items on the company calendar days [from, to] as an .ics download; audited. */
export async function exportCalendar(ctx: Ctx, q: CalendarExportQuery): Promise<{ body: Buffer; disposition: string }> {
  const actor = actorOf(ctx);
  const days = Math.round((Date.parse(q.to) - Date.parse(q.from)) / DAY) + 1;
  if (days < 1 || days > MAX_EXPORT_DAYS) throw new AppError('CALENDAR_EXPORT_RANGE_INVALID', 400, { max: MAX_EXPORT_DAYS });
  const zone = (await findCompany(ctx.db))?.timeZone ?? 'UTC';
  const [bounds] = (
    await ctx.db.execute<{ from: string; to: string }>(sql`
      SELECT (${q.from}::date::timestamp AT TIME ZONE ${zone}) AS "from",
             ((${q.to}::date + 1)::timestamp AT TIME ZONE ${zone}) AS "to"`)
  ).rows;
  if (!bounds) throw new Error('no range');
  const [owner] = await ctx.db
    .select({ id: users.id, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!owner) throw notFound();
  const text = await calendarOf(ctx.db, owner, new Date(bounds.from), new Date(bounds.to));
  await recordAudit(ctx, { action: 'calendar.export', entity: 'user', entityId: actor.userId, after: { from: q.from, to: q.to } });
  return { body: Buffer.from(text, 'utf8'), disposition: attachment(`grove-${q.from}-${q.to}.ics`, `grove-${q.from}-${q.to}.ics`) };
}
