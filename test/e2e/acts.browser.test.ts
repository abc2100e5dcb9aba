import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../../src/core/db/data-dir-lock.js';
import { embeddedUrl } from '../../src/core/db/embedded.js';
import { pdfText } from '../../src/modules/plans/pdf-text.js';
import { startTestServer } from '../helpers/server.js';
import { Api, ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const KAM = { email: 'kate@grove.test', name: 'Kate Kamova' };
const ORDER = 'SO-2041';
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const ORDER_DATE = daysAgo(6);
const ACT_DATE = daysAgo(4);

describe('a shortage act', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const added = await server.cli(
      ['user', 'add', '--email', KAM.email, '--name', KAM.name, '--role', 'kam', '--password-stdin'],
      PASSWORD,
    );
    expect(added.code, added.stderr).toBe(0);
    const admin = await new Api(server.url).signIn('olga@grove.test', 'another horse battery');
    const users = await admin.request<{ items: { id: string; email: string }[] }>('GET', '/api/users?limit=50');
    const kamId = users.items.find((u) => u.email === KAM.email)?.id as string;
    const account = await admin.request<{ id: string }>('POST', '/api/accounts', {
      name: 'Vkusno Market',
      legalName: 'OOO Vkusno Market',
      ownerId: kamId,
      tier: 'key',
    });
    // an order of two lines, stored as the orders import stores one (owner of the day, KPI days rebuilt)
    const db = new pg.Client({ connectionString: embeddedUrl(server.dataDir, readLock(server.dataDir)?.pgPort as number) });
    await db.connect();
    try {
      await db.query(`UPDATE account_owners SET start_date = '-infinity'`);
      for (const [no, sku, name, quantity, price] of [
        [1, 'JAM-300', 'Cherry jam 300 g', 24, 180],
        [2, 'HON-500', 'Buckwheat honey 500 g', 12, 420],
      ] as const) {
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO products (sku, name, type, unit_cost, base_price) VALUES ($1, $2, 'product', $3, $4) RETURNING id`,
          [sku, name, price / 2, price],
        );
        await db.query(
          `INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, unit_cost, owner_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, kpi_owner_on($3::uuid, $4::date))`,
          [ORDER, no, account.id, ORDER_DATE, rows[0]!.id, quantity, price, price / 2],
        );
      }
      await db.query(`SELECT kpi_refresh_days(ARRAY[$1::date]), kpi_refresh_firsts(ARRAY[$2::uuid])`, [ORDER_DATE, account.id]);
    } finally {
      await db.end();
    }
    browser = await launchBrowser();
    page = await newPage(browser);
    await page.goto(server.url);
    await signIn(page, KAM.email, PASSWORD);
    await page.getByTestId('greeting').waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a KAM records it against an order, downloads its PDF, attaches the signed copy and signs it', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Acts' }).click();
    await page.getByText('No acts yet').waitFor();
    await page.getByTestId('new-act').click();
    const drawer = page.getByTestId('new-act-drawer');
    await pickOption(page, 'Client', 'Vkusno Market', drawer);
    await pickOption(page, 'Order', new RegExp(`^${ORDER} · `), drawer);
    await drawer.getByTestId('act-date').fill(ACT_DATE);
    await drawer.getByTestId('act-note').fill('Two boxes of cherry jam missing from pallet 2');
    const line = drawer.locator('[data-testid="act-line"][data-line="1"]');
    await line.getByTestId('act-line-check').check();
    await line.getByTestId('act-line-quantity').fill('3');
    await drawer.getByTestId('act-create').click();

    const act = page.getByTestId('act-page');
    await act.waitFor();
    expect(await page.getByTestId('act-title').textContent()).toBe('Shortage act');
    expect(await act.getAttribute('data-status')).toBe('draft');
    const reference = /A-\d{6}/.exec((await page.getByTestId('act-reference').textContent()) ?? '')?.[0] as string;
    expect(reference).toBeTruthy();
    const lines = await page.getByTestId('act-lines-view').textContent();
    expect(lines).toContain('Cherry jam 300 g');
    expect(lines).toContain('Shortage');
    // signing needs the signed copy
    expect(await page.getByTestId('act-sign').isDisabled()).toBe(true);

    // the act for signature, in English
    await page.getByTestId('act-pdf').click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('act-pdf-en').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`Shortage act ${reference}.pdf`);
    const pdf = readFileSync((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of ['Shortage act', reference, 'Vkusno Market', ORDER, 'Cherry jam 300 g', 'For the client']) expect(text).toContain(s);

    // the client signed it: attach the scan, and a photo of the pallet
    await page
      .getByTestId('act-signed-copy')
      .locator('input[type=file]')
      .setInputFiles({ name: `${reference} signed.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByTestId('act-signed-copy').textContent()).toContain(`${reference} signed.pdf`);
    await page
      .getByTestId('act-photos')
      .locator('input[type=file]')
      .setInputFiles({ name: 'pallet-2.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await expect.poll(() => page.getByTestId('act-photos').textContent()).toContain('pallet-2.png');

    await page.getByTestId('act-sign').click();
    await page.getByTestId('act-sign-confirm').click();
    await expect.poll(() => act.getAttribute('data-status')).toBe('signed');
    await page.getByTestId('act-signed-notice').waitFor();
    expect(await page.getByTestId('act-lines-view').textContent()).toContain(`${reference}-1`);
    await page.getByTestId('act-prevention').fill('Count the pallets with the driver before signing the delivery note');
    await page.getByTestId('act-prevention-save').click();
    await expect.poll(() => page.getByTestId('act-prevention-save').isDisabled()).toBe(true);
    // the picture: the act from its top, without the toasts
    if (process.env.SCREENSHOTS === '1') {
      // close the toasts, again as late ones come in
      await expect
        .poll(
          async () => {
            for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
            return page.locator('.mantine-Notification-root').count();
          },
          { timeout: 10_000 },
        )
        .toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(640, 560);
      await shot(page, 'shortage-act-en');
    }

    // the list shows it as signed; the analysis counts it with its prevention note
    await page.getByRole('link', { name: 'All acts' }).click();
    await expect.poll(() => page.getByTestId('acts-table').textContent()).toContain(reference);
    expect(await page.getByTestId('acts-table').getByTestId('act-status').first().textContent()).toBe('Signed');
    await page.getByTestId('acts-tab-analysis').click();
    await expect.poll(() => page.getByTestId('analysis-by-reason').textContent()).toContain('Count the pallets with the driver');
  }, 120_000);
});
