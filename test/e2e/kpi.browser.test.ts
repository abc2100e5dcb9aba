import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../../src/core/db/data-dir-lock.js';
import { embeddedUrl } from '../../src/core/db/embedded.js';
import type { KpiReport } from '../../src/modules/kpi/kpi.contracts.js';
import { startTestServer } from '../helpers/server.js';
import { Api, enrolTotp, ensureCompany, launchBrowser, newPage, screenshotDir, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const ADMIN = { email: 'olga@grove.test', password: 'another horse battery' };
const HEAD = { email: 'helen@grove.test', name: 'Helen Hale' };
const SERGEY = { email: 'sergey@grove.test', name: 'Sergey Volkov' };
const MARINA = { email: 'marina@grove.test', name: 'Marina Orlova' };
const PAVEL = { email: 'pavel@grove.test', name: 'Pavel Petrov' };
const KIRA = { email: 'kira@grove.test', name: 'Kira Kamova' };
const HR = { email: 'hanna@grove.test', name: 'Hanna Ross' };
const TZ = 'Europe/Moscow';
const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const todayMs = Date.parse(`${today}T00:00:00Z`);
const daysAgo = (n: number) => iso(todayMs - n * DAY);
const monthStart = `${today.slice(0, 7)}-01`;
const monthEnd = iso(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0));
const sinceMonthStart = (todayMs - Date.parse(`${monthStart}T00:00:00Z`)) / DAY;

/** A small deterministic random source, so that the pictures are the same every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Owner = 'marina' | 'pavel' | 'sergey' | 'kira';
interface Seed {
  name: string;
  owner: Owner;
  size: number;
  /** days before today of the last order (default: up to today) */
  stop?: number;
  /** days before today of the first order (default 260) */
  start?: number;
  lost?: boolean;
  /** buys the service for the first time this month */
  upsell?: boolean;
  /** leaves its last invoices unpaid */
  debtor?: boolean;
}

const seeds: Seed[] = [
  { name: 'Baltic Retail Group', owner: 'marina', size: 1.6 },
  { name: 'Nevsky Foods', owner: 'marina', size: 0.9 },
  // active the day before the month, but no order within the 90-day window at its end: lost
  { name: 'Ladoga Market', owner: 'marina', size: 0.6, stop: sinceMonthStart + 75 },
  { name: 'Volga Trade House', owner: 'pavel', size: 1.4 },
  { name: 'Kama Wholesale', owner: 'pavel', size: 0.8 },
  { name: 'Ural Gastronom', owner: 'pavel', size: 0.7, upsell: true },
  { name: 'Siberian Grocery Chain', owner: 'sergey', size: 1.2 },
  { name: 'Amur Distribution', owner: 'sergey', size: 0.7 },
  { name: 'Don Food Service', owner: 'kira', size: 1.1 },
  { name: 'Kuban Fresh', owner: 'kira', size: 0.9, debtor: true },
  { name: 'Caspian HoReCa', owner: 'kira', size: 0.5, stop: sinceMonthStart + 20, lost: true },
  { name: 'Neva Coffee Group', owner: 'kira', size: 0.8, start: Math.min(3, sinceMonthStart) },
];

const products = [
  { sku: 'GR-001', name: 'Pasta Italiano 500 g', type: 'product', cost: 42, price: 68 },
  { sku: 'GR-002', name: 'Olive oil Extra Virgin 1 L', type: 'product', cost: 410, price: 620 },
  { sku: 'GR-003', name: 'Basmati rice 1 kg', type: 'product', cost: 95, price: 150 },
  { sku: 'GR-004', name: 'Canned tomatoes 400 g', type: 'product', cost: 38, price: 61 },
  { sku: 'SV-001', name: 'Merchandising service', type: 'service', cost: 0, price: 15000 },
] as const;

/**
 * A distributor's last nine months: order lines, a return, monthly plans, visits and calls, invoices
 * with payments and some overdue, complaints. Written as the importers write facts (each stamped with
 * the owner of its day) and the KPI summaries rebuilt, straight into the server's database.
 */
async function seedFacts(db: pg.Client, accounts: Map<string, string>, users: Record<Owner, string>) {
  const rnd = random(42);
  const productIds = new Map<string, string>();
  for (const p of products) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO products (sku, name, type, unit_cost, base_price) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [p.sku, p.name, p.type, p.cost, p.price],
    );
    productIds.set(p.sku, rows[0]!.id);
  }
  const lines: Record<string, unknown>[] = [];
  const invoices: { id: string; account: string; issue: string; due: string; amount: number; paid: string | null }[] = [];
  const revenueByOwnerMonth = new Map<string, number>();
  let order = 1000;
  for (const s of seeds) {
    const accountId = accounts.get(s.name)!;
    const start = s.start ?? 260;
    const stop = s.stop ?? 0;
    const monthly = new Map<string, { last: string; amount: number }>();
    for (let d = start; d >= stop; d -= 6 + Math.floor(rnd() * 7)) {
      const date = daysAgo(d);
      const growth = 1 + (start - d) / 900;
      const goods = products.filter((p) => p.type === 'product');
      const count = 1 + Math.floor(rnd() * 3);
      order++;
      for (let n = 0; n < count; n++) {
        const p = goods[Math.floor(rnd() * goods.length)]!;
        const quantity = Math.max(1, Math.round(s.size * growth * (20 + rnd() * 90) * (p.price > 300 ? 0.35 : 1)));
        const discount = [0, 0, 3, 5][Math.floor(rnd() * 4)]!;
        const price = +(p.price * (0.97 + rnd() * 0.06)).toFixed(2);
        lines.push({
          order_id: `SO-${order}`,
          line_no: n + 1,
          account_id: accountId,
          order_date: date,
          product_id: productIds.get(p.sku),
          quantity,
          unit_price: price,
          discount_pct: discount,
          unit_cost: p.cost,
        });
        const net = quantity * price * (1 - discount / 100);
        const month = date.slice(0, 7);
        const m = monthly.get(month) ?? { last: date, amount: 0 };
        monthly.set(month, { last: date, amount: m.amount + net });
        const key = `${s.owner}|${month}`;
        revenueByOwnerMonth.set(key, (revenueByOwnerMonth.get(key) ?? 0) + net);
      }
    }
    if (s.upsell) {
      lines.push({
        order_id: `SO-${++order}`,
        line_no: 1,
        account_id: accountId,
        order_date: daysAgo(Math.min(2, sinceMonthStart)),
        product_id: productIds.get('SV-001'),
        quantity: 1,
        unit_price: 15000,
        discount_pct: 0,
        unit_cost: 0,
      });
    }
    // one invoice a month for what was delivered, due in 30 days
    for (const [month, m] of monthly) {
      const due = iso(Date.parse(`${m.last}T00:00:00Z`) + 30 * DAY);
      const paidOn = iso(Date.parse(`${m.last}T00:00:00Z`) + 24 * DAY);
      const unpaid = paidOn > today || (s.debtor && month >= daysAgo(100).slice(0, 7));
      invoices.push({
        id: `INV-${month}-${accountId.slice(0, 6)}`,
        account: accountId,
        issue: m.last,
        due,
        amount: +m.amount.toFixed(2),
        paid: unpaid ? null : paidOn,
      });
    }
  }
  await db.query(
    `INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, status, owner_id)
     SELECT order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, 'confirmed',
            kpi_owner_on(account_id, order_date)
     FROM jsonb_to_recordset($1::jsonb) AS x(order_id text, line_no int, account_id uuid, order_date date, product_id uuid,
                                             quantity numeric, unit_price numeric, discount_pct numeric, unit_cost numeric)`,
    [JSON.stringify(lines)],
  );
  // a part of a recent delivery came back
  const recent =
    lines.filter((l) => l.account_id === accounts.get('Baltic Retail Group') && String(l.order_date) >= monthStart)[0] ?? lines[0]!;
  // every order is dated today or earlier: the return is today
  const returnDate = today;
  await db.query(
    `INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, reason, owner_id)
     VALUES ('RT-1', $1, $2, $3, $4, $5, 'defect', kpi_owner_on($3, $4::date))`,
    [recent.order_id, recent.line_no, recent.account_id, returnDate, Math.max(1, Math.floor(Number(recent.quantity) / 4))],
  );
  await db.query(`SELECT kpi_refresh_days(ARRAY(SELECT DISTINCT order_date FROM order_lines UNION SELECT return_date FROM order_returns))`);
  await db.query(`SELECT kpi_refresh_firsts(ARRAY(SELECT id FROM accounts))`);

  // monthly plans a little above what each manager usually sells
  for (const owner of Object.keys(users) as Owner[]) {
    const months = [...revenueByOwnerMonth].filter(([k]) => k.startsWith(`${owner}|`));
    const average = months.reduce((s, [, v]) => s + v, 0) / Math.max(1, months.length);
    for (let i = 0; i <= 9; i++) {
      const d = new Date(`${monthStart}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - i);
      const target = Math.round((average * (1.02 + (i % 3) * 0.04)) / 1000) * 1000;
      await db.query(`INSERT INTO manager_targets (user_id, month, revenue_target) VALUES ($1, $2, $3)`, [
        users[owner],
        d.toISOString().slice(0, 10),
        target,
      ]);
    }
  }

  for (const i of invoices) {
    await db.query(`INSERT INTO invoices (invoice_id, account_id, issue_date, due_date, amount) VALUES ($1, $2, $3, $4, $5)`, [
      i.id,
      i.account,
      i.issue,
      i.due,
      i.amount,
    ]);
    if (i.paid)
      await db.query(`INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount) VALUES ($1, $2, $3, $4, $5)`, [
        `PAY-${i.id}`,
        i.id,
        i.account,
        i.paid,
        i.amount,
      ]);
  }
  await db.query(`SELECT invoices_settle(ARRAY(SELECT invoice_id FROM invoices))`);

  // visits, meetings and calls by each account's manager
  const subjects = ['Quarterly review', 'New assortment', 'Delivery schedule', 'Promo calendar', 'Price list update'];
  for (const s of seeds) {
    for (let d = Math.min(s.start ?? 260, 240); d >= (s.stop ?? 0); d -= 9 + Math.floor(rnd() * 8)) {
      const type = ['call', 'call', 'visit', 'meeting', 'call', 'presentation', 'negotiation'][Math.floor(rnd() * 7)]!;
      await db.query(
        `INSERT INTO interactions (account_id, user_id, type, status, occurred_at, subject) VALUES ($1, $2, $3, 'done', $4, $5)`,
        [
          accounts.get(s.name),
          users[s.owner],
          type,
          `${daysAgo(d)}T${String(9 + Math.floor(rnd() * 8)).padStart(2, '0')}:30:00+03:00`,
          subjects[d % 5],
        ],
      );
    }
  }

  // complaints and how fast they were answered
  const complaints: [string, number, number | null, boolean | null][] = [
    ['Baltic Retail Group', 2, 3, true],
    ['Volga Trade House', Math.min(5, sinceMonthStart), 26, false],
    ['Kuban Fresh', Math.min(9, sinceMonthStart), 5, true],
    ['Don Food Service', 40, 8, false],
    ['Nevsky Foods', 55, 30, true],
  ];
  for (const [name, ago, hours, justified] of complaints) {
    const received = new Date(`${daysAgo(ago)}T10:15:00+03:00`);
    await db.query(
      `INSERT INTO complaints (account_id, received_at, first_response_at, justified, severity, category) VALUES ($1, $2, $3, $4, 'normal', 'Delivery')`,
      [accounts.get(name), received, hours === null ? null : new Date(received.getTime() + hours * 3_600_000), justified],
    );
  }
}

/** The whole page when SCREENSHOTS=1: a window as tall as the page (up to 2400 px). */
async function fullShot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.mouse.move(0, 0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(height, 2400) });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 820 });
}

/** A picture of the window as it is (SCREENSHOTS=1). */
async function windowShot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** Pictures of intermediate states for reviewing the UI (REVIEW_SHOTS=1), outside docs/. */
async function review(page: Page, name: string): Promise<void> {
  if (process.env.REVIEW_SHOTS !== '1') return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(tmpdir(), `grove-review-kpi-${name}.png`), fullPage: true });
}

const money = (value: number | null, locale: 'en-US' | 'ru-RU') =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(
    value ?? 0,
  );
const normal = (s: string | null) => (s ?? '').replace(/\s/g, ' ');

describe('KPI dashboards', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Api;
  const month = `from=${monthStart}&to=${monthEnd}`;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const add = async (u: { email: string; name: string }, role: string, manager?: string) => {
      const args = ['user', 'add', '--email', u.email, '--name', u.name, '--role', role, '--password-stdin'];
      const r = await server.cli(manager ? [...args, '--manager', manager] : args, PASSWORD);
      expect(r.code, r.stderr).toBe(0);
    };
    await add(HEAD, 'head');
    await add(SERGEY, 'senior_kam', HEAD.email);
    await add(MARINA, 'kam', SERGEY.email);
    await add(PAVEL, 'kam', SERGEY.email);
    await add(KIRA, 'kam', HEAD.email);
    await add(HR, 'hr');

    admin = await new Api(server.url).signIn(ADMIN.email, ADMIN.password);
    const list = await admin.request<{ items: { id: string; email: string }[] }>('GET', '/api/users?limit=50');
    const idOf = (email: string) => list.items.find((u) => u.email === email)?.id as string;
    const users: Record<Owner, string> = {
      marina: idOf(MARINA.email),
      pavel: idOf(PAVEL.email),
      sergey: idOf(SERGEY.email),
      kira: idOf(KIRA.email),
    };
    const accounts = new Map<string, string>();
    for (const s of seeds) {
      const created = await admin.request<{ id: string }>('POST', '/api/accounts', {
        name: s.name,
        ownerId: users[s.owner],
        tier: s.size >= 1 ? 'key' : 'regular',
        ...(s.lost ? { status: 'lost', lostDate: daysAgo(Math.min(4, sinceMonthStart)), lostReason: 'Moved to a cheaper supplier' } : {}),
      });
      accounts.set(s.name, created.id);
    }
    const lock = readLock(server.dataDir);
    const db = new pg.Client({ connectionString: embeddedUrl(server.dataDir, lock?.pgPort as number) });
    await db.connect();
    try {
      // the accounts have been theirs from the beginning
      await db.query(`UPDATE account_owners SET start_date = '-infinity'`);
      await seedFacts(db, accounts, users);
    } finally {
      await db.end();
    }
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-kpi-failure.png'), fullPage: true }).catch(() => undefined);
    }
  });

  it('the head reads the department’s figures, drills into them, looks at a team and a manager, in both languages', async () => {
    const report = await admin.request<KpiReport>('GET', `/api/kpi?${month}`);
    expect(report.total.revenue).toBeGreaterThan(0);
    expect(report.managers.map((m) => m.name).sort()).toEqual([KIRA.name, MARINA.name, PAVEL.name, SERGEY.name].sort());

    await page.goto(server.url);
    await signIn(page, HEAD.email, PASSWORD);
    await enrolTotp(page);
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('greeting').waitFor();

    // The rail leads to the dashboard; the head lands on the department and the current month
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'KPIs' }).click();
    await page.getByTestId('kpi-dashboard').waitFor();
    expect(await page.getByTestId('kpi-heading').textContent()).toBe('Whole department');
    await expect.poll(() => page.getByTestId('kpi-value-revenue').textContent()).toBe(money(report.total.revenue, 'en-US'));
    expect(await page.getByTestId('kpi-value-new_clients').textContent()).toBe(String(report.total.new_clients));
    expect(await page.getByTestId('kpi-value-churned').textContent()).toBe(String(report.total.churned));
    expect(report.total.churned).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('kpi-person-row').count()).toBe(4);
    // the trend is drawn once all six periods have answered
    await page.getByTestId('kpi-trend').locator('.recharts-bar-rectangle').first().waitFor();
    await fullShot(page, 'kpi-dashboard-en');

    // Revenue: the rows behind it add up to it; per account, per product, per order line
    await page.getByTestId('kpi-drill-revenue').click();
    const drawer = page.getByTestId('kpi-drill');
    await drawer.getByTestId('kpi-drill-row').first().waitFor();
    expect(await drawer.getByTestId('kpi-drill-figure').textContent()).toBe(money(report.total.revenue, 'en-US'));
    expect(await drawer.getByTestId('kpi-drill-total').textContent()).toBe(money(report.total.revenue, 'en-US'));
    expect(await drawer.getByTestId('kpi-drill-account').first().getAttribute('href')).toMatch(/^\/accounts\/[0-9a-f-]{36}$/);
    await drawer.getByTestId('kpi-drill-by').getByText('Product', { exact: true }).click();
    await expect.poll(() => drawer.getByRole('columnheader', { name: 'SKU' }).count()).toBe(1);
    await expect.poll(() => page.url()).toContain('by=product');
    await drawer.getByTestId('kpi-drill-by').getByText('Order line', { exact: true }).click();
    await expect.poll(() => drawer.getByRole('columnheader', { name: 'Order / line' }).count()).toBe(1);
    await expect.poll(() => drawer.getByTestId('kpi-drill-total').textContent()).toBe(money(report.total.revenue, 'en-US'));
    await drawer.getByTestId('kpi-drill-by').getByText('Account', { exact: true }).click();
    await expect.poll(() => drawer.getByRole('columnheader', { name: 'Lines' }).count()).toBe(1);
    await windowShot(page, 'kpi-drilldown-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).not.toContain('drill=');

    // Churn: why each account left, in words
    await page.getByTestId('kpi-drill-churned').click();
    await drawer.getByTestId('kpi-drill-row').first().waitFor();
    expect(await drawer.getByTestId('kpi-drill-row').count()).toBe(report.total.churned);
    await expect.poll(() => drawer.getByText('No order within the activity window').count()).toBeGreaterThan(0);
    await expect.poll(() => drawer.getByText('Marked lost').count()).toBeGreaterThan(0);
    await review(page, 'churn');
    await page.keyboard.press('Escape');

    // Overdue debt: aging buckets in words
    await page.getByTestId('kpi-drill-receivables_overdue').click();
    await drawer.getByTestId('kpi-drill-row').first().waitFor();
    expect(await drawer.getByTestId('kpi-drill-total').textContent()).toBe(money(report.total.receivables_overdue, 'en-US'));
    await expect.poll(() => drawer.locator('[data-code^="d"], [data-code="over_90"]').count()).toBeGreaterThan(0);
    expect(normal(await drawer.locator('[data-code]').first().textContent())).toMatch(/^(1–30|31–60|61–90) days|Over 90 days$/);
    await page.keyboard.press('Escape');

    // A figure of one manager from the table, then that manager's own view
    const pavel = report.managers.find((m) => m.manager === PAVEL.email)!;
    await page.getByRole('button', { name: `Show the rows behind “Revenue”: ${PAVEL.name}` }).click();
    await drawer.getByTestId('kpi-drill-row').first().waitFor();
    expect(await drawer.getByTestId('kpi-drill-figure').textContent()).toBe(money(pavel.revenue, 'en-US'));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `Open the figures of ${PAVEL.name}` }).click();
    await expect.poll(() => page.getByTestId('kpi-heading').textContent()).toBe(PAVEL.name);
    await expect.poll(() => page.getByTestId('kpi-value-revenue').textContent()).toBe(money(pavel.revenue, 'en-US'));
    expect(page.url()).toContain('scope=manager');
    await review(page, 'manager');

    // A period without any facts says where figures come from
    await page.goto(`${server.url}/kpi?period=year&from=2020-01-01`);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain('Import them in Imports');
    await expect.poll(() => page.getByRole('link', { name: 'Go to Imports' }).getAttribute('href')).toBe('/settings/imports');
    expect(await page.getByTestId('kpi-export').isDisabled()).toBe(true);
    await review(page, 'empty');
    await page.goBack();
    await expect.poll(() => page.getByTestId('kpi-heading').textContent()).toBe(PAVEL.name);

    // A senior KAM's team, and the previous month; the address keeps the view
    await page.getByTestId('kpi-scope').getByText('Team', { exact: true }).click();
    await page.getByTestId('kpi-lead').click();
    await page.getByRole('option', { name: SERGEY.name }).click();
    await expect.poll(() => page.getByTestId('kpi-heading').textContent()).toBe(`Team of ${SERGEY.name}`);
    await expect.poll(() => page.getByTestId('kpi-person-row').count()).toBe(3);
    await review(page, 'team');
    await page.getByTestId('kpi-period-prev').click();
    const previous = new Date(`${monthStart}T00:00:00Z`);
    previous.setUTCMonth(previous.getUTCMonth() - 1);
    await expect.poll(() => page.url()).toContain(`from=${previous.toISOString().slice(0, 10)}`);
    const shared = page.url();
    await page.reload();
    await expect.poll(() => page.getByTestId('kpi-heading').textContent()).toBe(`Team of ${SERGEY.name}`);
    expect(page.url()).toBe(shared);
    // a team figure opens per member first, then one member's rows
    await page.getByTestId('kpi-drill-revenue').click();
    await page.getByTestId('kpi-team-breakdown').waitFor();
    await page.getByTestId('kpi-team-member').filter({ hasText: MARINA.name }).click();
    await drawer.getByTestId('kpi-drill-row').first().waitFor();
    await page.keyboard.press('Escape');

    // Exports of the current view, made on the server
    for (const format of ['xlsx', 'pdf'] as const) {
      await page.getByTestId('kpi-export').click();
      const downloading = page.waitForEvent('download');
      await page.getByTestId(`kpi-export-${format}`).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(new RegExp(`^KPI .+\\.${format}$`));
    }

    // Russian: the department again, the same figure in Russian formatting
    await page.getByTestId('kpi-scope').getByText('Department', { exact: true }).click();
    await page.getByTestId('kpi-period-current').click();
    await page.getByTestId('language-switch').getByText('RU').click();
    await expect.poll(() => page.getByRole('heading', { name: 'KPI', exact: true }).count()).toBe(1);
    await expect
      .poll(async () => normal(await page.getByTestId('kpi-value-revenue').textContent()))
      .toBe(normal(money(report.total.revenue, 'ru-RU')));
    expect(await page.getByTestId('kpi-heading').textContent()).toBe('Весь отдел');
    await expect.poll(() => page.getByTestId('kpi-section-clients').getByText('Коэффициент удержания').count()).toBe(1);
    await page.getByTestId('kpi-trend').locator('.recharts-bar-rectangle').first().waitFor();
    await fullShot(page, 'kpi-dashboard-ru');
    await page.getByTestId('kpi-drill-churned').click();
    await expect.poll(() => drawer.getByText('Нет заказов в окне активности').count()).toBeGreaterThan(0);
    await review(page, 'churn-ru');
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').getByText('EN').click();
  });

  it('HR sees the figures but not the rows behind them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'en-US' });
    const hr = await context.newPage();
    try {
      await hr.goto(server.url);
      await signIn(hr, HR.email, PASSWORD);
      await enrolTotp(hr);
      await hr.getByTestId('recovery-done').click();
      await hr.getByTestId('greeting').waitFor();
      await hr.goto(`${server.url}/kpi`);
      await hr.getByTestId('kpi-dashboard').waitFor();
      await expect.poll(() => hr.getByTestId('kpi-value-revenue').count()).toBe(1);
      expect(await hr.locator('[data-testid^="kpi-drill-"]').count()).toBe(0);
      expect(await hr.getByRole('button', { name: /Show the rows behind/ }).count()).toBe(0);
      // a shared link with a drill-down opens no rows either
      await hr.goto(`${server.url}/kpi?drill=revenue`);
      await hr.getByTestId('kpi-dashboard').waitFor();
      expect(await hr.getByTestId('kpi-drill-row').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
