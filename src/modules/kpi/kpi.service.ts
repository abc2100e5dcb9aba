import { sql } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { assertCan, kpiScope } from '../../core/policy/policy.js';
import type { KpiFigures, KpiManagerFigures, KpiQuery, KpiReport, KpiTeamQuery, KpiTeamReport } from './kpi.contracts.js';
import { ownerRanges } from '../accounts/ownership.js';
import { emptyFacts, type Grouping, loadFacts, type Period, periodEnd, periodStart } from './kpi.facts.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { figuresOf, previousPeriod } from './kpi.figures.js';

type Person = {
  id: string;
  email: string;
  name: string;
};

interface Settings {
  currency: string;
  timeZone: string;
  windowDays: number;
}

async function settingsOf(db: Executor): Promise<Settings> {
  const { rows } = await db.execute<{ currency: string; time_zone: string; activity_window_days: number }>(
    sql`SELECT currency, time_zone, activity_window_days FROM company WHERE id = 1`,
  );
  const c = rows[0];
  if (!c) throw new AppError('SERVICE_UNAVAILABLE', 503);
  return { currency: c.currency, timeZone: c.time_zone, windowDays: c.activity_window_days };
}

/** The period [from, to] with the company's settings. */
export async function periodFor(db: Executor, from: string, to: string): Promise<Period> {
  return periodOf(from, to, await settingsOf(db));
}

function periodOf(from: string, to: string, s: Settings): Period {
  return { from, to, ...previousPeriod(from, to), windowDays: s.windowDays, timeZone: s.timeZone };
}

export interface ReportOptions {
  /** the CLI acts as the machine's operator, who sees every manager */
  asOperator?: boolean;
}

/** Code-point order, the same on every database and collation. */
const byEmail = (a: Person, b: Person) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);

/**
 * The managers of a report (kpi.md): everyone who owns an account on a day of P, has a plan for a
 * month overlapping P, or has a done interaction in P.
 */
async function managersOf(db: Executor, p: Period, only?: string): Promise<Person[]> {
  if (only) {
    // one manager: whether they are one of the period, without listing everyone
    const { rows } = await db.execute<Person>(sql`
      SELECT u.id, u.email, u.name FROM users u
      WHERE u.id = ${only} AND (
        EXISTS (SELECT 1 FROM (${ownerRanges}) r
                WHERE r.owner_id = u.id AND r.lo <= ${p.to}::date AND (r.hi IS NULL OR r.hi > ${p.from}::date))
        OR EXISTS (SELECT 1 FROM manager_targets t WHERE t.user_id = u.id
                   AND t.month <= ${p.to}::date AND (t.month + interval '1 month')::date > ${p.from}::date)
        OR EXISTS (SELECT 1 FROM interactions i WHERE i.user_id = u.id AND i.status = 'done'
                   AND i.occurred_at >= ${periodStart(p)} AND i.occurred_at < ${periodEnd(p)}))`);
    return rows;
  }
  const { rows } = await db.execute<Person>(sql`
    SELECT u.id, u.email, u.name FROM users u
    WHERE u.id IN (
      SELECT r.owner_id FROM (${ownerRanges}) r WHERE r.lo <= ${p.to}::date AND (r.hi IS NULL OR r.hi > ${p.from}::date)
      UNION SELECT t.user_id FROM manager_targets t
        WHERE t.month <= ${p.to}::date AND (t.month + interval '1 month')::date > ${p.from}::date
      UNION SELECT i.user_id FROM interactions i
        WHERE i.status = 'done' AND i.occurred_at >= ${periodStart(p)} AND i.occurred_at < ${periodEnd(p)})`);
  return rows.sort(byEmail);
}

/** The users whose figures the actor may see: null = everyone (policy.kpiScope). */
export async function visibleManagerIds(ctx: Ctx, opts: ReportOptions = {}): Promise<Set<string> | null> {
  if (opts.asOperator) return null;
  const scope = kpiScope(actorOf(ctx));
  if (scope.all) return null;
  return new Set([...scope.selfIds, ...(await reportingLineOf(ctx.db, scope.lineOf))]);
}

export async function personByEmail(ctx: Ctx, email: string, visible: Set<string> | null): Promise<Person> {
  const { rows } = await ctx.db.execute<Person>(sql`SELECT id, email, name FROM users WHERE email = ${email}`);
  const person = rows[0];
  // someone the actor may not see does not exist for them
  if (!person || (visible && !visible.has(person.id))) throw notFound();
  return person;
}

/** The figures of each group; a group without facts gets the figures of nothing (zeros and nulls). */
export async function figuresFor(db: Executor, p: Period, grouping: Grouping): Promise<Map<string, KpiFigures>> {
  const facts = await loadFacts(db, p, grouping);
  const keys = grouping.kind === 'company' ? ['total'] : grouping.kind === 'owners' ? grouping.groups.map((g) => g.key) : [...facts.keys()];
  return new Map(keys.map((k) => [k, figuresOf(facts.get(k) ?? emptyFacts(), p)]));
}

const none = (p: Period) => figuresOf(emptyFacts(), p);

const withPerson = (person: Person, figures: KpiFigures): KpiManagerFigures => ({
  manager: person.email,
  name: person.name,
  ...figures,
});

/**
 * The KPI report of kpi.md. `total` is the company's for those who see every manager; for a KAM or a
 * senior KAM it is the figures of the managers they may see, counted as one group.
 */
export async function kpiReport(ctx: Ctx, q: KpiQuery, opts: ReportOptions = {}): Promise<KpiReport> {
  if (!opts.asOperator) assertCan(actorOf(ctx), 'kpi.read');
  const visible = await visibleManagerIds(ctx, opts);
  const settings = await settingsOf(ctx.db);
  const p = periodOf(q.from, q.to, settings);
  const named = q.manager ? await personByEmail(ctx, q.manager, visible) : null;

  const totalGrouping: Grouping = visible ? { kind: 'owners', groups: [{ key: 'total', userIds: [...visible] }] } : { kind: 'company' };
  // the list of managers, their figures and the total are independent: three queries at once
  const [listed, managers, total] = await Promise.all([
    managersOf(ctx.db, p, named?.id),
    figuresFor(ctx.db, p, named ? { kind: 'owners', groups: [{ key: named.id, userIds: [named.id] }] } : { kind: 'each' }),
    figuresFor(ctx.db, p, totalGrouping),
  ]);
  const people = listed.filter((m) => (!visible || visible.has(m.id)) && (!named || m.id === named.id));
  return {
    from: q.from,
    to: q.to,
    activity_window_days: settings.windowDays,
    currency: settings.currency,
    managers: people.map((m) => withPerson(m, managers.get(m.id) ?? none(p))),
    total: total.get('total') as KpiFigures,
  };
}

/** A senior KAM's team: each member and the team counted as one owner (F3). */
export async function kpiTeamReport(ctx: Ctx, q: KpiTeamQuery): Promise<KpiTeamReport> {
  assertCan(actorOf(ctx), 'kpi.read');
  const visible = await visibleManagerIds(ctx);
  const lead = await personByEmail(ctx, q.lead, visible);
  const settings = await settingsOf(ctx.db);
  const p = periodOf(q.from, q.to, settings);
  const line = await reportingLineOf(ctx.db, [lead.id]);
  const { rows } = await ctx.db.execute<Person>(sql`SELECT id, email, name FROM users WHERE id = ANY(${sql.param(line)}::uuid[])`);
  const members = [lead, ...rows.filter((m) => !visible || visible.has(m.id)).sort(byEmail)];
  const figures = await figuresFor(ctx.db, p, {
    kind: 'owners',
    groups: [...members.map((m) => ({ key: m.id, userIds: [m.id] })), { key: 'team', userIds: members.map((m) => m.id) }],
  });
  return {
    from: q.from,
    to: q.to,
    activity_window_days: settings.windowDays,
    currency: settings.currency,
    lead: { manager: lead.email, name: lead.name },
    members: members.map((m) => withPerson(m, figures.get(m.id) as KpiFigures)),
    team: figures.get('team') as KpiFigures,
  };
}
