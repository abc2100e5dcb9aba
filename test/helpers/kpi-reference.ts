import { Exact, median } from '../../src/modules/kpi/exact.js';
import type { KpiFigures } from '../../src/modules/kpi/kpi.contracts.js';

/*
 * kpi.md read literally, day by day and row by row, with no cleverness: the oracle the set-based
 * engine is compared with on random companies (kpi.property.int.test.ts).
 */

export interface RefCompany {
  timeZone: string;
  windowDays: number;
  users: { id: string; email: string }[];
  accounts: { id: string; status: 'active' | 'lost'; lostDate: string | null; assignments: { start: string | null; ownerId: string }[] }[];
  products: { id: string; type: 'product' | 'service' }[];
  lines: {
    key: string;
    accountId: string;
    productId: string;
    date: string;
    quantity: string;
    unitPrice: string;
    discountPct: string;
    unitCost: string;
    status: 'confirmed' | 'cancelled';
  }[];
  returns: { lineKey: string; date: string; quantity: string }[];
  invoices: { id: string; accountId: string; issueDate: string; dueDate: string; amount: string }[];
  payments: { invoiceId: string; date: string; amount: string }[];
  interactions: { userId: string; type: string; status: string; occurredAt: string }[];
  complaints: { accountId: string; receivedAt: string; firstResponseAt: string | null; justified: boolean | null }[];
  plans: { userId: string; month: string; revenue: string }[];
}

const DAY = 86_400_000;
const num = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** The calendar date of an instant in a time zone. */
export function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function referenceKpis(c: RefCompany, from: string, to: string, managerId: string | null): KpiFigures {
  const inP = (d: string) => d >= from && d <= to;
  const length = num(to) - num(from) + 1;
  const prevFrom = iso(num(from) - length);
  const prevTo = iso(num(from) - 1);
  const W = c.windowDays;
  const owner = (accountId: string, d: string): string | null => {
    const a = c.accounts.find((x) => x.id === accountId);
    let best: { start: string | null; ownerId: string } | null = null;
    for (const s of a?.assignments ?? []) {
      if (s.start !== null && s.start > d) continue;
      // null is "from the beginning": before every date
      if (best === null || (s.start !== null && (best.start === null || s.start > best.start))) best = s;
    }
    return best?.ownerId ?? null;
  };
  const isM = (accountId: string, d: string) => managerId === null || owner(accountId, d) === managerId;
  const confirmed = c.lines.filter((l) => l.status === 'confirmed');
  const active = (accountId: string, d: string) =>
    confirmed.some((l) => l.accountId === accountId && num(l.date) >= num(d) - W + 1 && num(l.date) <= num(d));
  const firstOrder = (accountId: string) =>
    confirmed.filter((l) => l.accountId === accountId).reduce<string | null>((m, l) => (m === null || l.date < m ? l.date : m), null);
  const dayBefore = iso(num(from) - 1);

  const S = c.accounts.filter((a) => isM(a.id, from) && active(a.id, dayBefore));
  const everyDay = (accountId: string) => {
    if (managerId === null) return true;
    for (let d = num(from); d <= num(to); d++) if (owner(accountId, iso(d)) !== managerId) return false;
    return true;
  };
  const S2 = S.filter((a) => everyDay(a.id));
  const C = S2.filter((a) => !active(a.id, to) || (a.status === 'lost' && a.lostDate !== null && inP(a.lostDate)));

  const newClients = c.accounts.filter((a) => {
    const f = firstOrder(a.id);
    return f !== null && inP(f) && isM(a.id, f);
  }).length;
  const activeEnd = c.accounts.filter((a) => isM(a.id, to) && active(a.id, to)).length;

  const pairs = new Map<string, string>();
  for (const l of confirmed) {
    const k = `${l.accountId}|${l.productId}`;
    const d = pairs.get(k);
    if (d === undefined || l.date < d) pairs.set(k, l.date);
  }
  let upsell = 0;
  let services = 0;
  for (const [k, d] of pairs) {
    const [accountId = '', productId = ''] = k.split('|');
    const f = firstOrder(accountId);
    if (inP(d) && isM(accountId, d) && f !== null && f < from) {
      upsell++;
      if (c.products.find((p) => p.id === productId)?.type === 'service') services++;
    }
  }

  const done = c.interactions.filter(
    (i) => i.status === 'done' && (managerId === null || i.userId === managerId) && inP(localDate(i.occurredAt, c.timeZone)),
  );
  const meetings = done.filter((i) => ['meeting', 'visit', 'presentation', 'negotiation', 'training'].includes(i.type)).length;
  const calls = done.filter((i) => i.type === 'call').length;

  const d = Exact.decimal;
  const sales = (lo: string, hi: string) => {
    let revenue = Exact.ZERO;
    let margin = Exact.ZERO;
    for (const l of confirmed) {
      if (l.date < lo || l.date > hi || !isM(l.accountId, l.date)) continue;
      const net = d(l.quantity)
        .mul(d(l.unitPrice))
        .mul(Exact.of(1).sub(d(l.discountPct).div(Exact.of(100))));
      revenue = revenue.add(net);
      margin = margin.add(net.sub(d(l.quantity).mul(d(l.unitCost))));
    }
    for (const r of c.returns) {
      const l = c.lines.find((x) => x.key === r.lineKey);
      if (!l || r.date < lo || r.date > hi || !isM(l.accountId, r.date)) continue;
      const net = d(l.quantity)
        .mul(d(l.unitPrice))
        .mul(Exact.of(1).sub(d(l.discountPct).div(Exact.of(100))));
      const netUnit = net.div(d(l.quantity));
      revenue = revenue.sub(d(r.quantity).mul(netUnit));
      margin = margin.sub(d(r.quantity).mul(netUnit.sub(d(l.unitCost))));
    }
    return { revenue, margin };
  };
  const now = sales(from, to);
  const prev = sales(prevFrom, prevTo);

  let plan = Exact.ZERO;
  for (const p of c.plans) {
    if (managerId !== null && p.userId !== managerId) continue;
    const first = num(`${p.month}-01`);
    const [y, m] = p.month.split('-').map(Number) as [number, number];
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    let inside = 0;
    for (let x = first; x < first + days; x++) if (inP(iso(x))) inside++;
    plan = plan.add(d(p.revenue).mul(Exact.of(inside, days)));
  }

  let outstanding = Exact.ZERO;
  let overdue = Exact.ZERO;
  for (const i of c.invoices) {
    if (i.issueDate > to || !isM(i.accountId, to)) continue;
    const paid = c.payments.filter((p) => p.invoiceId === i.id && p.date <= to).reduce((s, p) => s.add(d(p.amount)), Exact.ZERO);
    let open = d(i.amount).sub(paid);
    if (open.num < 0n) open = Exact.ZERO;
    outstanding = outstanding.add(open);
    if (i.dueDate < to) overdue = overdue.add(open);
  }

  const complaints = c.complaints.filter((x) => {
    const day = localDate(x.receivedAt, c.timeZone);
    return inP(day) && isM(x.accountId, day);
  });
  const seconds = complaints
    .filter((x) => x.firstResponseAt !== null)
    .map((x) => BigInt(Math.round((Date.parse(x.firstResponseAt as string) - Date.parse(x.receivedAt)) / 1000)));
  const med = median(seconds);

  const ratio = (a: Exact, b: Exact) => (b.isZero() ? null : a.div(b));
  const growth = (x: Exact, p: Exact) => (p.isZero() ? null : x.sub(p).div(p.abs()).mul(Exact.of(100)));
  const r4 = (x: Exact | null) => (x ? x.round(4) : null);
  const r2 = (x: Exact | null) => (x ? x.round(2) : null);
  const base = Exact.of(S2.length);
  const churned = Exact.of(C.length);
  return {
    start_base: S2.length,
    churned: C.length,
    retention_rate: r4(ratio(base.sub(churned), base)),
    churn_rate: r4(ratio(churned, base)),
    new_clients: newClients,
    active_clients_end: activeEnd,
    upsell_pairs: upsell,
    additional_services: services,
    meetings,
    calls,
    revenue: now.revenue.round(2),
    margin: now.margin.round(2),
    revenue_prev: prev.revenue.round(2),
    margin_prev: prev.margin.round(2),
    revenue_growth_pct: r2(growth(now.revenue, prev.revenue)),
    margin_growth_pct: r2(growth(now.margin, prev.margin)),
    revenue_plan: plan.round(2),
    plan_fulfilment_pct: r2(plan.isZero() ? null : now.revenue.div(plan).mul(Exact.of(100))),
    receivables_outstanding: outstanding.round(2),
    receivables_overdue: overdue.round(2),
    overdue_share: r4(ratio(overdue, outstanding)),
    complaints: complaints.length,
    complaints_justified: complaints.filter((x) => x.justified === true).length,
    first_response_median_hours: med ? med.div(Exact.of(3600)).round(2) : null,
  };
}

/** The managers of kpi.md, as ids. */
export function referenceManagers(c: RefCompany, from: string, to: string): string[] {
  const ids = new Set<string>();
  for (const a of c.accounts) {
    const sorted = [...a.assignments].sort((x, y) => (x.start === null ? -1 : y.start === null ? 1 : x.start < y.start ? -1 : 1));
    sorted.forEach((s, i) => {
      const next = sorted[i + 1]?.start ?? null;
      if ((s.start === null || s.start <= to) && (next === null || next > from)) ids.add(s.ownerId);
    });
  }
  for (const p of c.plans) {
    const first = `${p.month}-01`;
    const [y, m] = p.month.split('-').map(Number) as [number, number];
    const last = iso(num(first) + new Date(Date.UTC(y, m, 0)).getUTCDate() - 1);
    if (first <= to && last >= from) ids.add(p.userId);
  }
  for (const i of c.interactions)
    if (i.status === 'done' && localDate(i.occurredAt, c.timeZone) >= from && localDate(i.occurredAt, c.timeZone) <= to) ids.add(i.userId);
  return [...ids];
}
