import DecimalDefault from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { ActAnalysis, AnalysisQuery } from './acts.contracts.js';
import { scopedActsSql } from './acts.service.js';

const Decimal = DecimalDefault as unknown as typeof import('decimal.js').Decimal;
const qty = (s: string | null) => new Decimal(s ?? 0).toString();

/** How many of the latest prevention notes each group shows. */
const NOTES = 3;

type Row = {
  act_id: string;
  reference: string;
  act_date: string;
  prevention_note: string | null;
  account_id: string;
  account_name: string;
  line_no: number;
  quantity: string;
  reason: ActAnalysis['byReason'][number]['reason'];
  product_id: string | null;
  product_name: string | null;
  sku: string | null;
};

interface Group {
  acts: Set<string>;
  accounts: Set<string>;
  lines: number;
  quantity: InstanceType<typeof Decimal>;
  notes: Map<string, { actId: string; reference: string; actDate: string; note: string }>;
}

const group = (): Group => ({ acts: new Set(), accounts: new Set(), lines: 0, quantity: new Decimal(0), notes: new Map() });

function add(g: Group, r: Row) {
  g.acts.add(r.act_id);
  g.accounts.add(r.account_id);
  g.lines += 1;
  g.quantity = g.quantity.plus(r.quantity);
  if (r.prevention_note && g.notes.size < NOTES && !g.notes.has(r.act_id))
    g.notes.set(r.act_id, { actId: r.act_id, reference: r.reference, actDate: r.act_date, note: r.prevention_note });
}

const figures = (g: Group) => ({
  acts: g.acts.size,
  lines: g.lines,
  quantity: g.quantity.toString(),
  latestPrevention: [...g.notes.values()],
});

/** Most acts first, then the largest quantity. */
const byWeight = (a: { acts: number; quantity: string }, b: { acts: number; quantity: string }) =>
  b.acts - a.acts || new Decimal(b.quantity).comparedTo(a.quantity);

/**
 * Repeat causes (JD 2.17): the acts of the period (by act date; drafts and signed ones) of the
 * accounts the reader sees, counted by account, by product and by reason, each with its latest
 * prevention notes.
 */
export async function actAnalysis(ctx: Ctx, q: AnalysisQuery): Promise<ActAnalysis> {
  const scope = await scopedActsSql(ctx);
  const { rows } = await ctx.db.execute<Row>(sql`
    SELECT s.id AS act_id, s.reference, s.act_date::text, s.prevention_note, accounts.id AS account_id, accounts.name AS account_name,
           sl.line_no, sl.quantity::text, sl.reason::text AS reason, p.id AS product_id, p.name AS product_name, p.sku
    FROM service_acts s
    JOIN accounts ON accounts.id = s.account_id
    JOIN service_act_lines sl ON sl.act_id = s.id
    LEFT JOIN order_lines ol ON ol.order_id = s.order_id AND ol.line_no = sl.line_no
    LEFT JOIN products p ON p.id = ol.product_id
    WHERE ${scope}
      ${q.account ? sql`AND s.account_id = ${q.account}` : sql``}
      ${q.from ? sql`AND s.act_date >= ${q.from}` : sql``}
      ${q.to ? sql`AND s.act_date <= ${q.to}` : sql``}
    ORDER BY s.act_date DESC, s.created_at DESC, sl.line_no`);

  const total = group();
  const accounts = new Map<string, Group & { name: string }>();
  const products = new Map<string, Group & { name: string; sku: string }>();
  const reasons = new Map<string, Group>();
  for (const r of rows) {
    add(total, r);
    const a = accounts.get(r.account_id) ?? { ...group(), name: r.account_name };
    accounts.set(r.account_id, a);
    add(a, r);
    const pid = r.product_id ?? '';
    const p = products.get(pid) ?? { ...group(), name: r.product_name ?? '', sku: r.sku ?? '' };
    products.set(pid, p);
    add(p, r);
    const g = reasons.get(r.reason) ?? group();
    reasons.set(r.reason, g);
    add(g, r);
  }
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    totals: { acts: total.acts.size, lines: total.lines, quantity: qty(total.quantity.toString()) },
    byAccount: [...accounts].map(([id, g]) => ({ account: { id, name: g.name }, ...figures(g) })).sort(byWeight),
    byProduct: [...products]
      .map(([id, g]) => ({ product: { id, name: g.name, sku: g.sku }, accounts: g.accounts.size, ...figures(g) }))
      .sort(byWeight),
    byReason: [...reasons]
      .map(([reason, g]) => ({ reason: reason as Row['reason'], accounts: g.accounts.size, ...figures(g) }))
      .sort(byWeight),
  };
}
