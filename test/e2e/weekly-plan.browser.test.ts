import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { Api, enrolTotp, ensureCompany, launchBrowser, newPage, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const HEAD = { email: 'helena@grove.test', name: 'Helena Head' };
const KAM = { email: 'kirill@grove.test', name: 'Kirill Kamov' };
/** a second head, who signs in through the browser (enrolling two-factor there) */
const LEAD = { email: 'lena@grove.test', name: 'Lena Lead' };
const KEY_ACCOUNTS = ['Baltic Retail Group', 'Nordic Foods', 'Volga Market'];
const MISSED = 'Amber Coast Stores';
const docs = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

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

/** docs/screenshots/<file> when SCREENSHOTS=1. */
async function weekShot(page: Page, file: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(docs, { recursive: true });
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(docs, file), fullPage: true });
}

/** Pictures of intermediate states for reviewing the UI (REVIEW_SHOTS=1), outside docs/. */
async function review(page: Page, name: string): Promise<void> {
  if (process.env.REVIEW_SHOTS !== '1') return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(tmpdir(), `grove-review-${name}.png`) });
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
      [LEAD, 'head', []],
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
    // "My day" on the home page: nothing planned today yet, and the client out of cadence with the reason in words
    await page.getByTestId('home-today-empty').waitFor();
    const due = page.getByTestId('home-due');
    await expect.poll(async () => (await due.textContent()) ?? '').toMatch(/last visit 2[3-9] days ago \(every 14\)/);
    expect(await due.textContent()).toContain(KEY_ACCOUNTS[0]);
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
    await weekShot(page, 'plan-suggest-en.png');
    await page.getByTestId('plan-accept').click();
    await suggestions.waitFor({ state: 'detached' });
    await expect.poll(() => calendar.getByTestId('plan-event-planned').count()).toBe(suggested);
    expect(await calendar.getByTestId('plan-ghost').count()).toBe(0);

    // drag a planned visit an hour later: it asks for a reason, then shows as moved
    const first = calendar
      .locator('.fc-event')
      .filter({ has: page.getByTestId('plan-event-planned') })
      .first();
    const box = await first.boundingBox();
    if (!box) throw new Error('no event box');
    const slot = await calendar.locator('.fc-timegrid-slot-lane').first().boundingBox();
    const hour = (slot?.height ?? 24) * 2;
    await page.mouse.move(box.x + box.width / 2, box.y + 6);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width / 2, box.y + 6 + (hour * i) / 8);
    await page.mouse.up();
    const modal = page.getByTestId('plan-move-modal');
    await modal.getByRole('textbox').fill('The buyer asked for the afternoon');
    await page.getByTestId('plan-move-confirm').click();
    await expect.poll(() => calendar.locator('.plan-ev-badge').count()).toBe(1);

    // last week: the visit that was planned and not yet marked
    await calendar.locator('.fc-prev-button').click();
    await calendar.locator('.fc-prev-button').click();
    await calendar.getByTestId('plan-event-planned').filter({ hasText: MISSED }).click();
    const panel = page.getByTestId('plan-item-panel');
    await panel.getByTestId('plan-mark-done').waitFor();
    await review(page, 'plan-panel');
    await panel.getByTestId('plan-mark-done').click();
    const drawer = page.getByTestId('log-drawer');
    await review(page, 'plan-complete');
    await drawer.getByTestId('log-outcome').fill('Shelf share up to 18 %, two facings missing; sent photos to merchandising');
    await drawer.getByTestId('log-outcome').press('Control+Enter');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => calendar.getByTestId('plan-event-done').filter({ hasText: MISSED }).count()).toBe(1);
    expect(await calendar.getByTestId('plan-event-planned').filter({ hasText: MISSED }).count()).toBe(0);
    await weekShot(page, 'plan-week-en.png');

    // the interaction is on the Interactions list with its outcome
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Interactions', exact: true }).click();
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('Shelf share up to 18 %');

    // a merchandising check logged from the client's page, with its checklist
    await page.goto(`${server.url}/accounts`);
    await page.getByRole('link', { name: KEY_ACCOUNTS[2] }).first().click();
    await page.getByTestId('log-interaction').click();
    await drawer.getByText('Merchandising check', { exact: true }).click();
    const checklist = drawer.getByTestId('log-checklist');
    await checklist.waitFor();
    await checklist.getByRole('checkbox').first().check();
    await review(page, 'log-merchandising');
    await drawer.getByTestId('log-outcome').fill('Planogram followed in 9 of 10 bays');
    await drawer.getByTestId('log-outcome').press('Control+Enter');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Interactions', exact: true }).click();
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('Planogram followed in 9 of 10 bays');

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

    // the month view, in the dark theme
    await calendar.locator('.fc-dayGridMonth-button').click();
    await calendar.locator('.fc-daygrid').waitFor();
    await page.getByRole('button', { name: 'Тёмная тема' }).click();
    await review(page, 'plan-month-dark-ru');
    await page.getByRole('button', { name: 'Светлая тема' }).click();

    // the command palette logs a call
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Найдите клиента, страницу или сотрудника…').fill('звонок');
    await page.getByText('Записать звонок', { exact: true }).click();
    await drawer.getByTestId('log-form').waitFor();
    expect(await drawer.textContent()).toContain('Записать контакт');
    await review(page, 'log-call-ru');
  }, 180_000);

  it('a head sets the cadences and checklists, then sees adherence and coverage', async () => {
    page = await newPage(browser);
    await page.goto(server.url);
    await signIn(page, LEAD.email, PASSWORD);
    await enrolTotp(page);
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('greeting').waitFor();
    await page.goto(`${server.url}/settings/cadences`);
    await expect.poll(() => page!.getByTestId('cadence-key-visit').inputValue()).toBe('14');
    expect(await page.getByTestId('cadence-regular-visit').inputValue()).toBe('');
    await page.getByTestId('cadence-key-call').fill('10');
    await page.getByTestId('cadences-save').click();
    await page.getByText('Saved').first().waitFor();
    const training = page.getByTestId('checklist-training');
    expect(await training.textContent()).toContain('Built-in list');
    await training.getByRole('button', { name: 'Add item' }).click();
    await training.getByRole('textbox').last().fill('Certificates handed out');
    await training.getByTestId('checklist-training-save').click();
    await expect.poll(() => training.textContent()).toContain('Your list');
    await review(page, 'cadences');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByTestId('plan-tab-adherence').click();
    const adherence = page.getByTestId('plan-adherence');
    await adherence.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => adherence.textContent()).toContain(KAM.name);
    await review(page, 'adherence');
    await page.getByTestId('plan-tab-coverage').click();
    const coverage = page.getByTestId('plan-coverage');
    await expect.poll(() => coverage.textContent()).toMatch(/clients without contact/);
    await review(page, 'coverage');
  }, 120_000);
});
