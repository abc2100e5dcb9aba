import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/modules/plans/plans.rules.js';
import { startTestServer } from '../helpers/server.js';
import { Api, ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const SAM = { email: 'sam@grove.test', name: 'Sam Sales' };
const KIRA = { email: 'kira@grove.test', name: 'Kira Kamova' };
const ACCOUNT = 'Baltic Retail Group';

describe('cover a colleague’s absence', () => {
  let server: TestServer;
  let browser: Browser;
  let kira: Page;
  let sam: Page;
  let accountId: string;
  let today: string;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    for (const who of [SAM, KIRA]) {
      const added = await server.cli(
        ['user', 'add', '--email', who.email, '--name', who.name, '--role', 'kam', '--password-stdin'],
        PASSWORD,
      );
      expect(added.code, added.stderr).toBe(0);
    }
    const samApi = await new Api(server.url).signIn(SAM.email, PASSWORD);
    accountId = (await samApi.request<{ id: string }>('POST', '/api/accounts', { name: ACCOUNT })).id;
    const company = await samApi.request<{ timeZone: string }>('GET', '/api/company');
    today = todayIn(company.timeZone);
    const kiraApi = await new Api(server.url).signIn(KIRA.email, PASSWORD);
    const kiraId = (await kiraApi.request<{ id: string }>('GET', '/api/me')).id;
    // Sam is away on a business trip from today; Kira covers
    await samApi.request('POST', '/api/absences', { deputyId: kiraId, kind: 'business_trip', firstDay: today, lastDay: today });
    browser = await launchBrowser();
    kira = await newPage(browser);
    sam = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && kira) {
      await kira.screenshot({ path: join(tmpdir(), 'grove-absences-failure.png') }).catch(() => undefined);
    }
  });

  it('the deputy sees the banner and the absent colleague’s account until the absence is ended early', async () => {
    await kira.goto(server.url);
    await signIn(kira, KIRA.email, PASSWORD);
    const banner = kira.getByTestId('cover-banner');
    await expect.poll(() => banner.textContent()).toContain(`You are covering for ${SAM.name}`);
    await kira.goto(`${server.url}/accounts/${accountId}`);
    await expect.poll(() => kira.getByTestId('account-name').textContent()).toBe(ACCOUNT);
    await shot(kira, 'absence-cover-banner-en');

    await sam.goto(server.url);
    await signIn(sam, SAM.email, PASSWORD);
    await expect.poll(() => sam.getByTestId('cover-banner').textContent()).toContain(`${KIRA.name} is covering for you`);
    await sam.goto(`${server.url}/profile`);
    const table = sam.getByTestId('absences-table');
    await expect.poll(() => table.textContent()).toContain('Under way');
    await table.getByRole('button', { name: 'End now' }).click();
    await sam.getByRole('dialog').getByRole('button', { name: 'End now' }).click();
    await expect.poll(() => sam.getByTestId('cover-banner').count()).toBe(0);
    await shot(sam, 'absence-ended-en');

    await kira.reload();
    await kira.getByText('Not found', { exact: false }).or(kira.getByRole('heading')).first().waitFor();
    await expect.poll(() => kira.getByTestId('account-name').count()).toBe(0);
    await expect.poll(() => kira.getByTestId('cover-banner').count()).toBe(0);

    // Sam records the next absence in the form: today only, Kira again
    await sam.getByTestId('absence-new').click();
    const dialog = sam.getByRole('dialog');
    await pickOption(sam, 'Deputy', `${KIRA.name} · KAM`, dialog);
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${today}T00:00:00Z`),
    );
    await sam.getByTestId('absence-first-day').click();
    await sam.getByRole('button', { name: day, exact: true }).click();
    // let the first picker's dropdown close before opening the second
    await expect.poll(() => sam.getByRole('button', { name: day, exact: true }).count()).toBe(0);
    await sam.getByTestId('absence-last-day').click();
    await sam.getByRole('button', { name: day, exact: true }).click();
    await shot(sam, 'absence-form-en');
    await sam.getByTestId('absence-save').click();
    await expect.poll(() => sam.getByTestId('cover-banner').textContent()).toContain(`${KIRA.name} is covering for you`);
  }, 120_000);
});
