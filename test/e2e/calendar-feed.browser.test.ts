import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { ensureCompany, launchBrowser, newPage, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const KIM = { email: 'kim@grove.test', name: 'Kim Calendar' };

describe('calendar feed on the profile (C3)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const added = await server.cli(
      ['user', 'add', '--email', KIM.email, '--name', KIM.name, '--role', 'kam', '--password-stdin'],
      PASSWORD,
    );
    expect(added.code, added.stderr).toBe(0);
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-calendar-feed-failure.png') }).catch(() => undefined);
    }
  });

  it('creates a feed URL shown once, which a calendar can read, and revokes it', async () => {
    await page.goto(server.url);
    await signIn(page, KIM.email, PASSWORD);
    // signed in (the shell is there) before leaving the page, or the sign-in request is cut off
    await page.getByTestId('greeting').waitFor();
    await page.goto(`${server.url}/profile`);
    await page.getByTestId('create-calendar-feed').waitFor({ timeout: 30_000 });
    await page.getByTestId('create-calendar-feed').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('shown only once');
    const url = await page.getByTestId('new-calendar-feed').inputValue();
    expect(url).toMatch(/\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    await shot(page, 'calendar-feed-created-en');

    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain(`X-WR-CALNAME:Grove — ${KIM.name}`);

    await dialog.getByRole('button', { name: 'Done' }).click();
    const table = page.getByTestId('calendar-feeds-table');
    await expect.poll(() => table.textContent()).toContain('Active');
    // the URL is not shown again
    await expect.poll(() => page.content()).not.toContain(url);

    await table.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => table.textContent()).toContain('Revoked');
    expect((await fetch(url)).status).toBe(404);
  });
});
