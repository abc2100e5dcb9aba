import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestServer } from '../helpers/server.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { enrolTotp, ensureCompany, launchBrowser, newPage, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ADMIN = { email: 'mila@grove.test', name: 'Mila Mailer', password: 'correct horse battery' };

describe('Settings → E-mail', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inboundPort: number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inboundPort = await freePort();
    server = await startTestServer({ env: { GROVE_SMTP_PORT: String(inboundPort), GROVE_SMTP_HOST: '127.0.0.1' } });
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
    await sink?.close();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-mail-failure.png') }).catch(() => undefined);
    }
  });

  it('the admin sets up outgoing mail and the complaints mailbox, sends a test message, and opts in to e-mails', async () => {
    await page.goto(server.url);
    await signIn(page, ADMIN.email, ADMIN.password);
    await enrolTotp(page);
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('greeting').waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'E-mail' }).click();
    // the endpoint Grove listens on is explained with its port
    await expect.poll(() => page.getByTestId('mail-inbound').textContent()).toContain(`port ${inboundPort}`);

    await page.getByRole('textbox', { name: 'SMTP server' }).fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Port' }).fill(String(sink.port));
    await page.getByRole('textbox', { name: 'Sender address' }).fill('desk@northwind.example');
    await page.getByRole('textbox', { name: 'Sender name' }).fill('Northwind service desk');
    await page.getByRole('textbox', { name: 'Complaints address' }).fill('complaints@northwind.example');
    await page.getByRole('switch', { name: 'Send e-mail' }).check({ force: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('E-mail settings saved.').waitFor();

    await page.getByRole('button', { name: 'Send a test message' }).click();
    await page.getByText(`The test message was sent to ${ADMIN.email}.`).waitFor();
    expect(sink.messages.map((m) => [m.to[0], m.subject])).toEqual([[ADMIN.email, 'Grove test message']]);
    await shot(page, 'mail-settings-en');

    // after a reload the values are kept, the password stays unknown to the page
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Complaints address' }).inputValue()).toBe('complaints@northwind.example');
    await page.getByText('No password stored.').waitFor();

    // Profile: tasks given to me also by e-mail
    await page.goto(`${server.url}/profile`);
    const byEmail = page.getByRole('checkbox', { name: 'Tasks given to me: also by e-mail' });
    // the box follows the saved settings, so it changes once the server has answered
    await byEmail.click();
    await page.getByText('Notification settings saved.').waitFor();
    await expect.poll(() => byEmail.isChecked()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Tasks given to me: also by e-mail' }).isChecked()).toBe(true);
  });
});
