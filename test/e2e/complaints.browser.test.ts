import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestServer } from '../helpers/server.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { Api, enrolTotp, ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const KAM = { email: 'kira@grove.test', name: 'Kira Kamenskaya' };
const HEAD = { email: 'helen@grove.test', name: 'Helen Hale' };
const ADMIN = { email: 'olga@grove.test', password: 'another horse battery' };
const CLIENT = { email: 'anna@volga.example', name: 'Anna Volkova' };
const COMPLAINTS_ADDRESS = 'complaints@northwind.example';
const ACCOUNT = 'Volga Retail';

interface ListItem {
  id: string;
  reference: string;
  channel: string;
  subject: string | null;
  responseBreachedAt: string | null;
}

describe('complaints (D1): intake by e-mail, a breached clock, reply, resolution, the SLA dashboard and the survey (D4)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let kamApi: Api;
  let accountId: string;
  let contactId: string;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let inboundPort: number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    inboundPort = await freePort();
    server = await startTestServer({ env: { GROVE_SMTP_PORT: String(inboundPort), GROVE_SMTP_HOST: '127.0.0.1' } });
    await ensureCompany(server.url);
    const kam = await server.cli(['user', 'add', '--email', KAM.email, '--name', KAM.name, '--role', 'kam', '--password-stdin'], PASSWORD);
    expect(kam.code, kam.stderr).toBe(0);
    const head = await server.cli(
      ['user', 'add', '--email', HEAD.email, '--name', HEAD.name, '--role', 'head', '--password-stdin'],
      PASSWORD,
    );
    expect(head.code, head.stderr).toBe(0);
    // outgoing mail to the test's own SMTP server; the complaints mailbox is Grove's SMTP endpoint
    const admin = await new Api(server.url).signIn(ADMIN.email, ADMIN.password);
    await admin.request('PUT', '/api/mail/settings', {
      enabled: true,
      smtpHost: '127.0.0.1',
      smtpPort: sink.port,
      smtpSecure: false,
      smtpUser: null,
      fromAddress: 'desk@northwind.example',
      fromName: 'Northwind service desk',
      complaintsAddress: COMPLAINTS_ADDRESS,
    });
    kamApi = await new Api(server.url).signIn(KAM.email, PASSWORD);
    accountId = (await kamApi.request<{ id: string }>('POST', '/api/accounts', { name: ACCOUNT })).id;
    contactId = (
      await kamApi.request<{ id: string }>('POST', `/api/accounts/${accountId}/contacts`, { fullName: CLIENT.name, email: CLIENT.email })
    ).id;
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
    await sink?.close();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-complaints-failure.png') }).catch(() => undefined);
    }
  });

  const list = () => kamApi.request<{ items: ListItem[] }>('GET', '/api/complaints?limit=50');

  it('the KAM works a breached complaint to resolution; the client answers the survey', async () => {
    // 1. the client e-mails the complaints mailbox: a real SMTP message to Grove's intake
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: inboundPort, secure: false, ignoreTLS: true });
    await smtp.sendMail({
      from: `${CLIENT.name} <${CLIENT.email}>`,
      to: COMPLAINTS_ADDRESS,
      subject: 'Broken pallets in the last delivery',
      text: 'Three pallets arrived broken at the Kazan DC.',
    });
    await expect
      .poll(async () => (await list()).items.find((c) => c.channel === 'email')?.subject, { timeout: 20_000 })
      .toBe('Broken pallets in the last delivery');
    // the client got an acknowledgement with the complaint's number
    const emailed = (await list()).items.find((c) => c.channel === 'email');
    await expect
      .poll(() => sink.messages.some((m) => m.to.includes(CLIENT.email) && m.subject.includes(emailed?.reference ?? '?')), {
        timeout: 20_000,
      })
      .toBe(true);

    // 2. a complaint written down after a call four days ago: its 4-hour response clock is long past
    const late = await kamApi.request<{ id: string; reference: string }>('POST', '/api/complaints', {
      accountId,
      contactId,
      subject: 'Invoice does not match the order',
      description: 'The invoice lists 120 cases; the order was for 100.',
      severity: 'high',
      category: 'billing',
      legalClaim: true,
      receivedAt: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    });
    // the escalation job (first run 5 s after start, then every 15 s) records the breach
    await expect
      .poll(async () => (await list()).items.find((c) => c.id === late.id)?.responseBreachedAt ?? null, {
        timeout: 45_000,
        interval: 1_000,
      })
      .not.toBeNull();

    // 3. the KAM's list: live clocks, the breach in red, the legal claim's own clock
    await page.goto(server.url);
    await signIn(page, KAM.email, PASSWORD);
    await page.getByTestId('greeting').waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Service' }).click();
    const row = page.locator(`[data-testid="complaint-row"][data-reference="${late.reference}"]`);
    await row.waitFor();
    expect(await row.getByTestId('clock-response').textContent()).toMatch(/^overdue by /);
    expect(await row.getByTestId('legal-badge').textContent()).toContain('Legal claim');
    const mailRow = page.locator(`[data-testid="complaint-row"][data-reference="${emailed?.reference}"]`);
    expect(await mailRow.getByTestId('clock-response').textContent()).toMatch(/left$/);
    // "Breached" narrows the list to the late one
    await page.getByText('Breached', { exact: true }).click();
    await expect.poll(() => page.getByTestId('complaint-row').count()).toBe(1);
    await page.getByText('Breached', { exact: true }).click();
    await expect.poll(() => page.getByTestId('complaint-row').count()).toBe(2);
    await shot(page, 'complaints-list-en');

    // a complaint taken on the phone: the form asks for the client first, then offers its contacts
    await page.getByTestId('new-complaint').click();
    const newForm = page.getByTestId('new-complaint-form');
    await newForm.getByTestId('new-complaint-submit').click();
    await expect.poll(() => newForm.getByText('Required').count()).toBe(2);
    await pickOption(page, 'Client', ACCOUNT, newForm);
    await newForm.getByRole('textbox', { name: /^Subject/ }).fill('Late delivery to the Samara store');
    await pickOption(page, 'Who complained', `${CLIENT.name} · ${CLIENT.email}`, newForm);
    await newForm.getByTestId('new-complaint-submit').click();
    await page.getByText(/^Complaint C-\d+ taken in: the clocks are running\.$/).waitFor();
    await expect.poll(() => page.getByTestId('complaint-row').count()).toBe(3);
    await page.getByTestId('complaint-drawer').getByText('Late delivery to the Samara store').waitFor();
    await page.keyboard.press('Escape');

    // 4. open it: the clocks as bars, the breach in the story
    await row.click();
    const drawer = page.getByTestId('complaint-drawer');
    const detail = drawer.getByTestId('complaint-detail');
    await detail.waitFor();
    expect(page.url()).toContain(`complaint=${late.id}`);
    await drawer.getByTestId('event-breached').first().waitFor();
    expect(await drawer.getByTestId('event-breached').first().textContent()).toBe('The response deadline was missed');
    expect(await drawer.getByTestId('clock-response').textContent()).toContain('overdue by');

    // 5. reply, also by e-mail
    await drawer.getByRole('button', { name: 'Reply' }).click();
    await drawer.getByRole('textbox', { name: /^Reply/ }).fill('We are checking the invoice with accounting today.');
    await drawer.getByRole('checkbox', { name: 'Also e-mail it to the client' }).check();
    await drawer.getByTestId('reply-submit').click();
    await drawer.getByTestId('event-replied').waitFor();
    expect(await drawer.getByTestId('event-replied').textContent()).toBe(`${KAM.name} replied and e-mailed the client`);
    expect(await drawer.getByTestId('clock-response').textContent()).toContain('met late');

    // 6. resolve: the required fields are asked for before anything is sent
    await drawer.getByRole('button', { name: 'Resolve', exact: true }).click();
    const resolve = drawer.getByTestId('resolve-form');
    await resolve.getByTestId('resolve-submit').click();
    await expect.poll(() => resolve.getByText('Required').count()).toBe(3);
    await resolve.getByRole('radio', { name: 'Yes, justified' }).check();
    await resolve.getByRole('textbox', { name: /^Root cause/ }).fill('The invoice was built from the draft order');
    await resolve.getByRole('textbox', { name: 'Corrective action' }).fill('Invoices are built from the confirmed order only');
    await resolve.getByRole('textbox', { name: /^Resolution/ }).fill('A corrected invoice for 100 cases was sent');
    await resolve.getByTestId('resolve-submit').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('resolved');
    expect(await drawer.getByTestId('complaint-status').first().textContent()).toBe('Resolved');
    await drawer.getByTestId('complaint-resolution').getByText('The invoice was built from the draft order').waitFor();
    await drawer.getByTestId('event-resolved').waitFor();
    await page.keyboard.press('Escape');

    // 7. the client answers the survey the resolution sent, without signing in
    let link = '';
    await expect
      .poll(
        () => {
          const m = sink.messages.find((x) => x.to.includes(CLIENT.email) && /\/survey\/[A-Za-z0-9_-]{20,}/.test(x.text));
          link = m ? (/\/survey\/[A-Za-z0-9_-]+/.exec(m.text)?.[0] ?? '') : '';
          return link;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');
    const client = await newPage(browser);
    await client.goto(`${server.url}${link}`);
    const form = client.getByTestId('survey-form');
    await form.waitFor();
    await client.getByText('Northwind Trading').waitFor();
    await client.getByRole('button', { name: 'Send' }).click();
    await client.getByText('Choose a score from 1 to 5.').waitFor();
    await client.getByTestId('survey-score-4').click();
    await client.getByRole('textbox', { name: /^Comment/ }).fill('Quick and clear, thank you');
    await client.getByTestId('survey-submit').click();
    await client.getByTestId('survey-thanks').waitFor();
    await client.reload();
    await client.getByTestId('survey-answered').waitFor();
    await client.goto(`${server.url}/survey/not-a-valid-token-at-all-0000`);
    await client.getByText('This link is not valid').waitFor();
    await client.context().close();
    // 8. the SLA dashboard shows the breach and the client's score
    await page.getByTestId('sla-tab').click();
    const dashboard = page.getByTestId('sla-dashboard');
    await dashboard.waitFor();
    await expect.poll(() => dashboard.getByTestId('sla-breaches-value').textContent()).not.toBe('—');
    expect(Number(await dashboard.getByTestId('sla-breaches-value').textContent())).toBeGreaterThanOrEqual(1);
    expect(await dashboard.getByTestId('sla-response-value').textContent()).toMatch(/%$/);
    expect(await dashboard.getByTestId('sla-by-handler').textContent()).toContain(KAM.name);
    await expect.poll(() => dashboard.getByTestId('sla-satisfaction').textContent()).toContain(KAM.name);
    expect(await dashboard.getByTestId('sla-satisfaction').textContent()).toContain('4');
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await shot(page, 'sla-dashboard-en');

    // 9. the story in Russian, opened by the link notifications carry
    await kamApi.request('PATCH', '/api/me', { locale: 'ru' });
    await page.goto(`${server.url}/service?complaint=${late.id}`);
    await page.getByTestId('complaint-detail').waitFor();
    await page.getByText('Срок (ответ) пропущен').first().waitFor();
    await page.getByTestId('event-resolved').scrollIntoViewIfNeeded();
    await shot(page, 'complaint-detail-ru');
  }, 240_000);

  it('the head sets the SLA targets; the KAM does not see the settings', async () => {
    // the KAM's rail has no SLA settings, and the page is not there for them
    expect(await page.getByRole('link', { name: 'SLA по жалобам' }).count()).toBe(0);
    const head = await newPage(browser);
    await head.goto(server.url);
    await signIn(head, HEAD.email, PASSWORD);
    await enrolTotp(head);
    await head.getByTestId('recovery-done').click();
    await head.getByTestId('greeting').waitFor();
    await head.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Complaint SLA' }).click();
    const grid = head.getByTestId('sla-settings');
    await grid.waitFor();
    // twelve rows: three tiers × four severities, with the seeded targets
    expect(await grid.locator('[data-testid^="sla-row-"]').count()).toBe(12);
    const amount = head.getByRole('textbox', { name: 'Key · High: Response within' });
    expect(await amount.inputValue()).toBe('4');
    await amount.fill('2');
    await head.getByRole('textbox', { name: 'Legal claim answer period, calendar days' }).fill('10');
    await head.getByTestId('sla-save').click();
    await head.getByText('SLA settings saved: new complaints use them').waitFor();
    const saved = await kamApi.request<{ targets: { tier: string; severity: string; responseAmount: number }[]; legalClaimDays: number }>(
      'GET',
      '/api/complaints/sla/settings',
    );
    expect(saved.targets.find((t) => t.tier === 'key' && t.severity === 'high')?.responseAmount).toBe(2);
    expect(saved.legalClaimDays).toBe(10);
    await head.reload();
    await expect.poll(() => head.getByRole('textbox', { name: 'Key · High: Response within' }).inputValue()).toBe('2');
    await head.context().close();
  }, 120_000);
});
