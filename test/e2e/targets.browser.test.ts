import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../../src/core/db/data-dir-lock.js';
import { embeddedUrl } from '../../src/core/db/embedded.js';
import type { TargetGrid } from '../../src/modules/targets/targets.contracts.js';
import { startTestServer } from '../helpers/server.js';
import { Api, enrolTotp, ensureCompany, launchBrowser, newPage, screenshotDir, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const HEAD = { email: 'helen@grove.test', name: 'Helen Hale' };
const KAMS = [
  { email: 'marina@grove.test', name: 'Marina Orlova', role: 'kam' },
  { email: 'pavel@grove.test', name: 'Pavel Smirnov', role: 'kam' },
  { email: 'kira@grove.test', name: 'Kira Volkova', role: 'senior_kam' },
  { email: 'timur@grove.test', name: 'Timur Gareev', role: 'kam' },
] as const;
const ACCOUNT = 'Baltic Retail Group';

/** Pictures of intermediate states for reviewing the UI (REVIEW_SHOTS=1), outside docs/. */
async function review(page: Page, name: string): Promise<void> {
  if (process.env.REVIEW_SHOTS !== '1') return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(tmpdir(), `grove-review-${name}.png`), fullPage: true });
}

/** The whole page when SCREENSHOTS=1: a window as tall as the page, without notifications. */
async function fullShot(page: Page, name: string, width = 1280): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
  await page.mouse.move(0, 0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.min(height, 2600) });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 820 });
}

/** A small deterministic pseudo-random sequence, so the pictures are the same each run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};

/** Two years of orders, returns, invoices and payments of one client, written as the imports would. */
async function seedFacts(db: pg.Client, accountId: string, ownerId: string, today: string) {
  const rnd = random(7);
  const products: { id: string; price: number; cost: number }[] = [];
  for (const [sku, name, price, cost] of [
    ['PST-500', 'Pasta Durum 500 g', 92.5, 61.2],
    ['OIL-1L', 'Sunflower oil 1 l', 148, 112.4],
    ['RCE-900', 'Rice Basmati 900 g', 189.9, 131],
    ['TEA-100', 'Black tea 100 bags', 264, 170.5],
  ] as const) {
    const { rows } = await db.query(
      `INSERT INTO products (sku, name, type, unit_cost, base_price) VALUES ($1, $2, 'product', $3, $4) RETURNING id`,
      [sku, name, cost, price],
    );
    products.push({ id: rows[0].id, price, cost });
  }
  const start = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - 23);
  let n = 0;
  const invoices: { id: string; issue: string; amount: number }[] = [];
  for (let m = 0; m < 24; m++) {
    const month = new Date(start);
    month.setUTCMonth(month.getUTCMonth() + m);
    const season = 1 + 0.35 * Math.sin(((m + 2) / 12) * 2 * Math.PI) + m * 0.02;
    for (let o = 0; o < 3; o++) {
      const day = iso(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 3 + o * 9)));
      if (day > today) continue;
      const orderId = `SO-${String(++n).padStart(5, '0')}`;
      let total = 0;
      for (let l = 0; l < products.length; l++) {
        const p = products[l]!;
        const qty = Math.round((300 + rnd() * 900) * season);
        const discount = l === 0 ? 5 : l === 3 ? 7.5 : 0;
        const status = n % 17 === 0 && l === 2 ? 'cancelled' : 'confirmed';
        await db.query(
          `INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, discount_pct, unit_cost, status, owner_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [orderId, l + 1, accountId, day, p.id, qty, p.price, discount, p.cost, status, ownerId],
        );
        if (status === 'confirmed') total += qty * p.price * (1 - discount / 100);
        if (n % 5 === 0 && l === 1) {
          const back = addDays(day, 6);
          if (back <= today)
            await db.query(
              `INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, reason, owner_id)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                `RT-${n}`,
                orderId,
                l + 1,
                accountId,
                back,
                Math.round(qty * 0.08),
                ['defect', 'shortage', 'mis_sort', 'refusal'][n % 4],
                ownerId,
              ],
            );
        }
      }
      const invoiceId = `INV-${orderId.slice(3)}`;
      const amount = Math.round(total * 100) / 100;
      await db.query(
        `INSERT INTO invoices (invoice_id, account_id, issue_date, due_date, amount, order_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [invoiceId, accountId, day, addDays(day, 30), amount.toFixed(2), orderId],
      );
      invoices.push({ id: invoiceId, issue: day, amount });
    }
  }
  // mostly paid on time, some late, the latest ones open; one left unpaid for over 90 days
  const ageOf = (inv: { issue: string }) => (Date.parse(today) - Date.parse(inv.issue)) / 86_400_000;
  const neverPaid = invoices.findLastIndex((inv) => ageOf(inv) >= 130);
  for (const [i, inv] of invoices.entries()) {
    const age = ageOf(inv);
    if (i === neverPaid) continue;
    if (age < 38) continue;
    const late = i % 6 === 0 ? 12 + (i % 20) : i % 4 === 0 ? 3 : -4;
    const paidOn = addDays(inv.issue, 30 + late);
    if (paidOn > today) continue;
    if (i % 7 === 0) {
      const half = Math.round(inv.amount * 50) / 100;
      await db.query(`INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount) VALUES ($1, $2, $3, $4, $5)`, [
        `PM-${i}a`,
        inv.id,
        accountId,
        addDays(paidOn, -10),
        half.toFixed(2),
      ]);
      await db.query(`INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount) VALUES ($1, $2, $3, $4, $5)`, [
        `PM-${i}b`,
        inv.id,
        accountId,
        paidOn,
        (Math.round((inv.amount - half) * 100) / 100).toFixed(2),
      ]);
    } else {
      await db.query(`INSERT INTO payments (payment_id, invoice_id, account_id, payment_date, amount) VALUES ($1, $2, $3, $4, $5)`, [
        `PM-${i}`,
        inv.id,
        accountId,
        paidOn,
        inv.amount.toFixed(2),
      ]);
    }
  }
  await db.query(`SELECT invoices_settle(array(SELECT invoice_id FROM invoices WHERE account_id = $1))`, [accountId]);
  // what the service tab shows
  for (const [i, [type, status, days, subject, outcome]] of [
    ['visit', 'done', -3, 'Quarterly business review', 'They plan 12 new stores next year; send the listing proposal by Friday.'],
    ['call', 'done', -9, 'Delivery schedule', 'Agreed on deliveries twice a week from next month.'],
    ['meeting', 'planned', 4, 'New price column', null],
  ].entries())
    await db.query(
      `INSERT INTO interactions (external_id, account_id, user_id, type, status, occurred_at, subject, outcome)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6), $7, $8)`,
      [`IA-${i}`, accountId, ownerId, type, status, days, subject, outcome],
    );
  await db.query(
    `INSERT INTO complaints (external_id, account_id, received_at, first_response_at, resolved_at, severity, justified, category) VALUES
     ('CP-1', $1, now() - interval '20 days', now() - interval '20 days' + interval '90 minutes', now() - interval '17 days', 'high', true, 'Late delivery'),
     ('CP-2', $1, now() - interval '2 days', NULL, NULL, 'critical', NULL, 'Damaged pallets')`,
    [accountId],
  );
}

describe('sales plans and the commercial tab', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Api;
  let accountId: string;
  let year: number;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    for (const u of [{ ...HEAD, role: 'head' }, ...KAMS]) {
      const r = await server.cli(['user', 'add', '--email', u.email, '--name', u.name, '--role', u.role, '--password-stdin'], PASSWORD);
      expect(r.code, r.stderr).toBe(0);
    }
    admin = await new Api(server.url).signIn('olga@grove.test', 'another horse battery');
    const users = await admin.request<{ items: { id: string; email: string }[] }>('GET', '/api/users?limit=50');
    for (const u of users.items) ids.set(u.email, u.id);
    accountId = (
      await admin.request<{ id: string }>('POST', '/api/accounts', {
        name: ACCOUNT,
        city: 'Saint Petersburg',
        tier: 'key',
        ownerId: ids.get('marina@grove.test'),
        creditLimit: '9000000.00',
        paymentTermsDays: 30,
      })
    ).id;
    const db = new pg.Client({ connectionString: embeddedUrl(server.dataDir, readLock(server.dataDir)?.pgPort as number) });
    await db.connect();
    const today = (await db.query(`SELECT (now() AT TIME ZONE 'Europe/Moscow')::date::text AS d`)).rows[0].d as string;
    year = Number(today.slice(0, 4));
    await seedFacts(db, accountId, ids.get('marina@grove.test') as string, today);
    await db.end();

    // last year's individual plans (the basis of a proportional split), and this year's department plan
    const last = await admin.request<TargetGrid>('GET', `/api/targets/${year - 1}`);
    const shares = { 'marina@grove.test': 4, 'pavel@grove.test': 3, 'kira@grove.test': 2, 'timur@grove.test': 1 };
    await admin.request('PUT', `/api/targets/${year - 1}`, {
      version: last.version,
      department: [],
      managers: Object.entries(shares).flatMap(([email, share]) =>
        Array.from({ length: 12 }, (_, m) => ({ userId: ids.get(email), month: m + 1, revenue: `${share * (900000 + m * 25000)}.00` })),
      ),
    });
    const current = await admin.request<TargetGrid>('GET', `/api/targets/${year}`);
    await admin.request('PUT', `/api/targets/${year}`, {
      version: current.version,
      department: Array.from({ length: 11 }, (_, m) => ({
        month: m + 2,
        revenue: `${(9_600_000 + m * 310_000 + 0.07).toFixed(2)}`,
        activeClients: 40 + m,
        newClients: 3,
      })),
      managers: [],
    });
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-targets-failure.png'), fullPage: true }).catch(() => undefined);
    }
  });

  it('the head sets January, splits the year by last year’s plans, balances a month evenly and saves', async () => {
    await page.goto(server.url);
    await signIn(page, HEAD.email, PASSWORD);
    await enrolTotp(page);
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('greeting').waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Sales plans' }).click();
    await page.getByTestId('plans-grid').waitFor();
    await expect.poll(() => page.getByTestId('plans-year').textContent()).toBe(String(year));
    await expect.poll(() => page.getByTestId('manager-row').count()).toBe(4);

    // January has no department plan yet: splitting it explains why not
    await page.getByTestId('split-month-1').click();
    await page.getByTestId('split-month-1-evenly').click();
    await page.getByText('Set the department plan for January first.').waitFor();

    // the head types it in, English style, to the kopeck
    const january = page.getByTestId('cell-department-1');
    await january.click();
    await january.fill('9,250,000.05');
    await january.press('Enter');
    await expect.poll(() => january.inputValue()).toBe('9,250,000.05');
    await expect.poll(() => page.getByTestId('cell-department-2').inputValue()).toBe('9,600,000.07');
    await expect.poll(() => page.getByTestId('difference-1').getAttribute('data-off')).toBe('true');

    // split the whole year in proportion to last year's plans: every month balances exactly
    await page.getByTestId('split-year').click();
    await page.getByTestId('split-year-last-year').click();
    for (let m = 1; m <= 12; m++) await expect.poll(() => page.getByTestId(`difference-${m}`).getAttribute('data-off')).toBeNull();
    // 4 : 3 : 2 : 1 of 9 250 000.05 — Marina 3 700 000.02 (the remainder kopeck goes to the largest remainder)
    const marina = ids.get('marina@grove.test');
    await expect.poll(() => page.getByTestId(`cell-${marina}-1`).inputValue()).toBe('3,700,000.02');

    // a change by hand unbalances December, which is highlighted; an even split of December balances it again
    const cell = page.getByTestId(`cell-${marina}-12`);
    await cell.click();
    await cell.fill('5000000');
    await cell.press('Tab');
    await expect.poll(() => page.getByTestId('difference-12').getAttribute('data-off')).toBe('true');
    await review(page, 'plans-unbalanced');
    await page.getByTestId('split-month-12').click();
    await page.getByTestId('split-month-12-evenly').click();
    await expect.poll(() => page.getByTestId('difference-12').getAttribute('data-off')).toBeNull();
    await expect.poll(() => page.getByTestId('plans-unsaved').textContent()).toBe('49 unsaved changes');

    await page.getByTestId('plans-save').click();
    await page.getByText('Plans saved.').waitFor();
    await expect.poll(() => page.getByTestId('plans-save-bar').count()).toBe(0);

    // stored exactly: every month's individual plans add up to the department plan
    const saved = await admin.request<TargetGrid>('GET', `/api/targets/${year}`);
    expect(saved.department.revenue[0]).toBe('9250000.05');
    expect(saved.totals?.revenue).toEqual(saved.department.revenue);
    expect(saved.managers.find((m) => m.user.id === marina)?.revenue[0]).toBe('3700000.02');

    // the other metrics: active clients, then the picture of the grid
    await page.getByTestId('plans-metric').getByText('Active clients').click();
    await page.getByTestId('split-year').click();
    await page.getByTestId('split-year-evenly').click();
    await review(page, 'plans-active-clients');
    await page.getByTestId('plans-metric').getByText('Revenue').click();
    await review(page, 'plans-back-to-revenue');
    await expect.poll(() => page.getByTestId('cell-department-1').inputValue()).toBe('9,250,000.05');
    await page.getByTestId('plans-save').click();
    await page.getByText('Plans saved.').waitFor();

    // the picture: one change not saved yet that leaves March off balance
    const march = page.getByTestId(`cell-${marina}-3`);
    await march.click();
    await march.fill('4,100,000');
    await march.press('Enter');
    await page.mouse.click(5, 700);
    await expect.poll(() => page.getByTestId('difference-3').getAttribute('data-off')).toBe('true');
    await expect.poll(() => page.getByTestId('plans-unsaved').textContent()).toBe('1 unsaved change');
    await page.getByTestId('plans-grid').evaluate((el) => {
      let n = el.parentElement;
      while (n && n.scrollWidth <= n.clientWidth) n = n.parentElement;
      n?.scrollTo({ left: 0 });
    });
    await fullShot(page, 'plans-grid-en');
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByTestId('plans-save-bar').count()).toBe(0);
  }, 180_000);

  it('the account page shows what the client buys, owes and how it pays, in both languages', async () => {
    await page.goto(`${server.url}/accounts/${accountId}?tab=commercial`);
    await page.getByTestId('commercial-tab').waitFor();
    await page.getByTestId('sales-chart').locator('.recharts-surface').first().waitFor();
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(10);
    await expect.poll(async () => (await page.getByTestId('invoice-row').count()) > 0).toBe(true);
    await expect.poll(() => page.getByTestId('aging-over_90').textContent()).toContain('1 invoice');
    await fullShot(page, 'account-commercial-en');

    await page.getByTestId('orders-view').getByText('Returns').click();
    await expect.poll(async () => (await page.getByTestId('return-row').count()) > 0).toBe(true);
    await review(page, 'commercial-returns');
    await page.getByTestId('tab-service').click();
    await expect.poll(() => page.getByTestId('complaint-row').count()).toBe(2);
    await review(page, 'account-service');

    await page.getByTestId('language-switch').getByText('RU').click();
    await page.goto(`${server.url}/accounts/${accountId}?tab=commercial`);
    await page.getByText('Выручка и маржа по месяцам').waitFor();
    await page.getByTestId('sales-chart').locator('.recharts-surface').first().waitFor();
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(10);
    await fullShot(page, 'account-commercial-ru');

    // the interactions and service pages, filtered by the client
    await page.goto(`${server.url}/interactions?account=${accountId}`);
    await expect.poll(() => page.getByTestId('interaction-row').count()).toBe(3);
    await page.getByTestId('interaction-row').first().click();
    await page.getByTestId('interaction-drawer').getByRole('link', { name: ACCOUNT }).waitFor();
    await review(page, 'interactions-ru');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/service?state=open`);
    await expect.poll(() => page.getByTestId('complaint-row').count()).toBe(1);
    await page.getByTestId('complaint-row').click();
    await page.getByTestId('complaint-drawer').getByText('Damaged pallets').first().waitFor();
    await review(page, 'service-ru');
    await page.keyboard.press('Escape');
    await page.getByTestId('language-switch').getByText('EN').click();
  }, 180_000);
});
