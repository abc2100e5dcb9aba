import type { ReturnReason } from '../../orders/orders.contracts.js';
import type { DemoAccount } from './accounts.js';
import type { Days, OwnerBook } from './ledger.js';
import type { Builder } from './model.js';
import type { DemoProduct } from './products.js';
import type { Rng } from './random.js';

/**
 * Three years of orders, returns, invoices and payments of the demo's clients, ending yesterday: key
 * accounts order every week (HoReCa and export every other week), the others every two weeks or every
 * month; sales peak before New Year and in spring and dip in summer; most clients grow, the ones at
 * risk shrink, a few went quiet months ago, the lost ones stopped before they left, a few paused for
 * some months in an earlier year and were won back, and a few new ones
 * placed their first orders this quarter and last. Clients take up more of the range and services over
 * time (upsell), return about 1.5 % of the lines, and pay by their terms — a few chronically late.
 * Money is counted in whole kopecks (and thousandths of them for discounted lines), never in floats.
 */

/** Sales of a month relative to an average one (January … December). */
const season = [0.8, 0.9, 1.05, 1.12, 1.08, 0.93, 0.83, 0.87, 1.0, 1.04, 1.14, 1.32];

/** How a price column prices the list (Сети-1 is the big chains' column, and so on). */
const columnFactor: Record<string, number> = {
  'Сети-1': 0.94,
  'Сети-2': 0.98,
  'Мелкий опт': 1.04,
  'E-com': 1.0,
  'E-com ключевой': 0.96,
  'Опт-1': 0.9,
  'Опт-2': 0.93,
  HoReCa: 1.08,
  'HoReCa ключевой': 1.02,
  'Экспорт EXW': 0.92,
  'Экспорт DAP': 0.97,
};

const toRub: Record<string, number> = { RUB: 1, EUR: 100, USD: 92 };

const returnReasons: readonly [ReturnReason, number][] = [
  ['defect', 30],
  ['shortage', 25],
  ['mis_sort', 20],
  ['refusal', 15],
  ['other', 10],
];

interface Profile {
  a: DemoAccount;
  rng: Rng;
  /** first and last possible order day (offsets from today) */
  start: number;
  stop: number;
  cadence: number;
  /** roubles a month at today's level, before the season */
  monthly: number;
  growth: number;
  /** where sales start to fall, and how far they fall by `stop` */
  declineFrom: number | null;
  declineTo: number;
  /** months without orders in an earlier year (the client left for a while and was won back) */
  pause: [number, number] | null;
  /** the tier discount, in tenths of a percent */
  discount: number;
  factor: number;
  terms: number;
  payer: 'prompt' | 'usual' | 'late';
}

interface Line {
  product: DemoProduct;
  qty: number;
  priceKop: number;
  /** discount in tenths of a percent */
  d10: number;
  costKop: number;
  cancelled: boolean;
  returns: { o: number; qty: number; reason: ReturnReason }[];
}

interface Order {
  a: DemoAccount;
  o: number;
  lines: Line[];
  due: number;
  payments: { o: number; kop: number }[];
}

export interface Sales {
  /** roubles (lines less returns) by owner id and month YYYY-MM: what the plans are made of */
  byOwnerMonth: Map<string, Map<string, number>>;
  /** roubles by account and month */
  byAccountMonth: Map<string, Map<string, number>>;
  /** the first and the last order day of each client that ordered */
  span: Map<string, { first: number; last: number }>;
}

export function buildCommerce(b: Builder, days: Days, owners: OwnerBook, accounts: DemoAccount[], catalogue: DemoProduct[]): Sales {
  const orders: Order[] = [];
  for (const a of accounts) {
    const p = profileOf(b, days, a);
    if (p) orders.push(...ordersOf(days, p, catalogue));
  }
  return write(b, days, owners, orders);
}

function profileOf(b: Builder, days: Days, a: DemoAccount): Profile | null {
  if (a.status === 'prospect' || !a.row.creditLimit) return null;
  const { cal } = b;
  const rng = a.rng.fork('sales');
  const created = cal.offsetOf(a.createdDay);
  const current = cal.offsetOf(cal.quarterStart(0));
  const last = cal.offsetOf(cal.quarterStart(1));
  let start: number;
  if (a.flags.has('new-last')) start = days.workdayIn(rng.int.bind(rng), Math.max(last, created + 7), current - 1);
  else if (a.flags.has('new-now')) start = current <= -1 ? days.workdayIn(rng.int.bind(rng), Math.max(current, created + 7), -1) : -1;
  else if (created <= -500) start = rng.chance(0.8) ? days.first + rng.int(0, 12) : rng.int(days.first + 20, -560);
  else start = created + rng.int(3, 30);

  let stop = -1;
  let declineFrom: number | null = null;
  let declineTo = 1;
  if (a.status === 'lost') {
    stop = cal.offsetOf(a.statusDay!) - rng.int(10, 35);
    declineFrom = stop - 100;
    declineTo = 0.4;
  } else if (a.flags.has('quiet')) {
    stop = -rng.int(95, 125);
    declineFrom = stop - 80;
    declineTo = 0.5;
  } else if (a.status === 'at_risk') {
    declineFrom = cal.offsetOf(a.statusDay!) - rng.int(60, 110);
    declineTo = rng.between(0.45, 0.65);
  }
  if (start > stop) return null;

  const family = a.segment.family;
  const cadence =
    a.tier === 'key'
      ? family === 'horeca' || family === 'export'
        ? 14
        : 7
      : a.tier === 'potential' || (family === 'horeca' && rng.chance(0.5))
        ? 14
        : 30;
  const limit = Number(a.row.creditLimit) * (toRub[a.row.currency ?? 'RUB'] ?? 1);
  const growth = a.tier === 'key' ? rng.between(0.05, 0.25) : a.tier === 'potential' ? rng.between(0, 0.3) : rng.between(-0.1, 0.15);
  const quiet = a.rng.fork('pause');
  const calm = a.status === 'active' && a.tier !== 'key' && !a.flags.has('quiet') && start < -700 && quiet.chance(0.08);
  const pauseFrom = calm ? quiet.int(start + 120, -330) : 0;
  const discount = a.tier === 'key' ? rng.int(10, 18) * 5 : a.tier === 'potential' ? rng.int(4, 10) * 5 : rng.int(0, 4) * 5;
  return {
    a,
    rng,
    start,
    stop,
    cadence,
    monthly: limit * rng.between(0.3, 0.45),
    growth,
    declineFrom,
    declineTo,
    pause: calm ? [pauseFrom, pauseFrom + quiet.int(100, 160)] : null,
    discount,
    factor: columnFactor[a.row.priceColumn ?? ''] ?? 1,
    terms: a.row.paymentTermsDays ?? 30,
    payer: a.flags.has('late') ? 'late' : rng.chance(0.55) ? 'prompt' : 'usual',
  };
}

/** When each product and service was first bought (the range grows: upsell), null: never. */
function adoption(p: Profile, catalogue: DemoProduct[], days: Days): Map<DemoProduct, number> {
  const { a, rng, start, stop } = p;
  const key = a.tier === 'key';
  const pot = a.tier === 'potential';
  const fresh = a.flags.has('new-last') || a.flags.has('new-now');
  const out = new Map<DemoProduct, number>();
  const cal = days.cal;
  const adopt = (product: DemoProduct, o: number) => {
    const launch = product.launchDay ? cal.offsetOf(product.launchDay) : -Infinity;
    const day = Math.max(o, start, launch);
    if (day <= stop) out.set(product, day);
  };
  /** a day in the account's history, more often in the last year (services are the recent upsell) */
  const someDay = (recent: number) => (rng.chance(recent) ? -rng.int(1, 360) : rng.int(start, stop));
  for (const product of catalogue.filter((x) => x.sells(a.segment.family))) {
    if (product.type === 'product') {
      if (product.launchDay) {
        if (rng.chance(key ? 0.75 : pot ? 0.5 : 0.3)) adopt(product, cal.offsetOf(product.launchDay) + rng.int(0, 100));
      } else if (rng.chance(fresh ? 0.45 : key ? 0.6 : pot ? 0.42 : 0.3)) adopt(product, start);
      else if (!fresh && rng.chance(0.45)) adopt(product, rng.int(start, stop));
      continue;
    }
    const share = key ? 0.65 : pot ? 0.4 : 0.12;
    if (product.rhythm === 'order') {
      if (rng.chance(a.segment.family === 'export' ? 0.8 : share)) adopt(product, rng.chance(0.7) ? start : someDay(0.3));
    } else if (rng.chance(share)) adopt(product, someDay(0.6));
  }
  // every client buys a few core lines from its first order on
  const goods = catalogue.filter((x) => x.type === 'product' && !x.launchDay && !x.seasonal && x.sells(a.segment.family));
  for (const g of goods.sort((x, y) => y.weight - x.weight).slice(0, 3)) if (!out.has(g)) out.set(g, start);
  return out;
}

function ordersOf(days: Days, p: Profile, catalogue: DemoProduct[]): Order[] {
  const { a, rng } = p;
  const adopted = adoption(p, catalogue, days);
  const key = a.tier === 'key';
  const maxLines = key ? 14 : a.tier === 'potential' ? 9 : 6;
  const take = key ? 0.5 : a.tier === 'potential' ? 0.45 : 0.4;
  const bought = new Set<DemoProduct>();
  const monthly = new Map<DemoProduct, string>();
  const nextOnce = new Map<DemoProduct, number>();
  const packs = rng.int(1, 4);
  const fridges = rng.int(2, 12);
  const out: Order[] = [];

  let o = days.workdayFrom(p.cadence === 7 ? p.start + ((rng.int(1, 5) - days.weekday(p.start) + 7) % 7) : p.start);
  while (o <= p.stop) {
    const next = o + p.cadence + (p.cadence === 7 ? 0 : rng.int(-3, 3));
    if (p.pause && o >= p.pause[0] && o <= p.pause[1]) {
      o = days.workdayFrom(next);
      continue;
    }
    const day = days.day(o);
    const year = Number(day.slice(0, 4));
    const month = Number(day.slice(5, 7));
    let level = p.monthly * season[month - 1]! * (1 + p.growth) ** (o / 365) * (p.cadence / 30.4) * rng.between(0.85, 1.15);
    if (p.declineFrom !== null && o > p.declineFrom) {
      const span = Math.max(1, (p.stop === -1 ? 0 : p.stop) - p.declineFrom);
      level *= 1 - (1 - p.declineTo) * Math.min(1, (o - p.declineFrom) / span);
    }
    const festive = month === 11 || (month === 12 && Number(day.slice(8, 10)) <= 22);
    const promo = month === 4 || month === 11 || month === 12;

    // goods: the ones not bought yet always (a client's first line of a product), the others as needed
    const available = [...adopted].filter(([g, since]) => g.type === 'product' && since <= o && (!g.seasonal || festive)).map(([g]) => g);
    const fresh = available.filter((g) => !bought.has(g));
    const rest = rng.shuffle(available.filter((g) => bought.has(g)));
    const picked = [...fresh, ...rest.filter(() => rng.chance(take))].slice(0, Math.max(maxLines, fresh.length));
    if (!picked.length && rest.length) picked.push(rest[0]!);
    const weights = picked.map((g) => g.weight * rng.between(0.5, 1.5) * (g.seasonal ? 2 : 1));
    const total = weights.reduce((s, w) => s + w, 0);
    const lines: Line[] = picked.map((g, i) => {
      const d10 = Math.min(250, p.discount + (promo && rng.chance(0.25) ? rng.int(3, 6) * 10 : 0));
      const priceKop = Math.round(g.priceKop(year) * p.factor);
      const netRub = (priceKop / 100) * (1 - d10 / 1000);
      const qty = Math.max(1, Math.round((level * weights[i]!) / total / netRub));
      const cancelled = bought.has(g) && rng.chance(0.008);
      return { product: g, qty, priceKop, d10, costKop: g.costKop(year), cancelled, returns: returnsOf(rng, o, qty, cancelled) };
    });
    for (const g of picked) bought.add(g);

    // services: with every order, once a month, or now and then
    for (const [s, since] of adopted) {
      if (s.type !== 'service' || since > o) continue;
      let qty = 0;
      if (s.rhythm === 'order') qty = 1;
      else if (s.rhythm === 'month' && monthly.get(s) !== day.slice(0, 7)) {
        monthly.set(s, day.slice(0, 7));
        qty = s.sku === 'NW-SV08' ? fridges : packs;
      } else if (s.rhythm === 'once' && o >= (nextOnce.get(s) ?? since)) {
        nextOnce.set(s, rng.chance(0.5) ? o + rng.int(150, 240) : Infinity);
        qty = 1;
      }
      if (!qty) continue;
      lines.push({ product: s, qty, priceKop: s.priceKop(year), d10: 0, costKop: s.costKop(year), cancelled: false, returns: [] });
    }
    if (lines.length) out.push({ a, o, lines, ...paymentsOf(p, o, lines) });
    o = days.workdayFrom(Math.max(o + 1, next));
  }
  return out;
}

function returnsOf(rng: Rng, o: number, qty: number, cancelled: boolean): Line['returns'] {
  if (cancelled || !rng.chance(0.015)) return [];
  const day = o + rng.int(1, 12);
  if (day > -1) return [];
  const back = Math.min(qty, Math.max(1, Math.round(qty * rng.between(0.03, 0.3))));
  return [{ o: day, qty: back, reason: rng.weighted(returnReasons) }];
}

/** The invoice of an order: due after the account's terms, paid as the client pays. */
function paymentsOf(p: Profile, o: number, lines: Line[]): { due: number; payments: Order['payments'] } {
  const { rng, a } = p;
  const due = o + p.terms;
  const kop = invoiceKop(lines);
  if (kop <= 0) return { due, payments: [] };
  // the last invoices of clients that left, and some of those that went quiet, stay unpaid
  if (a.status === 'lost' && o > p.stop - 45 && rng.chance(0.7)) return { due, payments: [] };
  if (a.flags.has('quiet') && o > p.stop - 20 && rng.chance(0.6)) return { due, payments: [] };
  let paid: number;
  if (p.payer === 'late') paid = due + rng.int(30, 90);
  else if (a.status === 'at_risk' && o > -150) paid = due + rng.int(-3, 35);
  else if (p.payer === 'prompt') paid = rng.chance(0.92) ? due - rng.int(0, 7) : due + rng.int(1, 6);
  else paid = rng.chance(0.7) ? due - rng.int(0, 5) : due + rng.int(1, 20);
  paid = Math.max(o + 1, paid);
  const payments: Order['payments'] = [];
  if (p.payer !== 'prompt' && rng.chance(0.08)) {
    // part now, the rest later
    const first = Math.round(kop * rng.between(0.4, 0.7));
    const early = Math.max(o + 1, paid - rng.int(5, 15));
    if (early <= -1) payments.push({ o: early, kop: first });
    if (paid + 10 <= -1) payments.push({ o: paid + rng.int(5, 10), kop: kop - first });
    return { due, payments: payments.filter((x) => x.o <= -1) };
  }
  if (paid <= -1) payments.push({ o: paid, kop });
  return { due, payments };
}

/** Σ quantity × price × (100 − discount) / 100 of the confirmed lines, rounded to kopecks. */
function invoiceKop(lines: Line[]): number {
  let thousandths = 0;
  for (const l of lines) if (!l.cancelled) thousandths += l.qty * l.priceKop * (1000 - l.d10);
  return Math.round(thousandths / 1000);
}

const kopText = (kop: number) => `${Math.trunc(kop / 100)}.${String(kop % 100).padStart(2, '0')}`;

function write(b: Builder, days: Days, owners: OwnerBook, orders: Order[]): Sales {
  const { rows } = b;
  const sales: Sales = { byOwnerMonth: new Map(), byAccountMonth: new Map(), span: new Map() };
  const add = (accountId: string, owner: string | null, o: number, rub: number) => {
    const month = days.month(o);
    const am = sales.byAccountMonth.get(accountId) ?? new Map<string, number>();
    am.set(month, (am.get(month) ?? 0) + rub);
    sales.byAccountMonth.set(accountId, am);
    if (!owner) return;
    const om = sales.byOwnerMonth.get(owner) ?? new Map<string, number>();
    om.set(month, (om.get(month) ?? 0) + rub);
    sales.byOwnerMonth.set(owner, om);
  };
  const ext = (a: DemoAccount) => a.row.externalId ?? '';
  orders.sort((x, y) => x.o - y.o || (ext(x.a) < ext(y.a) ? -1 : ext(x.a) > ext(y.a) ? 1 : 0));

  const counters = new Map<string, number>();
  const number = (prefix: string, o: number, width: number) => {
    const year = days.day(o).slice(0, 4);
    const n = (counters.get(`${prefix}${year}`) ?? 0) + 1;
    counters.set(`${prefix}${year}`, n);
    return `${prefix}-${year}-${String(n).padStart(width, '0')}`;
  };
  const returns: { orderId: string; lineNo: number; a: DemoAccount; o: number; qty: number; reason: ReturnReason }[] = [];
  const payments: { invoiceId: string; a: DemoAccount; o: number; kop: number }[] = [];

  for (const order of orders) {
    const { a, o } = order;
    const orderId = number('SO', o, 6);
    const day = days.day(o);
    const owner = owners.on(a.id, day);
    const span = sales.span.get(a.id);
    sales.span.set(a.id, { first: span?.first ?? o, last: o });
    order.lines.forEach((l, i) => {
      rows.orderLines.push({
        orderId,
        lineNo: i + 1,
        accountId: a.id,
        orderDate: day,
        productId: l.product.id,
        quantity: String(l.qty),
        unitPrice: kopText(l.priceKop),
        discountPct: (l.d10 / 10).toFixed(1),
        unitCost: kopText(l.costKop),
        status: l.cancelled ? 'cancelled' : 'confirmed',
        ownerId: owner,
      });
      if (!l.cancelled) add(a.id, owner, o, (l.qty * l.priceKop * (1000 - l.d10)) / 100_000);
      for (const r of l.returns) {
        returns.push({ orderId, lineNo: i + 1, a, o: r.o, qty: r.qty, reason: r.reason });
        add(a.id, owners.on(a.id, days.day(r.o)), r.o, -(r.qty * l.priceKop * (1000 - l.d10)) / 100_000);
      }
    });
    const kop = invoiceKop(order.lines);
    if (kop <= 0) continue;
    const invoiceId = number('INV', o, 6);
    rows.invoices.push({
      invoiceId,
      accountId: a.id,
      issueDate: day,
      dueDate: days.day(order.due),
      amount: kopText(kop),
      orderId,
    });
    for (const p of order.payments) payments.push({ invoiceId, a, o: p.o, kop: p.kop });
  }

  returns.sort((x, y) => x.o - y.o);
  for (const r of returns) {
    const day = days.day(r.o);
    rows.returns.push({
      returnId: number('RT', r.o, 5),
      orderId: r.orderId,
      lineNo: r.lineNo,
      accountId: r.a.id,
      returnDate: day,
      quantity: String(r.qty),
      reason: r.reason,
      ownerId: owners.on(r.a.id, day),
    });
  }
  payments.sort((x, y) => x.o - y.o || (x.invoiceId < y.invoiceId ? -1 : 1));
  for (const p of payments) {
    rows.payments.push({
      paymentId: number('PAY', p.o, 6),
      invoiceId: p.invoiceId,
      accountId: p.a.id,
      paymentDate: days.day(p.o),
      amount: kopText(p.kop),
    });
  }
  return sales;
}
