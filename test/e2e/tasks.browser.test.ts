import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const SENIOR = { email: 'sofia@grove.test', name: 'Sofia Senior' };
const JUNIOR = { email: 'jan@grove.test', name: 'Jan Junior' };

describe('delegate a task', () => {
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
    const junior = await server.cli(
      ['user', 'add', '--email', JUNIOR.email, '--name', JUNIOR.name, '--role', 'kam', '--manager', SENIOR.email, '--password-stdin'],
      PASSWORD,
    );
    expect(junior.code, junior.stderr).toBe(0);
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
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Tasks' }).click();
    return page;
  };

  it('a senior gives a task to a junior, who comments and completes it; the senior sees it on the team board', async () => {
    const senior = await open(SENIOR);
    await senior.getByTestId('new-task').click();
    const form = senior.getByTestId('task-form');
    await form.getByRole('textbox', { name: /^Title/ }).fill('Prepare the Q3 review');
    await pickOption(senior, 'Assignee', JUNIOR.name, form);
    await form.getByRole('button', { name: 'Give task' }).click();
    await senior.getByTestId('tasks-tab-given').click();
    await expect.poll(() => senior.getByTestId('tasks-table').textContent()).toContain('Prepare the Q3 review');
    await senior.getByTestId('tasks-tab-team').click();
    await expect.poll(() => senior.getByTestId('team-board').textContent()).toContain(JUNIOR.name);
    await shot(senior, 'tasks-team-board-en');

    const junior = await open(JUNIOR);
    await junior.getByTestId('tasks-table').getByText('Prepare the Q3 review').click();
    const drawer = junior.getByTestId('task-drawer');
    await drawer.getByRole('textbox', { name: 'Add a comment' }).fill('Draft is ready');
    await drawer.getByRole('button', { name: 'Comment' }).click();
    await expect.poll(() => drawer.getByTestId('task-comments').textContent()).toContain('Draft is ready');
    // attach a file (a Cyrillic name): it is listed with its size and uploader, and downloads byte for byte
    const report = Buffer.from('Q3 review, draft 1\n');
    await drawer.locator('input[type=file]').setInputFiles({ name: 'Обзор Q3.txt', mimeType: 'text/plain', buffer: report });
    const files = drawer.getByTestId('task-attachment-list');
    await expect.poll(() => files.textContent()).toContain('Обзор Q3.txt');
    expect(await files.textContent()).toContain(JUNIOR.name);
    const href = await files.getByRole('link', { name: 'Обзор Q3.txt' }).getAttribute('href');
    const download = await junior.request.get(`${server.url}${href}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(report)).toBe(true);
    await shot(junior, 'task-drawer-en');
    await drawer.getByTestId('task-status').getByText('Done').click();
    await expect.poll(() => junior.getByText('Nothing to do').isVisible()).toBe(true);

    await senior.reload();
    await senior.getByTestId('tasks-tab-given').click();
    await expect.poll(() => senior.getByText('You gave no tasks').isVisible()).toBe(true);
  }, 120_000);
});
