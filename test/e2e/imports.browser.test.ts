import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { csv } from '../helpers/tables.js';
import { enrolTotp, ensureCompany, launchBrowser, newPage, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ADMIN = { email: 'irina@grove.test', name: 'Irina Importer', password: 'correct horse battery' };
const KAM = 'pavel@grove.test';
const header = ['external_id', 'name', 'owner_email', 'owner_since', 'tier', 'status', 'lost_date', 'credit_limit'];

describe('importing accounts from the web app', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const admin = await server.cli(
      ['user', 'add', '--email', ADMIN.email, '--name', ADMIN.name, '--role', 'admin', '--password-stdin'],
      ADMIN.password,
    );
    expect(admin.code, admin.stderr).toBe(0);
    const kam = await server.cli(['user', 'add', '--email', KAM, '--name', 'Павел Петров', '--role', 'kam']);
    expect(kam.code, kam.stderr).toBe(0);
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-imports-failure.png') }).catch(() => undefined);
    }
  });

  const upload = (name: string, content: Buffer) =>
    page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });

  it('shows every problem of a file, stores nothing, then imports the fixed file once', async () => {
    await page.goto(server.url);
    await signIn(page, ADMIN.email, ADMIN.password);
    await enrolTotp(page);
    await page.getByTestId('recovery-done').click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { name: 'Imports', exact: true }).waitFor();
    await page.getByText('No imports yet. Your first one will appear here.').waitFor();

    // a file with mistakes: every problem is listed with its line and column, nothing is stored
    const rows = [
      ['NW-001', 'ООО «Ладога Трейд»', KAM, '2025-01-01', 'key', 'active', '', '1500000'],
      ['NW-002', 'Summit Foods Ltd', 'nobody@grove.test', '', 'regular', 'active', '', ''],
      ['NW-003', 'АО «Байкал Снаб»', KAM, '2025-13-01', 'gold', 'lost', '', '12,5'],
      ['NW-004', 'Harbor Retail', KAM, '', 'potential', 'prospect', '', ''],
    ];
    await upload('clients.csv', csv([header, ...rows]));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    await expect(page.getByText('5 problem(s) found — nothing will be stored').isVisible()).resolves.toBe(true);
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('no user with the e-mail nobody@grove.test');
    expect(text).toContain('owner_since"2025-13-01" is not a date');
    expect(text).toContain('tier"gold" is not one of: key, potential, regular');
    expect(text).toContain('credit_limit"12,5" is not a number');
    expect(text).toContain('lost_dateis required when the status is lost');
    await expect(page.getByRole('button', { name: /^Import/ }).count()).resolves.toBe(0);
    await shot(page, 'imports-errors-en');

    // the fixed file: a clean check with a preview, then the import with progress
    rows[1]![2] = KAM;
    rows[2] = ['NW-003', 'АО «Байкал Снаб»', KAM, '2025-12-01', 'regular', 'lost', '2026-06-30', '12.5'];
    await upload('clients-fixed.csv', csv([header, ...rows]));
    await page.getByText('The file is valid').waitFor();
    await expect(page.getByTestId('import-preview').textContent()).resolves.toContain('NW-004');
    await page.getByRole('button', { name: 'Import 4 row(s)' }).click();
    await page.getByText('Imported', { exact: true }).waitFor();
    await expect(page.getByText('4 new, 0 changed, 0 unchanged.').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('recent-imports').textContent()).resolves.toContain('clients-fixed.csv');
    await shot(page, 'imports-done-en');

    // the same file again changes nothing
    await upload('clients-fixed.csv', csv([header, ...rows]));
    await page.getByText('Everything in this file is already stored. There is nothing to import.').waitFor();

    // the accounts are there
    await page
      .getByRole('link', { name: 'Open the accounts' })
      .or(page.getByRole('link', { name: 'Accounts' }))
      .first()
      .click();
    await page.getByText('Harbor Retail').first().waitFor();
  }, 120_000);
});
