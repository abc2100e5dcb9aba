import { and, asc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { type Actor, assertCan, can, selvesOf } from '../../core/policy/policy.js';
import { accounts } from '../accounts/accounts.schema.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { loadBusinessCalendar } from '../company/business-calendar.service.js';
import { findCompany } from '../company/company.service.js';
import { nextDay, zonedInstant } from '../company/zoned-time.js';
import { openComplaintCounts } from '../complaints/complaints.service.js';
import type { ChecklistKind } from '../interactions/interactions.contracts.js';
import { adherenceCounts, contactFacts, lastAndNextContact, planRows, unmetDecisionMakers } from '../interactions/interactions.plan.js';
import { defaultDurationMinutes } from '../interactions/interactions.rules.js';
import { planInteractions } from '../interactions/interactions.write.js';
import { overdueByAccount } from '../invoices/receivables.service.js';
import { companyToday, renewalsDue } from '../plans/plans.service.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { users } from '../users/users.schema.js';
import type {
  AcceptPlan,
  Adherence,
  Cadence,
  Cadences,
  ChecklistTemplate,
  Coverage,
  CoverageQuery,
  DueAccount,
  DueList,
  Suggestions,
  Week,
  WeekQuery,
} from './contact-plan.contracts.js';
import { adherencePct, byUrgency, type Due, daysBetween, dueFor, suggestWeek, workingDaysOfWeek } from './contact-plan.rules.js';
import { checklistTemplates, contactCadences } from './contact-plan.schema.js';
import { defaultChecklists } from './contact-plan.texts.js';

/**
 * The weekly visit and call plan (C2). A KAM plans their own week; a senior KAM reads the plans of
 * their reporting line, the head, executives and admins everyone's. Accounts are read through the
 * one account scope, so a plan never shows an account its reader may not see.
 */

const MAX_RANGE_DAYS = 62;
/** a decision maker not met for this long is a reason to visit */
const DECISION_MAKER_DAYS = 90;
/** renewals closing within this many days are a reason to call */
const RENEWAL_DAYS = 45;

const seesEveryone = (a: Actor) =>
  [a.role, ...a.actingFor.map((p) => p.role)].some((r) => r === 'admin' || r === 'head' || r === 'executive');

/** The people whose plans the caller may read; null: everyone. */
async function planPeople(ctx: Ctx): Promise<string[] | null> {
  const a = actorOf(ctx);
  assertCan(a, 'plan.read');
  if (seesEveryone(a)) return null;
  const seniors = [{ userId: a.userId, role: a.role }, ...a.actingFor].filter((p) => p.role === 'senior_kam').map((p) => p.userId);
  return [...selvesOf(a), ...(await reportingLineOf(ctx.db, seniors))];
}

async function planOwner(ctx: Ctx, userId: string | undefined): Promise<{ id: string; name: string }> {
  const id = userId ?? actorOf(ctx).userId;
  const people = await planPeople(ctx);
  const [u] = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  if (!u) throw notFound();
  if (people && !people.includes(id)) throw new AppError('PLAN_PERSON_NOT_VISIBLE', 403);
  return u;
}

async function zoneOf(ctx: Ctx): Promise<string> {
  return (await findCompany(ctx.db))?.timeZone ?? 'UTC';
}

export async function week(ctx: Ctx, q: WeekQuery): Promise<Week> {
  const owner = await planOwner(ctx, q.userId);
  if (daysBetween(q.from, q.to) >= MAX_RANGE_DAYS) throw new AppError('PLAN_RANGE_TOO_LONG', 400, { days: MAX_RANGE_DAYS });
  const zone = await zoneOf(ctx);
  const rows = await planRows(
    ctx,
    owner.id,
    zonedInstant(q.from, 0, zone),
    zonedInstant(nextDay(q.to), 0, zone),
    await visibleAccountsSql(ctx),
  );
  const a = actorOf(ctx);
  return {
    user: owner,
    canPlan: can(a, 'interactions.write') && selvesOf(a).includes(owner.id),
    items: rows.map((r) => ({
      id: r.id,
      account: { id: r.account_id, name: r.account_name, tier: r.tier },
      type: r.type as Week['items'][number]['type'],
      status: r.status as Week['items'][number]['status'],
      origin: r.origin as Week['items'][number]['origin'],
      occurredAt: new Date(r.occurred_at).toISOString(),
      durationMinutes: r.duration_minutes ?? defaultDurationMinutes(r.type as Week['items'][number]['type']),
      allDay: r.all_day,
      subject: r.subject,
      plannedFor: r.planned_for ? new Date(r.planned_for).toISOString() : null,
      moved: r.moved,
      checklistKind: r.checklist_kind as ChecklistKind | null,
    })),
  };
}

export async function cadences(ctx: Ctx): Promise<Cadences> {
  assertCan(actorOf(ctx), 'plan.read');
  const rows = await ctx.db.select().from(contactCadences);
  const order = ['key', 'potential', 'regular'];
  return {
    items: rows
      .map((r) => ({ tier: r.tier, visitEveryDays: r.visitEveryDays, callEveryDays: r.callEveryDays }))
      .sort((x, y) => order.indexOf(x.tier) - order.indexOf(y.tier)),
  };
}

export async function saveCadences(ctx: Ctx, items: Cadence[]): Promise<Cadences> {
  assertCan(actorOf(ctx), 'plan.configure');
  await ctx.db.transaction(async (tx) => {
    const before = await tx.select().from(contactCadences);
    for (const c of items)
      await tx
        .insert(contactCadences)
        .values({ ...c, updatedBy: actorOf(ctx).userId })
        .onConflictDoUpdate({
          target: contactCadences.tier,
          set: { visitEveryDays: c.visitEveryDays, callEveryDays: c.callEveryDays, updatedAt: new Date(), updatedBy: actorOf(ctx).userId },
        });
    await recordAudit(ctx, { action: 'plan.cadences', entity: 'contact_cadences', before, after: items }, tx);
  });
  return cadences(ctx);
}

export async function checklists(ctx: Ctx): Promise<{ items: ChecklistTemplate[] }> {
  const rows = await ctx.db.select().from(checklistTemplates);
  const kinds: ChecklistKind[] = ['training', 'merchandising'];
  return {
    items: kinds.map((kind) => {
      const custom = rows.find((r) => r.kind === kind);
      return { kind, items: custom?.items ?? defaultChecklists[ctx.locale][kind], custom: Boolean(custom) };
    }),
  };
}

export async function saveChecklist(ctx: Ctx, kind: ChecklistKind, items: string[]): Promise<ChecklistTemplate> {
  assertCan(actorOf(ctx), 'plan.configure');
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(checklistTemplates)
      .values({ kind, items, updatedBy: actorOf(ctx).userId })
      .onConflictDoUpdate({ target: checklistTemplates.kind, set: { items, updatedAt: new Date(), updatedBy: actorOf(ctx).userId } });
    await recordAudit(ctx, { action: 'plan.checklist', entity: 'checklist_templates', entityId: undefined, after: { kind, items } }, tx);
  });
  return { kind, items, custom: true };
}

/** The owner's live accounts the reader may see. */
async function portfolio(ctx: Ctx, ownerId: string) {
  return ctx.db
    .select({ id: accounts.id, name: accounts.name, tier: accounts.tier })
    .from(accounts)
    .where(and(eq(accounts.ownerId, ownerId), ne(accounts.status, 'lost'), isNull(accounts.archivedAt), await visibleAccountsSql(ctx)));
}

async function dueAccounts(
  ctx: Ctx,
  ownerId: string,
  now: Date,
): Promise<{ due: Due[]; facts: Map<string, { lastVisitAt: Date | null; lastCallAt: Date | null; nextPlannedAt: Date | null }> }> {
  const [mine, zone, today, cadenceRows] = await Promise.all([portfolio(ctx, ownerId), zoneOf(ctx), companyToday(ctx), cadences(ctx)]);
  const ids = mine.map((m) => m.id);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + RENEWAL_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [contact, dms, complaints, debt, renewals] = await Promise.all([
    contactFacts(ctx, ids, zone, today, now),
    unmetDecisionMakers(ctx, ids, zone, today, DECISION_MAKER_DAYS),
    openComplaintCounts(ctx, ids),
    overdueByAccount(ctx, ids, today),
    renewalsDue(ctx, ids, today, until),
  ]);
  const byTier = new Map(cadenceRows.items.map((c) => [c.tier, c]));
  const due: Due[] = [];
  for (const a of mine) {
    const c = contact.get(a.id);
    const d = dueFor(
      {
        accountId: a.id,
        name: a.name,
        tier: a.tier,
        daysSinceVisit: c?.daysSinceVisit ?? null,
        daysSinceCall: c?.daysSinceCall ?? null,
        visitPlanned: c?.visitPlanned ?? false,
        callPlanned: c?.callPlanned ?? false,
        unmetDecisionMakers: dms.get(a.id) ?? [],
        openComplaints: complaints.get(a.id) ?? 0,
        overdueDebt: debt.get(a.id) ?? null,
        renewals: renewals.get(a.id) ?? [],
      },
      byTier.get(a.tier),
    );
    if (d) due.push(d);
  }
  return { due: due.sort(byUrgency), facts: contact };
}

/** The owner's accounts that need contact, most urgent first, with why. */
export async function dueList(ctx: Ctx, userId: string | undefined): Promise<DueList> {
  const owner = await planOwner(ctx, userId);
  const { due, facts } = await dueAccounts(ctx, owner.id, new Date());
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  return {
    items: due.map(
      (d): DueAccount => ({
        account: { id: d.accountId, name: d.name, tier: d.tier },
        reasons: d.reasons,
        score: d.score,
        lastVisitAt: iso(facts.get(d.accountId)?.lastVisitAt),
        lastCallAt: iso(facts.get(d.accountId)?.lastCallAt),
        nextPlannedAt: iso(facts.get(d.accountId)?.nextPlannedAt),
      }),
    ),
  };
}

/** "Suggest my week": a draft of visits and calls for the due accounts in the free slots of the week. */
export async function suggest(ctx: Ctx, weekStart: string, userId: string | undefined): Promise<Suggestions> {
  const owner = await planOwner(ctx, userId);
  const now = new Date();
  const zone = await zoneOf(ctx);
  // holidays off, working weekends on: the company calendar (the same one the SLA clocks use)
  const cal = await loadBusinessCalendar(ctx.db);
  const days = workingDaysOfWeek(weekStart, (day, weekday) => {
    const kind = cal.days.get(day);
    return kind === 'working' || (kind !== 'holiday' && cal.hours.has(weekday));
  });
  const first = days[0] ?? weekStart;
  const last = days[days.length - 1] ?? weekStart;
  const [{ due }, busyRows] = await Promise.all([
    dueAccounts(ctx, owner.id, now),
    planRows(ctx, owner.id, zonedInstant(first, 0, zone), zonedInstant(nextDay(last), 0, zone), undefined),
  ]);
  const busy = busyRows
    .filter((r) => r.status !== 'cancelled')
    .map((r) => {
      const start = new Date(r.occurred_at).getTime();
      return { start, end: start + (r.duration_minutes ?? 60) * 60_000 };
    });
  const out = suggestWeek({ due, days, at: (day, minute) => zonedInstant(day, minute, zone).getTime(), busy, notBefore: now.getTime() });
  return {
    items: out.map((s) => ({
      account: { id: s.due.accountId, name: s.due.name, tier: s.due.tier },
      type: s.type,
      occurredAt: new Date(s.start).toISOString(),
      durationMinutes: s.duration,
      reasons: s.due.reasons,
    })),
  };
}

export async function accept(ctx: Ctx, body: AcceptPlan): Promise<{ ids: string[] }> {
  return { ids: await planInteractions(ctx, body.items, body.userId) };
}

/** The KAMs and senior KAMs among the people the caller may read. */
async function teamMembers(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  const people = await planPeople(ctx);
  return ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ['kam', 'senior_kam']), people ? inArray(users.id, people) : undefined))
    .orderBy(asc(users.name));
}

export async function adherence(ctx: Ctx, from: string, to: string): Promise<Adherence> {
  if (daysBetween(from, to) > 370) throw new AppError('PLAN_RANGE_TOO_LONG', 400, { days: 370 });
  const [members, zone] = await Promise.all([teamMembers(ctx), zoneOf(ctx)]);
  const counts = await adherenceCounts(
    ctx,
    members.map((m) => m.id),
    zonedInstant(from, 0, zone),
    zonedInstant(nextDay(to), 0, zone),
    new Date(),
  );
  const byUser = new Map(counts.map((c) => [c.user_id, c]));
  return {
    rows: members.map((m) => {
      const c = byUser.get(m.id);
      const planned = c?.planned ?? 0;
      const done = c?.done ?? 0;
      const upcoming = c?.upcoming ?? 0;
      return {
        user: m,
        planned,
        done,
        moved: c?.moved ?? 0,
        cancelled: c?.cancelled ?? 0,
        missed: c?.missed ?? 0,
        upcoming,
        offPlan: c?.off_plan ?? 0,
        adherencePct: adherencePct(planned, done, upcoming),
      };
    }),
  };
}

/** Accounts of a tier with no done contact for at least `days` days (or never), the longest first. */
export async function coverage(ctx: Ctx, q: CoverageQuery): Promise<Coverage> {
  const people = await planPeople(ctx);
  if (q.userId) await planOwner(ctx, q.userId);
  const owners: SQL | undefined = q.userId ? eq(accounts.ownerId, q.userId) : people ? inArray(accounts.ownerId, people) : undefined;
  const rows = await ctx.db
    .select({ id: accounts.id, name: accounts.name, tier: accounts.tier, ownerId: users.id, ownerName: users.name })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(and(eq(accounts.tier, q.tier), ne(accounts.status, 'lost'), isNull(accounts.archivedAt), owners, await visibleAccountsSql(ctx)));
  const [contacts, today, zone] = await Promise.all([
    lastAndNextContact(
      ctx,
      rows.map((r) => r.id),
      new Date(),
    ),
    companyToday(ctx),
    zoneOf(ctx),
  ]);
  const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d);
  const out = rows
    .map((r) => {
      const c = contacts.get(r.id);
      const daysSince = c?.last ? daysBetween(dayOf(c.last), today) : null;
      return {
        account: { id: r.id, name: r.name, tier: r.tier },
        owner: r.ownerId && r.ownerName ? { id: r.ownerId, name: r.ownerName } : null,
        lastContactAt: c?.last?.toISOString() ?? null,
        daysSince,
        nextPlannedAt: c?.next?.toISOString() ?? null,
      };
    })
    .filter((r) => r.daysSince === null || r.daysSince >= q.days)
    .sort(
      (x, y) =>
        (y.daysSince ?? Number.MAX_SAFE_INTEGER) - (x.daysSince ?? Number.MAX_SAFE_INTEGER) || x.account.name.localeCompare(y.account.name),
    );
  return { rows: out, accountsInTier: rows.length };
}
