import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { Api, ensureCompany, launchBrowser, newPage, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const HEAD = { email: 'helena@grove.test', name: 'Helena Head' };
const KAM = { email: 'kirill@grove.test', name: 'Kirill Kamov' };
const KEY_ACCOUNTS = ['Baltic Retail Group', 'Nordic Foods', 'Volga Market'];
const MISSED = 'Amber Coast Stores';
const docs = join(import.meta.dirname, '..', '..', 'docs');

/** A signed-in API client (two-factor enrolled when the role requires it). */
async function apiAs(base: string, email: string) {
  const api = await new Api(base).signIn(email, PASSWORD);
  return <T>(method: string, path: string, body?: unknown) => api.request<T>(method, path, body);
}

/** An hour (this machine's clock, like the browser's) some days ago. */
function daysAgoAt(days: number, hour: number): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, 0, 0, 0);
  return d;
}

/** docs/<file> when SCREENSHOTS=1. */
async function weekShot(page: Page, file: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(docs, { recursive: true });
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(docs, file), fullPage: true });
}

describe('the weekly visit and call plan', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    for (const [who, role, extra] of [
      [HEAD, 'head', []],
      [KAM, 'kam', ['--manager', HEAD.email]],
    ] as const) {
      const added = await server.cli(
        ['user', 'add', '--email', who.email, '--name', who.name, '--role', role, ...extra, '--password-stdin'],
        PASSWORD,
      );
      expect(added.code, added.stderr).toBe(0);
    }
    const head = await apiAs(server.url, HEAD.email);
    const kamId = (await head<{ items: { id: string; email: string }[] }>('GET', '/api/users?limit=50')).items.find(
      (u) => u.email === KAM.email,
    )?.id;
    await head('PUT', '/api/plan/cadences', {
      items: [
        { tier: 'key', visitEveryDays: 14, callEveryDays: 7 },
        { tier: 'potential', visitEveryDays: 30, callEveryDays: 14 },
        { tier: 'regular', visitEveryDays: null, callEveryDays: null },
      ],
    });
    const ids: string[] = [];
    for (const name of [...KEY_ACCOUNTS, MISSED])
      ids.push((await head<{ id: string }>('POST', '/api/accounts', { name, tier: 'key', ownerId: kamId, city: 'Saint Petersburg' })).id);
    const kam = await apiAs(server.url, KAM.email);
    // a visit 23 days ago: the first account is due again (every 14 days)
    const longAgo = new Date(Date.now() - 23 * 86_400_000);
    longAgo.setHours(11, 0, 0, 0);
    await kam('POST', '/api/interactions', {
      accountId: ids[0],
      type: 'visit',
      status: 'done',
      occurredAt: longAgo.toISOString(),
      outcome: 'Agreed on the spring assortment',
    });
    // last week's plan: done calls and a meeting, a cancelled visit, a moved one, one planned visit never marked done
    const item = (accountId: string | undefined, type: string, status: string, at: Date, extra: object = {}) =>
      kam<{ id: string }>('POST', '/api/interactions', {
        accountId,
        type,
        status,
        occurredAt: at.toISOString(),
        durationMinutes: 60,
        ...extra,
      });
    await item(ids[1], 'call', 'done', daysAgoAt(7, 9), { durationMinutes: 30, outcome: 'Confirmed the delivery schedule' });
    await item(ids[3], 'visit', 'planned', daysAgoAt(7, 14), { subject: 'Shelf check in the flagship store' });
    await item(ids[2], 'meeting', 'done', daysAgoAt(9, 11), { outcome: 'Discussed the new price column' });
    await item(ids[1], 'call', 'done', daysAgoAt(10, 16), { durationMinutes: 30, outcome: 'Payment plan agreed' });
    const cancelled = await item(ids[2], 'visit', 'planned', daysAgoAt(8, 10));
    await kam('POST', `/api/interactions/${cancelled.id}/cancel`, { reason: 'The buyer is ill' });
    const moved = await item(ids[0], 'presentation', 'planned', daysAgoAt(10, 10));
    await kam('POST', `/api/interactions/${moved.id}/move`, {
      occurredAt: daysAgoAt(8, 15).toISOString(),
      reason: 'The client asked to reschedule',
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let page: Page | undefined;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page)
      await page.screenshot({ path: join(tmpdir(), 'grove-weekly-plan-failure.png'), fullPage: true }).catch(() => undefined);
  });

  it('a KAM asks for a suggested week, adds it, marks a visit done and finds it among the interactions', async () => {
    page = await newPage(browser);
    page.on('pageerror', (e) => console.error('PAGEERROR', e.message, e.stack));
    page.on('console', (m) => m.type() === 'error' && console.error('CONSOLE', m.text()));
    await page.goto(server.url);
    await signIn(page, KAM.email, PASSWORD);
    await page.getByTestId('greeting').waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Plan', exact: true }).click();
    const calendar = page.getByTestId('plan-calendar');
    await calendar.locator('.fc-timegrid').waitFor();
    // the week ahead (whatever today is, it still has free slots)
    await calendar.locator('.fc-next-button').click();
    await page.getByTestId('plan-suggest').click();
    const suggestions = page.getByTestId('plan-suggestions');
    await suggestions.waitFor();
    await expect.poll(() => suggestions.getByTestId('plan-suggestion').count()).toBeGreaterThan(0);
    const text = (await suggestions.textContent()) ?? '';
    expect(text).toContain(KEY_ACCOUNTS[0]);
    expect(text).toMatch(/last visit 2[3-9] days ago \(every 14\)/);
    const suggested = await suggestions.getByTestId('plan-suggestion').count();
    expect(await calendar.getByTestId('plan-ghost').count()).toBe(suggested);
    await weekShot(page, 'plan-suggest.png');
    await page.getByTestId('plan-accept').click();
    await suggestions.waitFor({ state: 'detached' });
    await expect.poll(() => calendar.getByTestId('plan-event-planned').count()).toBe(suggested);
    expect(await calendar.getByTestId('plan-ghost').count()).toBe(0);

    // last week: the visit that was planned and not yet marked
    await calendar.locator('.fc-prev-button').click();
    await calendar.locator('.fc-prev-button').click();
    await calendar.getByTestId('plan-event-planned').filter({ hasText: MISSED }).click();
    const panel = page.getByTestId('plan-item-panel');
    await panel.getByTestId('plan-mark-done').click();
    const drawer = page.getByTestId('log-drawer');
    await drawer.getByTestId('log-outcome').fill('Shelf share up to 18 %, two facings missing; sent photos to merchandising');
    await drawer.getByTestId('log-outcome').press('Control+Enter');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => calendar.getByTestId('plan-event-done').filter({ hasText: MISSED }).count()).toBe(1);
    expect(await calendar.getByTestId('plan-event-planned').filter({ hasText: MISSED }).count()).toBe(0);
    await weekShot(page, 'plan-week.png');

    // the interaction is on the Interactions list with its outcome
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Interactions', exact: true }).click();
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('Shelf share up to 18 %');

    // the same week in Russian
    await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      await fetch('/api/me', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ locale: 'ru' }),
      });
      localStorage.setItem('grove.locale', 'ru');
    });
    await page.goto(`${server.url}/plan`);
    await calendar.locator('.fc-timegrid').waitFor();
    await calendar.locator('.fc-next-button').click();
    await expect.poll(() => calendar.getByTestId('plan-event-planned').count()).toBe(suggested);
    expect(await page.getByTestId('plan-suggest').textContent()).toBe('Предложить план недели');
    await calendar.locator('.fc-prev-button').click();
    await calendar.locator('.fc-prev-button').click();
    await expect.poll(() => calendar.getByTestId('plan-event-done').filter({ hasText: MISSED }).count()).toBe(1);
    await weekShot(page, 'plan-week-ru.png');
  }, 180_000);
});
