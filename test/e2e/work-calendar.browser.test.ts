import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { enrolTotp, ensureCompany, launchBrowser, newPage, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ADMIN = { email: 'cara@grove.test', name: 'Cara Calendar', password: 'correct horse battery' };

describe('Settings → Working calendar', () => {
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
      await page.screenshot({ path: join(tmpdir(), 'grove-work-calendar-failure.png') }).catch(() => undefined);
    }
  });

  it('the admin sees the production calendar, marks a holiday and makes Saturday a working day', async () => {
    await page.goto(server.url);
    await signIn(page, ADMIN.email, ADMIN.password);
    await enrolTotp(page);
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('greeting').waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Working calendar' }).click();
    const year = page.getByTestId('calendar-year');
    const current = Number(await year.textContent());
    // the shipped Russian production calendar, shown for 2026
    while (Number(await year.textContent()) !== 2026) {
      await page.getByRole('button', { name: Number(await year.textContent()) > 2026 ? 'Previous year' : 'Next year' }).click();
    }
    expect(current).toBeGreaterThan(2024);
    const cell = (day: string) => page.locator(`[data-day="${day}"]`);
    await expect.poll(() => cell('2026-01-09').getAttribute('data-kind')).toBe('holiday');
    expect(await cell('2026-05-08').getAttribute('data-kind')).toBe('short');
    expect(await cell('2026-03-07').getAttribute('data-kind')).toBe('off');

    await cell('2026-03-02').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'A holiday' }).check();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Company day');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Calendar day saved.').waitFor();
    await expect.poll(() => cell('2026-03-02').getAttribute('data-kind')).toBe('holiday');

    await page.getByRole('switch', { name: 'Saturday: Working day' }).check({ force: true });
    await page.getByLabel('Saturday: From').fill('10:00');
    await page.getByLabel('Saturday: To').fill('15:00');
    await page.getByTestId('working-week').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Working week saved.').waitFor();
    await expect.poll(() => cell('2026-03-07').getAttribute('data-kind')).toBe('regular');
    await shot(page, 'work-calendar-en');

    await page.reload();
    await expect.poll(() => page.getByLabel('Saturday: To').inputValue()).toBe('15:00');
  });
});
