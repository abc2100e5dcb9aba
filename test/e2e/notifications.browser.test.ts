import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const SENIOR = { email: 'nina@grove.test', name: 'Nina Senior' };
const KAM = { email: 'karl@grove.test', name: 'Karl Kam' };

describe('the notifications inbox', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const senior = await server.cli(
      ['user', 'add', '--email', SENIOR.email, '--name', SENIOR.name, '--role', 'senior_kam', '--password-stdin'],
      PASSWORD,
    );
    expect(senior.code, senior.stderr).toBe(0);
    const kam = await server.cli(
      ['user', 'add', '--email', KAM.email, '--name', KAM.name, '--role', 'kam', '--manager', SENIOR.email, '--password-stdin'],
      PASSWORD,
    );
    expect(kam.code, kam.stderr).toBe(0);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (who: { email: string }): Promise<Page> => {
    const page = await newPage(browser);
    await page.goto(server.url);
    await signIn(page, who.email, PASSWORD);
    await page.getByTestId('greeting').waitFor();
    return page;
  };

  it('a senior gives a task to a KAM; the KAM sees the badge, opens the inbox, clicks and the task opens', async () => {
    const kam = await signedIn(KAM);
    const badge = kam.getByTestId('notification-badge');
    expect(await badge.getAttribute('data-count')).toBe('0');
    await kam.getByTestId('notification-bell').click();
    await expect.poll(() => kam.getByTestId('notifications-empty').textContent()).toContain('Tasks given to you');
    await kam.getByTestId('notification-bell').click();

    const senior = await signedIn(SENIOR);
    await senior.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Tasks' }).click();
    await senior.getByTestId('new-task').click();
    const form = senior.getByTestId('task-form');
    await form.getByRole('textbox', { name: /^Title/ }).fill('Call the buyer about the Q4 promo');
    await pickOption(senior, 'Assignee', KAM.name, form);
    await form.getByRole('button', { name: 'Give task' }).click();
    await senior.getByTestId('tasks-tab-given').click();
    await expect.poll(() => senior.getByTestId('tasks-table').textContent()).toContain('Call the buyer');

    // the giver hears nothing of their own task
    expect(await senior.getByTestId('notification-badge').getAttribute('data-count')).toBe('0');

    // the KAM's badge shows it (polled every 30 s; a reload makes it immediate)
    await kam.reload();
    await expect.poll(() => kam.getByTestId('notification-badge').getAttribute('data-count')).toBe('1');
    await kam.getByTestId('notification-bell').click();
    const item = kam.getByTestId('notification-item').first();
    await expect.poll(() => item.textContent()).toContain('Nina Senior gave you a task: Call the buyer about the Q4 promo');
    expect(await item.getAttribute('data-unread')).toBe('true');
    await shot(kam, 'notifications-inbox-en');
    await item.click();

    await expect.poll(() => kam.url()).toContain('/tasks');
    const drawer = kam.getByTestId('task-drawer');
    await expect.poll(() => drawer.textContent()).toContain('Call the buyer about the Q4 promo');
    await expect.poll(() => kam.getByTestId('notification-badge').getAttribute('data-count')).toBe('0');
  }, 120_000);
});
