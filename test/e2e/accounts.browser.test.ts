import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embeddedUrl } from '../../src/core/db/embedded.js';
import { readLock } from '../../src/core/db/data-dir-lock.js';
import { startTestServer } from '../helpers/server.js';
import { Api, ensureCompany, launchBrowser, newPage, pickOption, shot, signIn, totpCode } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Extra pictures of intermediate states for reviewing the UI (REVIEW_SHOTS=1), outside docs/. */
async function review(page: Page, name: string): Promise<void> {
  if (process.env.REVIEW_SHOTS !== '1') return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(tmpdir(), `grove-review-${name}.png`) });
}

const PASSWORD = 'correct horse battery';
const HEAD = { email: 'helen@grove.test', name: 'Helen Hale' };
const KIRA = { email: 'kira@grove.test', name: 'Kira Kamova' };
const PAVEL = { email: 'pavel@grove.test', name: 'Pavel Orlov' };
const OLGA = { email: 'olga.s@grove.test', name: 'Olga Smirnova' };

type Seed = {
  name: string;
  owner: string;
  tier?: 'key' | 'potential' | 'regular';
  status?: 'prospect' | 'active' | 'at_risk';
  city: string;
  region: string;
  segment: string;
  industry: string;
  channel: 'b2b' | 'b2c' | 'ecommerce' | 'retail';
  creditLimit?: string;
  inn: string;
  /** stands in for the scoring and interactions modules, not built yet */
  score?: number;
  contactDaysAgo?: number;
  team?: boolean;
};

const seeds: Seed[] = [
  {
    name: 'Volga Trade House',
    owner: 'kira',
    tier: 'key',
    city: 'Samara',
    region: 'Volga',
    segment: 'Wholesale',
    industry: 'Food',
    channel: 'b2b',
    creditLimit: '25000000',
    inn: '6312045678',
    score: 91,
    contactDaysAgo: 2,
  },
  {
    name: 'Ural Steel Works',
    owner: 'kira',
    tier: 'key',
    city: 'Yekaterinburg',
    region: 'Ural',
    segment: 'Manufacturing',
    industry: 'Metals',
    channel: 'b2b',
    creditLimit: '40000000',
    inn: '6671234567',
    score: 87,
    contactDaysAgo: 6,
  },
  {
    name: 'Baltic Retail Group',
    owner: 'kira',
    tier: 'key',
    status: 'at_risk',
    city: 'Saint Petersburg',
    region: 'North-West',
    segment: 'Retail chains',
    industry: 'Retail',
    channel: 'retail',
    creditLimit: '18500000',
    inn: '7801456789',
    score: 78,
    contactDaysAgo: 52,
  },
  {
    name: 'Siberian Agro Holding',
    owner: 'kira',
    tier: 'key',
    city: 'Novosibirsk',
    region: 'Siberia',
    segment: 'Agriculture',
    industry: 'Food',
    channel: 'b2b',
    creditLimit: '12000000',
    inn: '5406789012',
    score: 83,
    contactDaysAgo: 9,
  },
  {
    name: 'Kama Tyres',
    owner: 'kira',
    tier: 'potential',
    city: 'Nizhnekamsk',
    region: 'Volga',
    segment: 'Manufacturing',
    industry: 'Automotive',
    channel: 'b2b',
    creditLimit: '7500000',
    inn: '1651012345',
    score: 64,
    contactDaysAgo: 14,
  },
  {
    name: 'Moskva Fresh Market',
    owner: 'kira',
    tier: 'potential',
    city: 'Moscow',
    region: 'Central',
    segment: 'Retail chains',
    industry: 'Food',
    channel: 'retail',
    creditLimit: '5000000',
    inn: '7704123456',
    score: 58,
    contactDaysAgo: 21,
  },
  {
    name: 'Don Grain Export',
    owner: 'kira',
    tier: 'regular',
    city: 'Rostov-on-Don',
    region: 'South',
    segment: 'Wholesale',
    industry: 'Agriculture',
    channel: 'b2b',
    creditLimit: '3000000',
    inn: '6164012345',
    score: 41,
    contactDaysAgo: 33,
  },
  {
    name: 'Kazan Pharma Distribution',
    owner: 'kira',
    tier: 'potential',
    city: 'Kazan',
    region: 'Volga',
    segment: 'Distribution',
    industry: 'Pharmaceuticals',
    channel: 'b2b',
    creditLimit: '9000000',
    inn: '1655123456',
    score: 69,
    contactDaysAgo: 4,
  },
  {
    name: 'Amur Fish Company',
    owner: 'kira',
    tier: 'regular',
    city: 'Khabarovsk',
    region: 'Far East',
    segment: 'Wholesale',
    industry: 'Food',
    channel: 'b2b',
    inn: '2721012345',
    score: 35,
    contactDaysAgo: 75,
  },
  {
    name: 'Northern Lights Hotels',
    owner: 'kira',
    tier: 'regular',
    city: 'Murmansk',
    region: 'North-West',
    segment: 'Horeca',
    industry: 'Hospitality',
    channel: 'b2b',
    creditLimit: '1500000',
    inn: '5190123456',
    score: 28,
    contactDaysAgo: 40,
  },
  {
    name: 'TechnoPark Online',
    owner: 'kira',
    tier: 'potential',
    city: 'Moscow',
    region: 'Central',
    segment: 'E-commerce',
    industry: 'Electronics',
    channel: 'ecommerce',
    creditLimit: '6000000',
    inn: '7725123456',
    score: 61,
    contactDaysAgo: 1,
  },
  {
    name: 'Yenisei Energy',
    owner: 'kira',
    tier: 'regular',
    status: 'at_risk',
    city: 'Krasnoyarsk',
    region: 'Siberia',
    segment: 'Industrial',
    industry: 'Energy',
    channel: 'b2b',
    creditLimit: '2500000',
    inn: '2466123456',
    score: 33,
    contactDaysAgo: 95,
  },
  {
    name: 'Caspian Foods',
    owner: 'kira',
    tier: 'regular',
    city: 'Astrakhan',
    region: 'South',
    segment: 'Wholesale',
    industry: 'Food',
    channel: 'b2b',
    inn: '3015123456',
    score: 22,
    contactDaysAgo: 18,
  },
  {
    name: 'Altai Honey Farms',
    owner: 'kira',
    tier: 'potential',
    status: 'prospect',
    city: 'Barnaul',
    region: 'Siberia',
    segment: 'Agriculture',
    industry: 'Food',
    channel: 'b2c',
    inn: '2225123456',
  },
  {
    name: 'Sochi Resort Group',
    owner: 'kira',
    tier: 'potential',
    status: 'prospect',
    city: 'Sochi',
    region: 'South',
    segment: 'Horeca',
    industry: 'Hospitality',
    channel: 'b2b',
    inn: '2320123456',
  },
  {
    name: 'Tula Samovar Factory',
    owner: 'kira',
    tier: 'regular',
    city: 'Tula',
    region: 'Central',
    segment: 'Manufacturing',
    industry: 'Consumer goods',
    channel: 'retail',
    creditLimit: '800000',
    inn: '7106123456',
    score: 47,
    contactDaysAgo: 12,
  },
  {
    name: 'Pskov Dairy',
    owner: 'kira',
    tier: 'regular',
    city: 'Pskov',
    region: 'North-West',
    segment: 'Manufacturing',
    industry: 'Food',
    channel: 'b2b',
    creditLimit: '1200000',
    inn: '6027123456',
    score: 39,
    contactDaysAgo: 27,
  },
  {
    name: 'Vladivostok Port Logistics',
    owner: 'pavel',
    tier: 'key',
    city: 'Vladivostok',
    region: 'Far East',
    segment: 'Logistics',
    industry: 'Transport',
    channel: 'b2b',
    creditLimit: '30000000',
    inn: '2536123456',
    score: 88,
    contactDaysAgo: 3,
    team: true,
  },
  {
    name: 'Perm Chemicals',
    owner: 'pavel',
    tier: 'key',
    city: 'Perm',
    region: 'Ural',
    segment: 'Industrial',
    industry: 'Chemicals',
    channel: 'b2b',
    creditLimit: '22000000',
    inn: '5902123456',
    score: 80,
    contactDaysAgo: 11,
    team: true,
  },
  {
    name: 'Golden Ring Bakeries',
    owner: 'olga',
    tier: 'potential',
    city: 'Yaroslavl',
    region: 'Central',
    segment: 'Retail chains',
    industry: 'Food',
    channel: 'retail',
    creditLimit: '4000000',
    inn: '7604123456',
    score: 55,
    contactDaysAgo: 8,
    team: true,
  },
  {
    name: 'Karelia Timber',
    owner: 'olga',
    tier: 'regular',
    city: 'Petrozavodsk',
    region: 'North-West',
    segment: 'Manufacturing',
    industry: 'Timber',
    channel: 'b2b',
    creditLimit: '2000000',
    inn: '1001123456',
    score: 44,
    contactDaysAgo: 60,
    team: true,
  },
  {
    name: 'Omsk Oil Services',
    owner: 'pavel',
    tier: 'regular',
    city: 'Omsk',
    region: 'Siberia',
    segment: 'Industrial',
    industry: 'Energy',
    channel: 'b2b',
    inn: '5503123456',
    score: 30,
    contactDaysAgo: 15,
  },
];

describe('accounts: the list a KAM lives in, and the account page', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let kiraApi: Api;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const add = async (u: { email: string; name: string }, role: string, manager?: string) => {
      const args = ['user', 'add', '--email', u.email, '--name', u.name, '--role', role, '--password-stdin'];
      const r = await server.cli(manager ? [...args, '--manager', manager] : args, PASSWORD);
      expect(r.code, r.stderr).toBe(0);
    };
    await add(HEAD, 'head');
    await add(KIRA, 'kam', HEAD.email);
    await add(PAVEL, 'kam', HEAD.email);
    await add(OLGA, 'kam', HEAD.email);

    const head = await new Api(server.url).signIn(HEAD.email, PASSWORD);
    const users = await head.request<{ items: { id: string; email: string }[] }>('GET', '/api/users?limit=50');
    const userId = (email: string) => users.items.find((u) => u.email === email)?.id as string;
    const owners = { kira: userId(KIRA.email), pavel: userId(PAVEL.email), olga: userId(OLGA.email) };
    for (const s of seeds) {
      const created = await head.request<{ id: string }>('POST', '/api/accounts', {
        name: s.name,
        ownerId: owners[s.owner as keyof typeof owners],
        tier: s.tier ?? 'regular',
        status: s.status ?? 'active',
        city: s.city,
        region: s.region,
        segment: s.segment,
        industry: s.industry,
        channel: s.channel,
        registrationNo: s.inn,
        creditLimit: s.creditLimit ?? null,
        paymentTermsDays: s.creditLimit ? 30 : null,
        priceColumn: s.tier === 'key' ? 'Key accounts' : 'Base',
        ...(s.status === 'prospect' ? { source: 'Trade fair “Prodexpo”', nextStep: 'Meet the purchasing director' } : {}),
      });
      ids.set(s.name, created.id);
    }
    // Kira serves some of her colleagues' key accounts; the scores and last contacts stand in for the
    // scoring and interactions modules, which write them (not built yet).
    const lock = readLock(server.dataDir);
    const db = new pg.Client({ connectionString: embeddedUrl(server.dataDir, lock?.pgPort as number) });
    await db.connect();
    for (const s of seeds) {
      const id = ids.get(s.name);
      if (s.team) await db.query(`INSERT INTO account_team (account_id, user_id, role) VALUES ($1, $2, 'junior_kam')`, [id, owners.kira]);
      await db.query(
        `UPDATE accounts SET score = $2, last_contact_at = CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END,
           plan_updated_at = CASE WHEN tier = 'key' AND name <> 'Baltic Retail Group' THEN now() - interval '20 days' END WHERE id = $1`,
        [id, s.score ?? null, s.contactDaysAgo ?? null],
      );
    }
    await db.end();
    await head.request('POST', `/api/accounts/${ids.get('Volga Trade House')}/notes`, {
      body: 'Quarterly review with the purchasing director: they plan to open 12 new stores next year and want a single supplier for dry goods.',
    });
    kiraApi = await new Api(server.url).signIn(KIRA.email, PASSWORD);
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-accounts-failure.png') }).catch(() => undefined);
    }
  });

  it('creates, finds, edits, notes, resolves a conflict and exports', async () => {
    await page.goto(server.url);
    await signIn(page, KIRA.email, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Accounts' }).click();
    await page.getByTestId('account-row').first().waitFor();
    await expect.poll(() => page.getByTestId('account-row').count()).toBe(seeds.length - 1); // Omsk Oil is Pavel's alone
    await shot(page, 'accounts-list-en');

    // New account: a prospect with its source and next step
    await page.getByTestId('new-account').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name\s*\*?$/ }).fill('Baikal Logistics');
    await pickOption(page, 'Status', 'Prospect', dialog);
    await dialog.getByRole('textbox', { name: 'Source' }).fill('Referral from Volga Trade House');
    await dialog.getByRole('textbox', { name: 'Next step' }).fill('Call the CEO on Monday');
    await dialog.getByRole('textbox', { name: 'City' }).fill('Irkutsk');
    await review(page, 'new-account');
    await dialog.getByTestId('create-account').click();
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe('Baikal Logistics');
    await expect.poll(() => page.getByTestId('prospect-card').textContent()).toContain('Call the CEO on Monday');

    // Find it by search from the list
    await page.getByRole('link', { name: 'Accounts' }).first().click();
    await page.getByTestId('accounts-search').fill('baikal');
    await expect.poll(() => page.getByTestId('account-row').count()).toBe(1);
    await review(page, 'search');
    await page.getByTestId('account-row').first().click();
    await page.getByTestId('account-name').waitFor();
    await review(page, 'prospect-page');

    // Edit: city and credit limit, seen on the timeline
    await page.getByTestId('edit-account').click();
    const form = page.getByTestId('edit-account-form');
    await form.getByRole('textbox', { name: 'City' }).fill('Ulan-Ude');
    await form.getByRole('textbox', { name: 'Credit limit' }).fill('1500000');
    await review(page, 'edit-drawer');
    await form.getByTestId('save-account').click();
    await expect.poll(() => page.getByTestId('fact-credit-limit').textContent()).toContain('1,500,000.00');
    await page.getByTestId('tab-timeline').click();
    const first = page.getByTestId('timeline-item').first();
    await expect.poll(() => first.textContent()).toContain('Kira Kamova changed city, credit limit');
    await expect.poll(() => first.textContent()).toContain('Ulan-Ude');

    // A note
    await page.getByTestId('note-input').fill('Met their logistics head: interested in a pilot in Q1.');
    await page.getByTestId('add-note').click();
    await expect.poll(() => page.getByTestId('timeline-item').first().textContent()).toContain('interested in a pilot in Q1');
    await review(page, 'timeline');

    // A colleague saves while Kira edits: the conflict is explained, her values survive the reload
    const accountId = page.url().split('/accounts/')[1]?.split('?')[0] as string;
    await page.getByTestId('edit-account').click();
    await form.getByRole('textbox', { name: 'Phone' }).fill('+7 3012 555 000');
    const current = await kiraApi.request<{ version: number }>('GET', `/api/accounts/${accountId}`);
    await kiraApi.request('PATCH', `/api/accounts/${accountId}`, { website: 'baikal-logistics.example', version: current.version });
    await form.getByTestId('save-account').click();
    await page.getByTestId('conflict-alert').waitFor();
    await review(page, 'conflict');
    await expect(page.getByTestId('conflict-alert').textContent()).resolves.toContain('Someone else changed this account');
    await form.getByTestId('conflict-reload').click();
    await page.getByTestId('conflict-reloaded').waitFor();
    await review(page, 'conflict-reloaded');
    await expect(form.getByRole('textbox', { name: 'Phone' }).inputValue()).resolves.toBe('+7 3012 555 000');
    await expect(form.getByRole('textbox', { name: 'Website' }).inputValue()).resolves.toBe('baikal-logistics.example');
    await form.getByTestId('save-account').click();
    await page.getByTestId('edit-account-form').waitFor({ state: 'detached' });
    const saved = await kiraApi.request<{ phone: string; website: string }>('GET', `/api/accounts/${accountId}`);
    expect(saved).toMatchObject({ phone: '+7 3012 555 000', website: 'baikal-logistics.example' });

    // Export the list as CSV
    await page.getByRole('link', { name: 'Accounts' }).first().click();
    await page.getByTestId('accounts-search').fill('');
    await expect.poll(() => page.getByTestId('account-row').count()).toBe(seeds.length);
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Name,Tier,Status,Owner,Score,Last contact,City');
    expect(lines).toHaveLength(seeds.length + 1);
    expect(csv).toContain('Baikal Logistics,Regular,Prospect,Kira Kamova');

    // Built-in views
    await page.getByTestId('views-bar').getByText('Prospects', { exact: true }).click();
    await expect.poll(() => page.getByTestId('account-row').count()).toBe(3);
    await review(page, 'view-prospects');
    await page.getByTestId('more-filters').click();
    await review(page, 'more-filters');
    await page.keyboard.press('Escape');
    await page.getByTestId('views-bar').getByText('All accounts', { exact: true }).click();
    await expect.poll(() => page.getByTestId('account-row').count()).toBe(seeds.length);

    // The command palette finds accounts on the server, also by a word only the server matches (INN)
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Search accounts, pages or people…').fill('6671234');
    const option = page.locator('.mantine-Spotlight-action', { hasText: 'Ural Steel Works' });
    await option.waitFor();
    await review(page, 'palette');
    await option.click();
    await expect.poll(() => page.getByTestId('account-name').textContent()).toBe('Ural Steel Works');
  });

  it('shows the account page and the list in English and Russian', async () => {
    await page.goto(`${server.url}/accounts/${ids.get('Volga Trade House')}`);
    await page.getByTestId('essentials').waitFor();
    await shot(page, 'account-page-en');
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline-item').first().waitFor();
    await review(page, 'timeline-volga');
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('essentials').waitFor();

    await page.getByTestId('language-switch').getByText('RU').click();
    await page.getByRole('tab', { name: 'Обзор' }).waitFor();
    await expect.poll(() => page.getByTestId('fact-credit-limit').textContent()).toMatch(/25\s000\s000,00\s₽/);
    await shot(page, 'account-page-ru');

    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Клиенты' }).click();
    await page.getByTestId('account-row').first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Выгрузить' }).isVisible()).toBe(true);
    await shot(page, 'accounts-list-ru');
    await page.getByTestId('new-account').click();
    await review(page, 'new-account-ru');
  });
});
