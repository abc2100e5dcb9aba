/**
 * The data of bench/commercial.ts: a repeatable company of three years ending 2026-10-31 (managers,
 * accounts with transfers, products and services, order lines, returns, invoices and payments,
 * interactions, complaints, monthly plans), generated as COPY/CSV text in Node.
 */
import fs from 'node:fs';
import { once } from 'node:events';

export const MANAGERS = 20;
export const ACCOUNTS = 2000;
export const PRODUCTS = 500;
export const SERVICES_FROM = 400; // products 400..499 are services
export const START = '2023-11-01';
export const END = '2026-10-31';

/** mulberry32: a small, fast, repeatable PRNG */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const startMs = Date.parse(`${START}T00:00:00Z`);
export const DAYS = Math.round((Date.parse(`${END}T00:00:00Z`) - startMs) / DAY) + 1;
const dayText: string[] = Array.from({ length: DAYS + 400 }, (_, d) => new Date(startMs + d * DAY).toISOString().slice(0, 10));
/** YYYY-MM-DD of day index d (0 = START); a little past END for due dates and payments */
export const dayOf = (d: number) => dayText[d] ?? new Date(startMs + d * DAY).toISOString().slice(0, 10);

export const managerEmail = (m: number) => `kam${m + 1}@bench.test`;
export const accountExternalId = (a: number) => `ACC-${String(a + 1).padStart(5, '0')}`;
export const sku = (p: number) => `SKU-${String(p + 1).padStart(4, '0')}`;

export interface Product {
  cost: number;
  price: number;
}
export interface Account {
  owner: number;
  /** a transfer: from day `transferDay` on, `transferTo` owns the account */
  transferDay: number | null;
  transferTo: number;
  firstDay: number;
  lastDay: number;
  weight: number;
  basket: number;
  tier: 'key' | 'potential' | 'regular';
  lostDay: number | null;
  terms: number;
}

export interface Company {
  products: Product[];
  accounts: Account[];
}

/** Managers, products and accounts (with their ownership history), the same on every run. */
export function makeCompany(): Company {
  const r = rng(7);
  const products = Array.from({ length: PRODUCTS }, () => {
    const cost = Math.round((5 + r() * 4995) * 100) / 100;
    return { cost, price: Math.round(cost * (1.2 + r() * 0.6) * 100) / 100 };
  });
  const q3 = Date.parse('2026-07-01T00:00:00Z');
  const q3Day = Math.round((q3 - startMs) / DAY);
  const accounts = Array.from({ length: ACCOUNTS }, (_, i): Account => {
    const existing = r() < 0.5;
    const firstDay = existing ? Math.floor(r() * 20) : Math.floor(r() * (DAYS - 30));
    const churns = r() < 0.1;
    const lastDay = churns ? Math.min(DAYS - 1, firstDay + 60 + Math.floor(r() * (DAYS - firstDay))) : DAYS - 1;
    const lost = churns && lastDay < DAYS - 100 && r() < 0.6;
    const tier = i % 10 === 0 ? 'key' : i % 10 < 4 ? 'potential' : 'regular';
    const transfer = r() < 0.08;
    // a tenth of the transfers fall inside the quarter the KPI runs read
    const transferDay = !transfer ? null : r() < 0.1 ? q3Day + Math.floor(r() * 90) : 30 + Math.floor(r() * (DAYS - 60));
    return {
      owner: i % MANAGERS,
      transferDay,
      transferTo: (i + 1 + Math.floor(r() * (MANAGERS - 1))) % MANAGERS,
      firstDay,
      lastDay,
      weight: tier === 'key' ? 6 : tier === 'potential' ? 2 : 1,
      basket: Math.floor(r() * PRODUCTS),
      tier,
      lostDay: lost ? Math.min(DAYS - 1, lastDay + 30) : null,
      terms: [14, 30, 45, 60][Math.floor(r() * 4)] as number,
    };
  });
  return { products, accounts };
}

/** The owner (manager index) of an account on day d. */
export const ownerOn = (a: Account, d: number) => (a.transferDay !== null && d >= a.transferDay ? a.transferTo : a.owner);

export interface Order {
  id: string;
  account: number;
  day: number;
  amount: number;
}
export interface LineSample {
  orderId: string;
  lineNo: number;
  account: number;
  day: number;
  quantity: number;
  product: number;
}

export const ORDER_HEADER = 'order_id,line_no,account_external_id,order_date,sku,quantity,unit_price,discount_pct,unit_cost,status';

/**
 * Writes the orders CSV (exactly `lines` lines after the header) and answers the orders (for invoices)
 * and a sample of confirmed lines (for returns).
 */
export async function writeOrdersCsv(
  company: Company,
  file: string,
  lines: number,
): Promise<{ orders: Order[]; sample: LineSample[]; bytes: number }> {
  const r = rng(11);
  const out = fs.createWriteStream(file);
  const cumulative: number[] = [];
  let total = 0;
  for (const a of company.accounts) {
    total += a.weight;
    cumulative.push(total);
  }
  const pickAccount = (day: number) => {
    for (let tries = 0; tries < 50; tries++) {
      const x = r() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      const a = company.accounts[lo] as Account;
      if (day >= a.firstDay && day <= a.lastDay) return lo;
    }
    return Math.floor(r() * company.accounts.length);
  };
  const estimate = Math.ceil(lines / 3.5);
  const orders: Order[] = [];
  const sample: LineSample[] = [];
  let chunk: string[] = [ORDER_HEADER];
  let written = 0;
  let bytes = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const text = `${chunk.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    chunk = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  for (let k = 0; written < lines; k++) {
    const day = Math.min(DAYS - 1, Math.floor((k * DAYS) / estimate));
    const account = pickAccount(day);
    const a = company.accounts[account] as Account;
    const id = `SO-${String(k + 1).padStart(7, '0')}`;
    const n = Math.min(1 + Math.floor(r() * 6), lines - written);
    let amount = 0;
    for (let ln = 1; ln <= n; ln++) {
      const spread = r();
      const product =
        r() < 0.06
          ? SERVICES_FROM + Math.floor(r() * (PRODUCTS - SERVICES_FROM))
          : (a.basket + Math.floor(spread * spread * 150)) % PRODUCTS;
      const p = company.products[product] as Product;
      const whole = r() < 0.7;
      const quantity = whole ? 1 + Math.floor(r() * 40) : Math.round((0.1 + r() * 20) * 1000) / 1000;
      const price = Math.round(p.price * (0.9 + r() * 0.2) * 100) / 100;
      const d = r();
      const discount = d < 0.6 ? '' : d < 0.9 ? (['5', '10', '2.5', '7.25'][Math.floor(r() * 4)] as string) : '0';
      const cost = r() < 0.85 ? '' : (Math.round(p.cost * (0.95 + r() * 0.1) * 100) / 100).toFixed(2);
      const s = r();
      const status = s < 0.02 ? 'cancelled' : s < 0.3 ? 'confirmed' : '';
      chunk.push(
        `${id},${ln},${accountExternalId(account)},${dayOf(day)},${sku(product)},${quantity},${price.toFixed(2)},${discount},${cost},${status}`,
      );
      amount += quantity * price;
      if (status !== 'cancelled' && r() < 0.012) sample.push({ orderId: id, lineNo: ln, account, day, quantity, product });
    }
    written += n;
    orders.push({ id, account, day, amount: Math.max(1, Math.round(amount * 100) / 100) });
    if (chunk.length >= 20_000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { orders, sample, bytes };
}

/** A COPY text field: backslash, tab and line breaks escaped; null as \N. */
const f = (v: string | number | null) =>
  v === null ? '\\N' : String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));
export const copyLine = (values: (string | number | null)[]) => `${values.map(f).join('\t')}\n`;

export interface Ids {
  accounts: string[];
  managers: string[];
}

/** order_returns rows (COPY text): return_id, order_id, line_no, account_id, return_date, quantity, reason */
export function* returnRows(ids: Ids, sample: LineSample[]): Generator<string> {
  const r = rng(13);
  const reasons = ['defect', 'shortage', 'mis_sort', 'refusal', 'other'];
  let n = 0;
  for (const s of sample) {
    const day = s.day + 1 + Math.floor(r() * 30);
    if (day >= DAYS) continue;
    const quantity = Math.max(0.001, Math.round(s.quantity * (0.1 + r() * 0.9) * 1000) / 1000);
    yield copyLine([
      `RET-${String(++n).padStart(6, '0')}`,
      s.orderId,
      s.lineNo,
      ids.accounts[s.account] as string,
      dayOf(day),
      quantity.toFixed(3),
      reasons[Math.floor(r() * 5)] as string,
    ]);
  }
}

/** invoices (invoice_id, account_id, issue_date, due_date, amount, order_id) and payments rows */
export function invoiceRows(company: Company, ids: Ids, orders: Order[], target: number): { invoices: string[]; payments: string[] } {
  const r = rng(17);
  const invoices: string[] = [];
  const payments: string[] = [];
  let payment = 0;
  const add = (i: number, account: number, issue: number, amount: number, orderId: string | null) => {
    const a = company.accounts[account] as Account;
    const due = issue + a.terms;
    const id = `INV-${String(i + 1).padStart(7, '0')}`;
    invoices.push(copyLine([id, ids.accounts[account] as string, dayOf(issue), dayOf(due), amount.toFixed(2), orderId]));
    const x = r();
    // 5 % never paid (more of them recent), 20 % late, 3 % in two parts
    if (x < 0.05) return;
    const late = x < 0.25;
    const day = late ? due + 1 + Math.floor(r() * 60) : issue + Math.floor(r() * (due - issue + 1));
    if (day >= DAYS) return;
    if (x > 0.97) {
      const part = Math.round(amount * 40) / 100;
      payments.push(
        copyLine([`PAY-${String(++payment).padStart(7, '0')}`, id, ids.accounts[account] as string, dayOf(day), part.toFixed(2)]),
      );
      const second = Math.min(DAYS - 1, day + 10);
      payments.push(
        copyLine([
          `PAY-${String(++payment).padStart(7, '0')}`,
          id,
          ids.accounts[account] as string,
          dayOf(second),
          (amount - part).toFixed(2),
        ]),
      );
    } else
      payments.push(
        copyLine([`PAY-${String(++payment).padStart(7, '0')}`, id, ids.accounts[account] as string, dayOf(day), amount.toFixed(2)]),
      );
  };
  orders.forEach((o, i) => {
    add(i, o.account, Math.min(DAYS - 1, o.day + Math.floor(r() * 3)), o.amount, o.id);
  });
  for (let i = orders.length; i < target; i++) {
    const account = Math.floor(r() * company.accounts.length);
    const a = company.accounts[account] as Account;
    add(i, account, a.firstDay + Math.floor(r() * (a.lastDay - a.firstDay + 1)), Math.round((100 + r() * 50_000) * 100) / 100, null);
  }
  return { invoices, payments };
}

const interactionTypes = ['meeting', 'visit', 'call', 'call', 'call', 'email', 'email', 'presentation', 'negotiation', 'training'];
/** interactions (external_id, account_id, user_id, type, status, occurred_at, subject) */
export function* interactionRows(company: Company, ids: Ids, count: number): Generator<string> {
  const r = rng(19);
  for (let i = 0; i < count; i++) {
    const account = Math.floor(r() * company.accounts.length);
    const a = company.accounts[account] as Account;
    const day = Math.floor(r() * DAYS);
    const s = r();
    const status = s < 0.8 ? 'done' : s < 0.9 ? 'planned' : 'cancelled';
    const hour = String(8 + Math.floor(r() * 10)).padStart(2, '0');
    yield copyLine([
      `INT-${String(i + 1).padStart(7, '0')}`,
      ids.accounts[account] as string,
      ids.managers[ownerOn(a, day)] as string,
      interactionTypes[Math.floor(r() * interactionTypes.length)] as string,
      status,
      `${dayOf(day)} ${hour}:${r() < 0.5 ? '00' : '30'}:00+03`,
      `Topic ${i % 97}`,
    ]);
  }
}

/** complaints (external_id, account_id, received_at, first_response_at, resolved_at, severity, justified, category) */
export function* complaintRows(company: Company, ids: Ids, count: number): Generator<string> {
  const r = rng(23);
  const severities = ['low', 'normal', 'normal', 'high', 'critical'];
  const stamp = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < count; i++) {
    const account = Math.floor(r() * company.accounts.length);
    const received = startMs + Math.floor(r() * DAYS) * DAY + Math.floor(r() * DAY);
    const responded = r() < 0.9 ? received + Math.floor(r() * 72 * 3600) * 1000 : null;
    const resolved = responded && r() < 0.8 ? responded + Math.floor(r() * 240 * 3600) * 1000 : null;
    yield copyLine([
      `CMP-${String(i + 1).padStart(6, '0')}`,
      ids.accounts[account] as string,
      stamp(received),
      responded ? stamp(responded) : null,
      resolved ? stamp(resolved) : null,
      severities[Math.floor(r() * severities.length)] as string,
      r() < 0.6 ? 'true' : 'false',
      ['quality', 'delivery', 'billing', 'service'][i % 4] as string,
    ]);
  }
}

/** manager_targets (user_id, month, revenue_target, active_clients_target, new_clients_target) */
export function* planRows(ids: Ids, monthlyRevenue: number): Generator<string> {
  const r = rng(29);
  for (let m = 0; m < MANAGERS; m++) {
    for (let k = 0; k < 38; k++) {
      const month = new Date(Date.UTC(2023, 10 + k, 1)).toISOString().slice(0, 10);
      yield copyLine([
        ids.managers[m] as string,
        month,
        (monthlyRevenue * (0.8 + r() * 0.5)).toFixed(2),
        40 + Math.floor(r() * 30),
        1 + Math.floor(r() * 4),
      ]);
    }
  }
}
