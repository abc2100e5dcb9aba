import { sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { assertCan } from '../../core/policy/policy.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { findCompany, setLegalClaimDays } from '../company/company.service.js';
import { dayRange } from '../company/calendar.js';
import type { SlaSettings, SlaSummary } from './complaint-workflow.contracts.js';
import { slaTargets } from './complaints.schema.js';

/** SLA settings (head, admin) and the SLA dashboard: compliance, breaches, causes that come back (D1). */

const tierOrder = ['key', 'potential', 'regular'];
const severityOrder = ['critical', 'high', 'normal', 'low'];

export async function slaSettings(ctx: Ctx): Promise<SlaSettings> {
  assertCan(actorOf(ctx), 'complaints.read');
  const [rows, c] = await Promise.all([ctx.db.select().from(slaTargets), findCompany(ctx.db)]);
  return {
    targets: rows
      .map((r) => ({
        tier: r.tier,
        severity: r.severity,
        responseAmount: r.responseAmount,
        responseUnit: r.responseUnit,
        resolutionAmount: r.resolutionAmount,
        resolutionUnit: r.resolutionUnit,
      }))
      .sort(
        (a, b) =>
          tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier) || severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity),
      ),
    legalClaimDays: c?.legalClaimDays ?? 30,
  };
}

/** New targets apply to complaints received from now on; those already open keep their clocks. */
export async function saveSlaSettings(ctx: Ctx, body: SlaSettings): Promise<SlaSettings> {
  assertCan(actorOf(ctx), 'sla.configure');
  const before = await slaSettings(ctx);
  await ctx.db.transaction(async (tx) => {
    for (const t of body.targets)
      await tx
        .insert(slaTargets)
        .values(t)
        .onConflictDoUpdate({ target: [slaTargets.tier, slaTargets.severity], set: { ...t, updatedAt: new Date() } });
    await setLegalClaimDays(tx, body.legalClaimDays);
    await recordAudit(ctx, { action: 'complaint.sla_settings', entity: 'sla_targets', before, after: body }, tx);
  });
  return slaSettings(ctx);
}

const pct = (met: number, breached: number) => (met + breached ? Math.round((met / (met + breached)) * 1000) / 10 : null);

export async function slaSummary(ctx: Ctx, from: string, to: string): Promise<SlaSummary> {
  assertCan(actorOf(ctx), 'complaints.read');
  const scope = (await visibleAccountsSql(ctx)) ?? sql`true`;
  const received = sql.join(await dayRange(ctx, sql`c.received_at`, from, to), sql` AND `);
  const inScope = sql`c.account_id IN (SELECT accounts.id FROM accounts WHERE ${scope})`;
  const [{ rows: totals }, { rows: handlers }, { rows: byAccount }, { rows: byProduct }] = await Promise.all([
    ctx.db.execute<{
      received: number;
      response_met: number;
      response_breached: number;
      resolution_met: number;
      resolution_breached: number;
      open: number;
      breached_open: number;
    }>(sql`
      SELECT count(*)::int AS received,
        count(*) FILTER (WHERE c.first_response_at IS NOT NULL AND c.response_breached_at IS NULL)::int AS response_met,
        count(*) FILTER (WHERE c.response_breached_at IS NOT NULL)::int AS response_breached,
        count(*) FILTER (WHERE c.resolved_at IS NOT NULL AND c.resolution_breached_at IS NULL)::int AS resolution_met,
        count(*) FILTER (WHERE c.resolution_breached_at IS NOT NULL)::int AS resolution_breached,
        count(*) FILTER (WHERE c.status NOT IN ('resolved', 'closed'))::int AS open,
        count(*) FILTER (WHERE c.status NOT IN ('resolved', 'closed')
          AND (c.response_breached_at IS NOT NULL OR c.resolution_breached_at IS NOT NULL OR c.legal_breached_at IS NOT NULL))::int AS breached_open
      FROM complaints c WHERE ${received} AND ${inScope}`),
    ctx.db.execute<{ id: string; name: string; received: number; breached: number }>(sql`
      SELECT u.id, u.name, count(*)::int AS received,
        count(*) FILTER (WHERE c.response_breached_at IS NOT NULL OR c.resolution_breached_at IS NOT NULL)::int AS breached
      FROM complaints c JOIN users u ON u.id = c.handler_id
      WHERE ${received} AND ${inScope} GROUP BY u.id, u.name ORDER BY breached DESC, received DESC, u.name LIMIT 50`),
    ctx.db.execute<{ id: string; name: string; cause: string; count: number }>(sql`
      SELECT a.id, a.name, coalesce(c.category, c.root_cause) AS cause, count(*)::int AS count
      FROM complaints c JOIN accounts a ON a.id = c.account_id
      WHERE ${received} AND ${inScope} AND coalesce(c.category, c.root_cause) IS NOT NULL
      GROUP BY a.id, a.name, 3 HAVING count(*) >= 2 ORDER BY count DESC, a.name LIMIT 50`),
    ctx.db.execute<{ id: string; name: string; cause: string; count: number }>(sql`
      SELECT p.id, p.name, coalesce(c.category, c.root_cause) AS cause, count(*)::int AS count
      FROM complaints c JOIN products p ON p.id = c.product_id
      WHERE ${received} AND ${inScope} AND coalesce(c.category, c.root_cause) IS NOT NULL
      GROUP BY p.id, p.name, 3 HAVING count(*) >= 2 ORDER BY count DESC, p.name LIMIT 50`),
  ]);
  const t = totals[0] ?? {
    received: 0,
    response_met: 0,
    response_breached: 0,
    resolution_met: 0,
    resolution_breached: 0,
    open: 0,
    breached_open: 0,
  };
  return {
    received: t.received,
    responseMet: t.response_met,
    responseBreached: t.response_breached,
    resolutionMet: t.resolution_met,
    resolutionBreached: t.resolution_breached,
    responseCompliancePct: pct(t.response_met, t.response_breached),
    resolutionCompliancePct: pct(t.resolution_met, t.resolution_breached),
    open: t.open,
    breachedOpen: t.breached_open,
    byHandler: handlers.map((h) => ({ handler: { id: h.id, name: h.name }, received: h.received, breached: h.breached })),
    repeatByAccount: byAccount.map((r) => ({ account: { id: r.id, name: r.name }, cause: r.cause, count: r.count })),
    repeatByProduct: byProduct.map((r) => ({ product: { id: r.id, name: r.name }, cause: r.cause, count: r.count })),
  };
}
