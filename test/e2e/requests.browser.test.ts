import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { Api, ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const KAM = { email: 'kira@grove.test', name: 'Kira Kamenskaya' };
const LOGISTICS = { email: 'lev@grove.test', name: 'Lev Logistics' };
const ACCOUNT = 'Volga Retail';

describe('requests to departments (D2)', () => {
  let server: TestServer;
  let browser: Browser;
  let accountId: string;
  let kamApi: Api;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const kam = await server.cli(['user', 'add', '--email', KAM.email, '--name', KAM.name, '--role', 'kam', '--password-stdin'], PASSWORD);
    expect(kam.code, kam.stderr).toBe(0);
    const lev = await server.cli(
      [
        'user',
        'add',
        '--email',
        LOGISTICS.email,
        '--name',
        LOGISTICS.name,
        '--role',
        'department',
        '--department',
        'logistics',
        '--password-stdin',
      ],
      PASSWORD,
    );
    expect(lev.code, lev.stderr).toBe(0);
    kamApi = await new Api(server.url).signIn(KAM.email, PASSWORD);
    accountId = (await kamApi.request<{ id: string }>('POST', '/api/accounts', { name: ACCOUNT })).id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (who: { email: string }): Promise<Page> => {
    const page = await newPage(browser);
    await page.goto(server.url);
    await signIn(page, who.email, PASSWORD);
    await page.getByTestId('greeting').waitFor();
    return page;
  };
  const toRequests = (page: Page, name = 'Requests', nav = 'Main navigation') =>
    page.getByRole('navigation', { name: nav }).getByRole('link', { name }).click();

  it('a KAM asks logistics for an urgent delivery; logistics takes it and marks it done; the KAM is told', async () => {
    const kam = await open(KAM);
    // the list teaches what it is for before the first request
    await toRequests(kam);
    await expect.poll(() => kam.getByText('You have raised no requests').isVisible()).toBe(true);

    // raise it from the client's page
    await kam.goto(`${server.url}/accounts/${accountId}`);
    await kam.getByTestId('account-new-request').click();
    const form = kam.getByTestId('request-form');
    await pickOption(kam, 'Department', 'Logistics', form);
    await expect.poll(() => form.getByTestId('request-sla-hint').textContent()).toContain('3 business days');
    await pickOption(kam, 'What is needed', 'Urgent delivery', form);
    await form.getByRole('textbox', { name: /^Title/ }).fill('Two pallets to the Kazan DC');
    await form.getByRole('textbox', { name: 'Details' }).fill('Before the promo starts on Monday');
    await form.getByRole('button', { name: 'Send request' }).click();
    // the new request opens in the requests page
    const kamDrawer = kam.getByTestId('request-drawer');
    await expect.poll(() => kamDrawer.getByTestId('request-status').textContent()).toBe('New');
    expect(await kamDrawer.getByTestId('sla-clock').textContent()).toMatch(/left$/);

    // two more for the queue's picture: one needed today (its deadline is the end of today)
    await kamApi.request('POST', '/api/requests', {
      accountId,
      department: 'logistics',
      type: 'returns_pickup',
      title: 'Pick up the returns from the Samara store',
    });
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
    await kamApi.request('POST', '/api/requests', {
      accountId,
      department: 'logistics',
      type: 'delivery_schedule',
      title: 'Weekly delivery slots for December',
      dueDate: today,
    });
    // a request to another department stays out of the logistics queue
    await kamApi.request('POST', '/api/requests', { accountId, department: 'design', type: 'packaging', title: 'Gift packaging mock-up' });

    const lev = await open(LOGISTICS);
    await toRequests(lev);
    const table = lev.getByTestId('requests-table');
    await expect.poll(() => table.getByTestId('request-row').count()).toBe(3);
    expect(await table.textContent()).not.toContain('Gift packaging');
    expect(await table.textContent()).toContain(ACCOUNT);
    expect(await table.getByTestId('sla-clock').count()).toBe(3);
    await shot(lev, 'requests-queue-en');

    await table.getByText('Two pallets to the Kazan DC').click();
    const drawer = lev.getByTestId('request-drawer');
    await drawer.getByTestId('request-take').click();
    await expect.poll(() => drawer.getByTestId('request-status').textContent()).toBe('In progress');
    await drawer.getByRole('textbox', { name: 'Add a comment' }).fill('Truck booked for Friday morning');
    await drawer.getByRole('button', { name: 'Comment' }).click();
    await expect.poll(() => drawer.getByTestId('request-history').textContent()).toContain('Truck booked for Friday morning');
    await shot(lev, 'request-drawer-en');
    await drawer.getByTestId('request-done').click();
    await expect.poll(() => drawer.getByTestId('request-status').textContent()).toBe('Done');
    await lev.keyboard.press('Escape');
    await expect.poll(() => table.getByTestId('request-row').count()).toBe(2);

    // in Russian
    await lev.getByTestId('language-switch').getByText('RU').click();
    await lev.getByRole('heading', { name: 'Запросы' }).waitFor();
    await expect.poll(() => lev.getByTestId('requests-table').textContent()).toContain('Осталось');
    await shot(lev, 'requests-queue-ru');

    // the KAM sees the new status and has been told
    await kam.reload();
    await kam.getByTestId('requests-table').waitFor();
    // open requests are listed by default; the done one is among the closed
    await kam.getByTestId('requests-status-filter').click();
    await kam.getByRole('option', { name: 'Closed', exact: true }).click();
    const row = kam.getByTestId('request-row').filter({ hasText: 'Two pallets to the Kazan DC' });
    await expect.poll(() => row.textContent()).toContain('Done');
    await expect.poll(async () => Number(await kam.getByTestId('notification-badge').getAttribute('data-count'))).toBeGreaterThanOrEqual(2);
    await kam.getByTestId('notification-bell').click();
    const items = kam.locator('[data-testid="notification-item"][data-kind="request_status"]');
    await expect.poll(() => items.first().textContent()).toContain('Lev Logistics');
    expect(await items.first().textContent()).toContain('is now done');
    await items.first().click();
    await expect.poll(() => kam.getByTestId('request-drawer').getByTestId('request-history').textContent()).toContain('Truck booked');
  }, 180_000);
});
