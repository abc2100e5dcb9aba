import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { criteria } from '../../src/modules/tiering/scoring.js';
import { startTestServer } from '../helpers/server.js';
import { Api, enrolTotp, ensureCompany, launchBrowser, newPage, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'correct horse battery';
const HEAD = { email: 'hanna@grove.test', name: 'Hanna Head' };
const SAM = { email: 'sam@grove.test', name: 'Sam Sales' };
const KIRA = { email: 'kira@grove.test', name: 'Kira Kamova' };
const ACCOUNT = 'Baltic Retail Group';

/** Extra pictures of intermediate states for reviewing the UI (REVIEW_SHOTS=1), outside docs/. */
async function review(page: Page, name: string): Promise<void> {
  if (process.env.REVIEW_SHOTS !== '1') return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(tmpdir(), `grove-review-${name}.png`), fullPage: true });
}

describe('promote and hand over an account', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    for (const [who, role] of [
      [HEAD, 'head'],
      [SAM, 'kam'],
      [KIRA, 'kam'],
    ] as const) {
      const added = await server.cli(
        ['user', 'add', '--email', who.email, '--name', who.name, '--role', role, '--password-stdin'],
        PASSWORD,
      );
      expect(added.code, added.stderr).toBe(0);
    }
    // Sam, an account manager, has had a client since 2024 (imported; regular, not assessed yet) and assessed others
    const file = join(mkdtempSync(join(tmpdir(), 'grove-handover-')), 'accounts.csv');
    writeFileSync(file, `external_id,name,owner_email,owner_since,tier\nBRG-1,${ACCOUNT},${SAM.email},2024-03-01,regular\n`);
    const imported = await server.cli(['import', 'accounts', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const sam = await new Api(server.url).signIn(SAM.email, PASSWORD);
    const found = await sam.request<{ items: { id: string; name: string }[] }>('GET', `/api/accounts?q=${encodeURIComponent(ACCOUNT)}`);
    accountId = found.items.find((a) => a.name === ACCOUNT)!.id;
    const others: [string, 'regular' | 'potential', number[]][] = [
      ['Corner Shop', 'regular', [1, 1, 0, 0, 1, 0, 2]],
      ['Nordic Foods', 'potential', [1, 1, 1, 1, 0, 1, 1]],
      ['Volga Logistics', 'potential', [3, 3, 3, 2, 3, 3, 3]],
      ['Ural Steel', 'regular', [4, 4, 4, 4, 3, 4, 4]],
      ['Amber Pharmacy', 'regular', [3, 2, 3, 2, 2, 3, 2]],
    ];
    for (const [name, tier, values] of others) {
      const a = await sam.request<{ id: string }>('POST', '/api/accounts', { name, tier, city: 'Tallinn' });
      await sam.request('PUT', `/api/accounts/${a.id}/scorecard`, {
        values: Object.fromEntries(criteria.map((c, i) => [c, { value: values[i] }])),
        version: 0,
      });
    }
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-handover-failure.png') }).catch(() => undefined);
    }
  });

  it('the head sets the weights, scores the account, approves its promotion and hands it to a KAM, who then has it', async () => {
    await page.goto(server.url);
    await signIn(page, HEAD.email, PASSWORD);
    await enrolTotp(page);
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('greeting').waitFor();
    await page.getByTestId('retiering-card').waitFor();
    await review(page, 'home-head');

    // Settings → scoring: brand authority weighs more, a key account from 65
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key-account scoring' }).click();
    await page.getByTestId('scoring-form').waitFor();
    await page.getByRole('textbox', { name: 'Authoritative brand: Weight' }).fill('30');
    await page.getByTestId('key-threshold').fill('65');
    // Ural Steel would be key, Amber Pharmacy and Volga Logistics potential; Baltic Retail is not assessed yet
    await expect.poll(() => page.getByTestId('preview-key-count').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('preview-potential-count').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('scoring-save').isEnabled()).toBe(true);
    await shot(page, 'scoring-settings-en');
    await page.getByTestId('scoring-save').click();
    await expect.poll(() => page.getByTestId('scoring-last-saved').textContent()).toContain('Hanna Head');

    // The account: assess it on its overview
    await page.goto(`${server.url}/accounts/${accountId}`);
    const card = page.getByTestId('score-card');
    await card.getByTestId('score-not-assessed').waitFor();
    await card.getByTestId('assess').click();
    const form = page.getByTestId('assess-form');
    await form.waitFor();
    const ratings: Record<string, string> = {
      revenue_loyalty: '5',
      large_interested: '4',
      growth_potential: '4',
      brand_authority: '5',
      industry_expert: '3',
      early_adopter: '2',
      creditworthy_prospect: '4',
    };
    for (const [criterion, value] of Object.entries(ratings)) {
      await form.getByTestId(`criterion-${criterion}`).getByText(value, { exact: true }).click();
    }
    await form.getByTestId('criterion-revenue_loyalty').getByRole('button', { name: '+ Add a reason' }).click();
    await form.getByRole('textbox', { name: 'High revenue and loyal: Why (optional)' }).fill('Top-3 by revenue for two years');
    // weights 25, 15, 15, 30, 10, 10, 10: 20 · 485 / 115 = 84.35
    await expect.poll(() => form.getByTestId('assess-score').textContent()).toBe('84.35');
    await review(page, 'assess-drawer');
    await form.getByTestId('assess-save').click();
    await expect.poll(() => card.getByTestId('score-value').textContent()).toBe('84.35');
    await expect(card.getByTestId('score-explanation').textContent()).resolves.toContain('Score 84.35 ≥ key threshold 65');

    // Re-tiering: run it, approve the promotion
    await page.goto(`${server.url}/accounts/retiering`);
    await page.getByTestId('run-retiering').click();
    const row = page.getByTestId('proposal-row').filter({ hasText: ACCOUNT });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Sam Sales');
    await shot(page, 'retiering-en');
    await row.getByTestId('approve').click();

    // Approving a promotion to key opens the hand-over
    const handover = page.getByTestId('handover-form');
    await handover.waitFor();
    await expect(handover.textContent()).resolves.toContain(`${ACCOUNT} is now a key account`);
    await handover.getByTestId('handover-owner').fill('Kira');
    await page.getByRole('option', { name: new RegExp(`^${KIRA.name}`) }).click();
    await handover.getByTestId('handover-note').fill('Key account now: Kira leads it, Sam stays on the team for the handover.');
    await handover.getByTestId('handover-team-mode').getByText('Change the team').click();
    await handover.getByTestId('team-add').click();
    await handover.getByTestId('team-person-0').fill('Sam');
    await page.getByRole('option', { name: new RegExp(`^${SAM.name}`) }).click();
    await review(page, 'handover-drawer');
    await handover.getByTestId('handover-submit').click();
    await page.getByText(`${KIRA.name} now owns the account.`).waitFor();

    // The account page: new owner, ownership history, team and the timeline entry
    await page.goto(`${server.url}/accounts/${accountId}`);
    await expect.poll(() => page.getByTestId('team-owner').textContent()).toContain(KIRA.name);
    await expect(page.getByTestId('team-members').textContent()).resolves.toContain(SAM.name);
    const history = page.getByTestId('owner-entry');
    await expect.poll(() => history.count()).toBe(2);
    await expect(history.first().textContent()).resolves.toContain('Key account now: Kira leads it');
    await expect(history.first().textContent()).resolves.toContain(KIRA.name);
    await expect(history.nth(1).textContent()).resolves.toContain(SAM.name);
    await expect(page.getByTestId('score-tier').textContent()).resolves.toContain('Key');
    await review(page, 'account-after-handover');
    await page.getByTestId('tab-timeline').click();
    const handedOver = page.locator('[data-testid="timeline-item"][data-kind="ownership.changed"]');
    await handedOver.waitFor();
    await expect(handedOver.textContent()).resolves.toContain(KIRA.name);
    await expect(page.locator('[data-testid="timeline-item"][data-kind="tier.changed"]').count()).resolves.toBe(1);
    await review(page, 'timeline-after-handover');

    // The proposal is decided; the home card has nothing waiting
    await page.goto(`${server.url}/accounts/retiering`);
    await page.getByTestId('proposals-table').or(page.getByTestId('empty-state')).first().waitFor();
    await expect(page.getByTestId('proposal-row').filter({ hasText: ACCOUNT }).count()).resolves.toBe(0);

    // Kira signs in and finds the account in her list
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-submit').waitFor();
    await signIn(page, KIRA.email, PASSWORD);
    await page.getByTestId('greeting').waitFor();
    await page.goto(`${server.url}/accounts`);
    const mine = page.getByTestId('account-row').filter({ hasText: ACCOUNT });
    await mine.waitFor();
    await expect(page.getByTestId('account-row').filter({ hasText: 'Corner Shop' }).count()).resolves.toBe(0);

    // As the owner, Kira runs the team: Sam's hand-over is done, Sam leaves the team
    await mine.click();
    await page.getByTestId('edit-team').click();
    const teamForm = page.getByTestId('team-form');
    await teamForm.getByRole('button', { name: `Remove ${SAM.name}` }).click();
    await teamForm.getByTestId('team-save').click();
    await page.getByText('Team saved.').waitFor();
    await expect.poll(() => page.getByTestId('account-team-card').textContent()).toContain('No one else works on this account yet.');
    await page.goto(`${server.url}/accounts`);

    // In Russian: the score card explains the tier
    await page.getByTestId('language-switch').getByText('RU').click();
    await page.getByRole('navigation', { name: 'Основная навигация' }).waitFor();
    await mine.click();
    const cardRu = page.getByTestId('score-card');
    await cardRu.getByTestId('score-breakdown').waitFor();
    await expect(cardRu.getByTestId('score-explanation').textContent()).resolves.toContain('порога ключевого клиента 65');
    await cardRu.scrollIntoViewIfNeeded();
    await shot(page, 'score-card-ru');
  }, 240_000);
});
