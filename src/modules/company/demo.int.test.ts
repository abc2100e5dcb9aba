import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../test/helpers/api.js';
import { createTestDatabase, testLog } from '../../../test/helpers/db.js';
import { loadConfig } from '../../core/config.js';
import type { Ctx } from '../../core/context.js';
import type { Database } from '../../core/db/database.js';
import { buildApp } from '../../core/http/app.js';
import type { App } from '../../core/http/types.js';
import { newTotpSecret } from '../auth/totp.js';
import { accountEvents, accountOwners, accounts, accountTeam } from '../accounts/accounts.schema.js';
import { companyToday, ownerOnDay } from '../accounts/ownership.js';
import { competitorPresence, competitors } from '../competitors/competitors.schema.js';
import { contacts } from '../contacts/contacts.schema.js';
import { kpiReport } from '../kpi/kpi.service.js';
import { mapWarnings } from '../contacts/contacts.warnings.js';
import { accountPlans } from '../plans/plans.schema.js';
import { decimalToHundredths, impliedTier } from '../tiering/scoring.js';
import { readSettings, recomputeScores } from '../tiering/scoring.sql.js';
import { accountCriteria } from '../tiering/tiering.schema.js';
import { users } from '../users/users.schema.js';
import { DEMO_PASSWORD, demoEmail, demoInfo, demoPeople, demoSalesManagers, loadDemo } from './demo.js';
import { buildDemo } from './demo/build.js';
import { Calendar } from './demo/calendar.js';

/**
 * The demo company's key-account department, loaded into a real database: what a visitor sees must
 * hang together (owners by the ownership rule, scores by the scoring settings, org charts, plans,
 * competitors), and each demo user must see what their role allows.
 */
let database: Database & { url: string };
let app: App;
let loadMs = 0;
const db = () => database.db;
const ctxOf = (): Ctx => ({ db: db(), actor: null, locale: 'ru', ip: null, requestId: null, publicUrl: '' });

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  await loadDemo(ctxOf());
  loadMs = performance.now() - started;
  testLog.info({ loadMs }, 'demo loaded');
  console.info(`loadDemo took ${Math.round(loadMs)} ms`);
  app = await buildApp({ config: loadConfig({ PORT: '3000' }), database });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type AccountRow = typeof accounts.$inferSelect;
let all: AccountRow[] = [];
const userId = async (key: string) => {
  const [u] = await db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail(key)));
  return u!.id;
};

describe('the demo company', () => {
  it('loads in one go, quickly, with the same people and sign-ins as before', async () => {
    expect(loadMs).toBeLessThan(10_000);
    all = await db().select().from(accounts);
    expect(demoInfo().users.map((u) => u.email)).toEqual(demoPeople.map((p) => demoEmail(p.key)));
    const people = await db().select({ email: users.email }).from(users);
    expect(people).toHaveLength(demoPeople.length + demoSalesManagers.length);
  });

  it('has about 150 accounts of every status, spread over the KAMs and senior KAMs', async () => {
    expect(all.length).toBeGreaterThanOrEqual(140);
    expect(all.length).toBeLessThanOrEqual(160);
    const byStatus = (s: string) => all.filter((a) => a.status === s);
    expect(byStatus('prospect').length).toBeGreaterThanOrEqual(10);
    for (const p of byStatus('prospect')) expect(p.source && p.nextStep).toBeTruthy();
    expect(byStatus('at_risk').length).toBeGreaterThanOrEqual(5);
    expect(byStatus('lost').length).toBeGreaterThanOrEqual(5);
    for (const l of byStatus('lost')) expect([l.lostDate, l.lostReason, l.lostToCompetitorId].every(Boolean)).toBe(true);
    expect(new Set(all.map((a) => a.name)).size).toBe(all.length);
    expect(new Set(all.map((a) => a.currency))).toEqual(new Set(['RUB', 'EUR', 'USD']));
    expect(all.filter((a) => a.lastContactAt).length / all.length).toBeGreaterThan(0.85);
    // Russian legal entities have a 10-digit INN with a valid check digit
    const abroad = ['Беларусь', 'Казахстан', 'Армения', 'Узбекистан', 'Киргизия'];
    for (const a of all.filter((x) => x.currency === 'RUB' && !abroad.includes(x.region!))) {
      expect(a.registrationNo).toMatch(/^\d{10}$/);
      const d = [...a.registrationNo!].map(Number);
      const check = [2, 4, 10, 3, 5, 9, 4, 6, 8].reduce((sum, w, i) => sum + w * d[i]!, 0);
      expect((check % 11) % 10).toBe(d[9]);
    }

    const perOwner = new Map<string, number>();
    for (const a of all) perOwner.set(a.ownerId!, (perOwner.get(a.ownerId!) ?? 0) + 1);
    for (const p of demoPeople.filter((x) => x.role === 'kam')) expect(perOwner.get(await userId(p.key))).toBeGreaterThanOrEqual(10);
    for (const p of demoPeople.filter((x) => x.role === 'senior_kam')) expect(perOwner.get(await userId(p.key))).toBeGreaterThanOrEqual(5);
  });

  it('scores the key and potential accounts as the tiering settings do, with a few tiers for the re-tiering run to review', async () => {
    const key = all.filter((a) => a.tier === 'key');
    expect(key.length).toBeGreaterThanOrEqual(25);
    expect(key.length).toBeLessThanOrEqual(35);
    expect(key.every((a) => a.score !== null)).toBe(true);
    const criteria = await db().select().from(accountCriteria);
    for (const a of key) expect(criteria.filter((c) => c.accountId === a.id)).toHaveLength(7);
    // the database's own arithmetic finds nothing to change
    expect(await db().transaction((tx) => recomputeScores(tx))).toBe(0);
    const { thresholds } = await readSettings(db());
    const scored = all.filter((a) => a.score !== null);
    const mismatched = scored.filter((a) => impliedTier(decimalToHundredths(a.score!), thresholds) !== a.tier);
    expect(scored.filter((a) => a.tier === 'potential').length).toBeGreaterThanOrEqual(10);
    expect(mismatched.length).toBeGreaterThanOrEqual(3);
    expect(mismatched.length).toBeLessThanOrEqual(scored.length / 5);
  });

  it('gives every account its owner by the ownership history, with hand-overs on the timeline', async () => {
    const { rows } = await db().execute<{ id: string; owner_id: string; today_owner: string | null }>(sql`
      SELECT a.id, a.owner_id, ${ownerOnDay(sql`a.id`, companyToday)} AS today_owner FROM accounts a`);
    expect(rows).toHaveLength(all.length);
    for (const r of rows) expect(r.owner_id).toBe(r.today_owner);

    const handovers = await db().select().from(accountOwners).where(eq(accountOwners.origin, 'handover'));
    expect(handovers.length).toBeGreaterThanOrEqual(12);
    const events = await db().select().from(accountEvents).where(eq(accountEvents.kind, 'ownership.changed'));
    for (const h of handovers) {
      const e = events.find((x) => x.accountId === h.accountId && x.data.startDate === h.startDate);
      expect(e, `ownership.changed for ${h.accountId} on ${h.startDate}`).toBeDefined();
      expect((e!.data.to as { id: string }).id).toBe(h.ownerId);
      expect(h.note).toBeTruthy();
    }
    const firsts = await db().execute<{ n: string }>(sql`SELECT count(DISTINCT account_id) AS n FROM account_owners`);
    expect(Number(firsts.rows[0]!.n)).toBe(all.length);
  });

  it('maps the stakeholders of every key account as an org chart, with a few maps that warn', async () => {
    const people = await db().select().from(contacts);
    let warned = 0;
    for (const a of all) {
      const mine = people.filter((c) => c.accountId === a.id);
      if (a.tier !== 'key') {
        expect(mine.length).toBeGreaterThanOrEqual(1);
        continue;
      }
      expect(mine.length).toBeGreaterThanOrEqual(4);
      expect(mine.length).toBeLessThanOrEqual(9);
      expect(mine.some((c) => c.reportsToId && mine.some((m) => m.id === c.reportsToId))).toBe(true);
      expect(mine.filter((c) => c.reportsToId === null)).toHaveLength(1);
      const warnings = mapWarnings(mine.map((c) => ({ ...c, id: c.id })));
      if (warnings.some((w) => w.severity !== 'low')) warned++;
    }
    expect(warned).toBeGreaterThanOrEqual(3);
    expect(warned).toBeLessThanOrEqual(8);
  });

  it('has key accounts with plans, some without, and teams on the key accounts', async () => {
    const plans = await db().select().from(accountPlans);
    const planned = new Set(plans.map((p) => p.accountId));
    const key = all.filter((a) => a.tier === 'key');
    expect(key.filter((a) => planned.has(a.id)).length).toBeGreaterThanOrEqual(20);
    expect(key.filter((a) => !planned.has(a.id)).length).toBeGreaterThanOrEqual(2);
    for (const a of all) expect(a.planUpdatedAt !== null).toBe(planned.has(a.id));
    expect(plans.filter((p) => p.nextReviewDate! < new Date().toISOString().slice(0, 10)).length).toBeGreaterThanOrEqual(2);
    const team = await db().select().from(accountTeam);
    for (const a of key.filter((x) => x.status !== 'lost')) {
      const roles = team.filter((m) => m.accountId === a.id).map((m) => m.role);
      expect(roles).toEqual(expect.arrayContaining(['junior_kam', 'sales_support']));
    }
  });

  it('records competitors at about 40 accounts, several of them a high threat', async () => {
    const catalogue = await db().select().from(competitors);
    expect(catalogue.length).toBeGreaterThanOrEqual(6);
    expect(catalogue.length).toBeLessThanOrEqual(8);
    const presence = await db().select().from(competitorPresence);
    expect(new Set(presence.map((p) => p.accountId)).size).toBeGreaterThanOrEqual(35);
    expect(presence.filter((p) => p.threat === 'high').length).toBeGreaterThanOrEqual(5);
    const shares = new Map<string, number>();
    for (const p of presence) shares.set(p.accountId, (shares.get(p.accountId) ?? 0) + (p.shareOfWallet ?? 0));
    for (const total of shares.values()) expect(total).toBeLessThanOrEqual(100);
  });

  it('puts the story of every account on its timeline, never in the future', async () => {
    const { rows } = await db().execute<{ kind: string; n: string; latest: string }>(
      sql`SELECT kind, count(*) AS n, max(occurred_at)::text AS latest FROM account_events GROUP BY kind`,
    );
    const kinds = new Map(rows.map((r) => [r.kind, Number(r.n)]));
    expect(kinds.get('account.created')).toBe(all.length);
    for (const k of [
      'ownership.changed',
      'tier.changed',
      'plan.updated',
      'contact.added',
      'competitor.presence',
      'note.added',
      'status.changed',
    ])
      expect(kinds.get(k), k).toBeGreaterThan(0);
    for (const r of rows) expect(new Date(r.latest).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('makes the same company every time', () => {
    const people = [...demoPeople, ...demoSalesManagers].map((p, i) => ({
      key: p.key,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: p.name,
      role: p.role,
      managerKey: p.manager ?? null,
    }));
    const now = new Date('2026-06-15T09:00:00Z');
    expect(buildDemo(people, now)).toEqual(buildDemo(people, now));
  });
});

describe('the demo sales history', () => {
  const count = async (query: ReturnType<typeof sql>) => Number((await db().execute<{ n: string }>(query)).rows[0]!.n);

  it('fills every KPI of the last full quarter, for the company and for every KAM', async () => {
    const cal = new Calendar();
    const from = cal.quarterStart(1);
    const to = cal.day(cal.offsetOf(cal.quarterStart(0)) - 1);
    const report = await kpiReport(ctxOf(), { from, to }, { asOperator: true });
    const t = report.total;
    for (const k of [
      'revenue',
      'margin',
      'revenue_prev',
      'revenue_plan',
      'start_base',
      'churned',
      'new_clients',
      'upsell_pairs',
      'additional_services',
      'meetings',
      'calls',
      'receivables_overdue',
      'complaints',
      'complaints_justified',
    ] as const)
      expect(t[k], k).toBeGreaterThan(0);
    expect(t.plan_fulfilment_pct).toBeGreaterThanOrEqual(85);
    expect(t.plan_fulfilment_pct).toBeLessThanOrEqual(110);
    expect(t.first_response_median_hours).toBeGreaterThan(0);
    expect(t.first_response_median_hours).toBeLessThan(24);
    expect(t.churned).toBeLessThan(t.start_base! / 5);

    const kams = demoPeople.filter((p) => p.role === 'kam' || p.role === 'senior_kam').map((p) => demoEmail(p.key));
    for (const email of kams) {
      const m = report.managers.find((x) => x.manager === email);
      expect(m?.revenue, email).toBeGreaterThan(0);
      expect(m?.revenue_plan, email).toBeGreaterThan(0);
      expect(m?.plan_fulfilment_pct, email).toBeGreaterThanOrEqual(75);
      expect(m?.plan_fulfilment_pct, email).toBeLessThanOrEqual(125);
      expect(m?.meetings, email).toBeGreaterThan(0);
    }
  });

  it('stamps every fact with the owner of its day and keeps the summaries exact', async () => {
    expect(
      await count(sql`SELECT count(*) AS n FROM order_lines l WHERE l.owner_id IS DISTINCT FROM kpi_owner_on(l.account_id, l.order_date)`),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM order_returns r WHERE r.owner_id IS DISTINCT FROM kpi_owner_on(r.account_id, r.return_date)`,
      ),
    ).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM order_lines WHERE owner_id IS NULL`)).toBe(0);
    // the summaries are what a rebuild from the facts gives
    const [summary] = (
      await db().execute<{ summed: string; facts: string }>(sql`
      SELECT (SELECT sum(revenue) FROM kpi_owner_days)::text AS summed,
             ((SELECT sum(net_amount) FROM order_lines WHERE status = 'confirmed')
              - (SELECT sum(r.quantity * l.unit_price * (100 - l.discount_pct) / 100)
                 FROM order_returns r JOIN order_lines l USING (order_id, line_no)))::text AS facts`)
    ).rows;
    expect(summary!.summed).toBe(summary!.facts);
    expect(
      await count(sql`SELECT count(*) AS n FROM accounts a WHERE a.status <> 'prospect'
      AND NOT EXISTS (SELECT 1 FROM kpi_account_firsts f WHERE f.account_id = a.id)`),
    ).toBe(0);
    // an invoice is settled on the day its payments reach its amount
    expect(
      await count(sql`SELECT count(*) AS n FROM invoices i WHERE i.settled_on IS DISTINCT FROM (
      SELECT max(p.payment_date) FROM payments p WHERE p.invoice_id = i.invoice_id
      HAVING sum(p.amount) >= i.amount)`),
    ).toBe(0);
  });

  it('has a sales history of about three years that ends yesterday, with plans planned ahead', async () => {
    const [span] = (
      await db().execute<{ first: string; last: string; today: string; lines: string; products: string; services: string }>(sql`
      SELECT min(order_date)::text AS first, max(order_date)::text AS last, ${companyToday}::text AS today, count(*) AS lines,
             (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM products WHERE type = 'service') AS services
      FROM order_lines`)
    ).rows;
    expect(span!.last < span!.today).toBe(true);
    const years = (Date.parse(span!.today) - Date.parse(span!.first)) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(2.9);
    expect(Number(span!.lines)).toBeGreaterThanOrEqual(60_000);
    expect(Number(span!.lines)).toBeLessThanOrEqual(120_000);
    expect(Number(span!.products)).toBeGreaterThanOrEqual(55);
    expect(Number(span!.services)).toBeGreaterThanOrEqual(8);
    // returns: 1–2 % of the lines, every reason, never more than the line
    const returns = await count(sql`SELECT count(*) AS n FROM order_returns`);
    expect(returns / Number(span!.lines)).toBeGreaterThan(0.008);
    expect(returns / Number(span!.lines)).toBeLessThan(0.025);
    expect(await count(sql`SELECT count(DISTINCT reason) AS n FROM order_returns`)).toBe(5);
    expect(
      await count(sql`SELECT count(*) AS n FROM order_returns r JOIN order_lines l USING (order_id, line_no)
      WHERE r.quantity > l.quantity OR l.status <> 'confirmed' OR r.return_date < l.order_date`),
    ).toBe(0);
    // interactions done in the past, planned ahead; a few cancelled
    expect(await count(sql`SELECT count(*) AS n FROM interactions WHERE status = 'done' AND occurred_at > now()`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM interactions WHERE status = 'planned' AND occurred_at > now()`)).toBeGreaterThan(50);
    expect(await count(sql`SELECT count(*) AS n FROM interactions WHERE status = 'cancelled'`)).toBeGreaterThan(0);
    // the last contact of an account is its latest interaction
    expect(
      await count(sql`SELECT count(*) AS n FROM accounts a WHERE a.last_contact_at IS DISTINCT FROM
      (SELECT max(occurred_at) FROM interactions i WHERE i.account_id = a.id AND i.status = 'done')`),
    ).toBe(0);
    // every month's plan is split among the managers to the kopeck
    expect(
      await count(sql`SELECT count(*) AS n FROM department_targets d WHERE d.revenue_target <>
      (SELECT sum(m.revenue_target) FROM manager_targets m WHERE m.month = d.month)`),
    ).toBe(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM department_targets
      WHERE month >= date_trunc('year', ${companyToday}) AND month < date_trunc('year', ${companyToday}) + interval '1 year'`),
    ).toBe(12);
  });

  it('shows clients that went quiet, were lost this quarter, or placed their first order this quarter', async () => {
    const cal = new Calendar();
    const current = cal.quarterStart(0);
    const names = ['Кедр', 'Оптовик', 'Улыбка', 'Рязань-Снаб', 'Омский купец'];
    const quiet = all.filter((a) => names.includes(a.name)).map((a) => a.id);
    expect(quiet).toHaveLength(5);
    const lastOrders = await db().execute<{ account_id: string; last: string }>(
      sql`SELECT account_id, max(order_date)::text AS last FROM order_lines WHERE account_id = ANY(${sql.param(quiet)}::uuid[]) GROUP BY 1`,
    );
    for (const r of lastOrders.rows) expect(r.last < cal.day(-90)).toBe(true);
    const lostNow = all.filter((a) => a.status === 'lost' && a.lostDate! >= current);
    expect(lostNow.length).toBeGreaterThanOrEqual(1);
    expect(lostNow.length).toBeLessThanOrEqual(2);
    if (current < cal.day(-7))
      expect(await count(sql`SELECT count(*) AS n FROM kpi_account_firsts WHERE first_date >= ${current}::date`)).toBeGreaterThanOrEqual(1);
    // a few clients pay chronically late, so that some money is overdue today
    expect(
      await count(sql`SELECT count(DISTINCT account_id) AS n FROM invoices
      WHERE settled_on IS NULL AND due_date < ${companyToday} - 30`),
    ).toBeGreaterThanOrEqual(3);
  });
});

describe('the demo through the API', () => {
  const signIn = async (key: string, role: 'kam' | 'head') => {
    const id = await userId(key);
    let totpSecret: string | null = null;
    if (role === 'head') {
      // the head must use a second factor: enrol one as the head would have
      totpSecret = newTotpSecret();
      await db().update(users).set({ totpSecret, totpEnabled: true }).where(eq(users.id, id));
    }
    return new Session(app).signIn({ id, email: demoEmail(key), role, totpSecret }, DEMO_PASSWORD);
  };
  const listIds = async (s: Session) => {
    const res = await s.get('/api/accounts?limit=500');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string }[]; total: number };
    return { ids: new Set(body.items.map((i) => i.id)), total: body.total };
  };

  it('shows a KAM their own accounts and those whose team they are on, and the head every account', async () => {
    const maria = await signIn('maria', 'kam');
    const mariaId = await userId('maria');
    // Maria covers Olga on vacation this week (B3): she sees Olga's accounts too, until Olga is back
    const olgaId = await userId('olga');
    const covered = [mariaId, olgaId];
    const team = await db().select().from(accountTeam).where(inArray(accountTeam.userId, covered));
    const expected = new Set([
      ...all.filter((a) => a.ownerId !== null && covered.includes(a.ownerId)).map((a) => a.id),
      ...team.map((m) => m.accountId),
    ]);
    const seen = await listIds(maria);
    expect(seen.ids).toEqual(expected);
    expect(all.filter((a) => a.ownerId === mariaId).length).toBeGreaterThanOrEqual(10);

    const head = await signIn('head', 'head');
    expect((await listIds(head)).total).toBe(all.length);
  });

  it('has weeks of plans (done, moved, cancelled, missed, off-plan), tasks from seniors to juniors, and a deputy today', async () => {
    const anna = await signIn('anna', 'kam');
    const from = new Date(Date.now() - 28 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const adherence = await anna.get(`/api/plan/adherence?from=${from}&to=${to}`);
    expect(adherence.statusCode, adherence.body).toBe(200);
    const rows = (
      adherence.json() as {
        rows: {
          user: { name: string };
          planned: number;
          done: number;
          moved: number;
          cancelled: number;
          offPlan: number;
          adherencePct: number | null;
        }[];
      }
    ).rows;
    expect(rows.length).toBe(4);
    const sum = (k: 'planned' | 'done' | 'moved' | 'cancelled' | 'offPlan') => rows.reduce((n, r) => n + r[k], 0);
    expect(sum('planned')).toBeGreaterThan(20);
    for (const k of ['done', 'moved', 'cancelled', 'offPlan'] as const) expect(sum(k), k).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x.planned > 5)) expect(r.adherencePct).toBeGreaterThan(50);

    const maria = await signIn('maria', 'kam');
    const tasks = await maria.get('/api/tasks?view=mine');
    const mine = (tasks.json() as { items: { giver: { id: string } }[] }).items;
    const annaId = await userId('anna');
    expect(mine.map((t) => t.giver.id)).toContain(annaId);
    const suggestion = await maria.post('/api/plan/suggest', {
      weekStart: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(suggestion.statusCode, suggestion.body).toBe(200);
    expect((suggestion.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const { rows: away } = await db().execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM absences a JOIN users u ON u.id = a.user_id JOIN users d ON d.id = a.deputy_id
      WHERE u.email = ${demoEmail('olga')} AND d.email = ${demoEmail('maria')} AND a.first_day <= current_date AND a.last_day >= current_date`);
    expect(away[0]?.n).toBe(1);
  });

  it('has a service desk: complaints in every state with breaches, requests, acts with their returns, answered surveys', async () => {
    const { rows } = await db().execute<{
      statuses: string[];
      breached: number;
      requests: string[];
      acts: string[];
      act_returns: number;
      answered: number;
    }>(sql`
      SELECT (SELECT array_agg(DISTINCT status::text ORDER BY status::text) FROM complaints) AS statuses,
             (SELECT count(*) FROM complaints WHERE response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL)::int AS breached,
             (SELECT array_agg(DISTINCT status::text ORDER BY status::text) FROM department_requests) AS requests,
             (SELECT array_agg(DISTINCT status::text ORDER BY status::text) FROM service_acts) AS acts,
             (SELECT count(*) FROM order_returns r JOIN service_act_lines l ON l.return_id = r.return_id)::int AS act_returns,
             (SELECT count(*) FROM surveys WHERE answered_at IS NOT NULL)::int AS answered`);
    const r = rows[0]!;
    expect(r.statuses).toEqual(expect.arrayContaining(['closed', 'in_progress', 'new', 'resolved', 'waiting_client']));
    expect(r.breached).toBeGreaterThan(5);
    expect(r.requests).toEqual(expect.arrayContaining(['done', 'in_progress', 'new', 'rejected', 'waiting']));
    expect(r.acts).toEqual(['draft', 'signed']);
    expect(r.act_returns).toBeGreaterThan(0);
    expect(r.answered).toBeGreaterThan(10);
  });

  it('refuses to load the demo a second time and leaves the data as it was', async () => {
    await expect(loadDemo(ctxOf())).rejects.toMatchObject({ code: 'SETUP_DONE', status: 409 });
    const res = await new Session(app).post('/api/setup/demo');
    expect(res.statusCode).toBe(409);
    const [{ n }] = (await db().execute<{ n: string }>(sql`SELECT count(*) AS n FROM accounts`)).rows as [{ n: string }];
    expect(Number(n)).toBe(all.length);
  });
});
