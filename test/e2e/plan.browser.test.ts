import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { ensureCompany, launchBrowser, newPage, pickOption, screenshotDir, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const KAM = { email: 'marina@grove.test', name: 'Marina Orlova', password: 'correct horse battery' };
const ACCOUNT = 'Baltic Retail Group';
const RU_ACCOUNT = 'ООО «Северный ветер»';

/** A signed-in API client (cookie + CSRF) for setting the scene. */
async function apiAs(base: string, email: string, password: string) {
  const cookies = new Map<string, string>();
  let csrf = '';
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  await request('POST', '/api/auth/login', { email, password });
  csrf = (await request<{ csrfToken: string }>('GET', '/api/me')).csrfToken;
  return request;
}

/** The whole plan when SCREENSHOTS=1: a window as tall as the page, without notifications. */
async function fullShot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  await quiet(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(height, 2400) });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 820 });
}

/** Pictures of intermediate states for reviewing the UI (REVIEW_SHOTS=1), outside docs/. */
async function review(page: Page, name: string): Promise<void> {
  if (process.env.REVIEW_SHOTS !== '1') return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(tmpdir(), `grove-review-${name}.png`) });
}

/** Closes the notifications and moves the pointer away, for a clean picture. */
async function quiet(page: Page): Promise<void> {
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
  await page.mouse.move(0, 0);
}

const hasPdftoppm = () => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Downloads the plan's PDF through the menu; checks it is a PDF. */
async function downloadPdf(page: Page, lang: 'en' | 'ru'): Promise<{ file: string; name: string }> {
  await page.getByTestId('plan-pdf').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`plan-pdf-${lang}`).click();
  const download = await downloading;
  const file = join(tmpdir(), `grove-plan-${lang}-${Date.now()}.pdf`);
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return { file, name: download.suggestedFilename() };
}

describe('the account plan', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let accountId: string;
  let ruAccountId: string;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const added = await server.cli(
      ['user', 'add', '--email', KAM.email, '--name', KAM.name, '--role', 'kam', '--password-stdin'],
      KAM.password,
    );
    expect(added.code, added.stderr).toBe(0);
    const api = await apiAs(server.url, KAM.email, KAM.password);
    accountId = (await api<{ id: string }>('POST', '/api/accounts', { name: ACCOUNT, city: 'Saint Petersburg' })).id;
    ruAccountId = (await api<{ id: string }>('POST', '/api/accounts', { name: RU_ACCOUNT, city: 'Санкт-Петербург', tier: 'potential' })).id;
    const plan = `/api/accounts/${ruAccountId}/plan`;
    await api('PUT', plan, {
      businessGoals:
        'Стать основным поставщиком бакалеи сети на Северо-Западе к 2028 году: 60 % закупок сухих товаров, единый логистический договор, совместные промоакции каждый квартал.',
      version: 0,
    });
    for (const [title, status] of [
      ['Поставки дважды в неделю', 'in_progress'],
      ['Отсрочка платежа 45 дней', 'open'],
      ['Обучение персонала выкладке', 'met'],
    ])
      await api('POST', `${plan}/needs`, { title, status });
    await api('POST', `${plan}/solutions`, {
      title: 'Консигнационный склад в Колпино',
      description: 'Товар на складе клиента, оплата по факту продажи',
      status: 'agreed',
    });
    await api('POST', `${plan}/goals`, { title: 'Снабжать все 20 новых магазинов «у дома»', deadline: '2027-12-31', progress: 60 });
    await api('POST', `${plan}/goals`, { title: 'Запустить ассортимент для интернет-магазина', deadline: '2026-03-31', progress: 20 });
    for (const [quadrant, text] of [
      ['strength', 'Доверие категорийного менеджера'],
      ['strength', 'Весь ассортимент бакалеи с одного склада'],
      ['weakness', 'Доставка только три дня в неделю'],
      ['opportunity', 'Расширение сети в спальных районах'],
      ['threat', '«Нордик Фудс» предлагает отсрочку 60 дней'],
    ])
      await api('POST', `${plan}/swot`, { quadrant, text });
    await api('POST', `${plan}/opportunities`, {
      title: 'Паста под собственной маркой',
      kind: 'new_product',
      amount: '1250000.50',
      probability: 40,
      expectedCloseDate: '2026-12-15',
    });
    await api('POST', `${plan}/opportunities`, {
      title: 'Продление договора на 2027 год',
      kind: 'renewal',
      amount: '8400000.00',
      probability: 80,
      expectedCloseDate: '2027-01-31',
    });
    await api('POST', `${plan}/opportunities`, {
      title: 'Торговое оборудование',
      kind: 'upsell',
      amount: '560000.00',
      probability: 100,
      status: 'won',
    });
    await api('POST', `${plan}/review`, { note: 'Квартальный пересмотр с закупщиком' });
    const rival = await api<{ id: string }>('POST', '/api/competitors', {
      name: 'Нордик Фудс',
      website: 'nordicfoods.example',
      strengths: 'Низкие цены на консервы; отсрочка 60 дней',
      weaknesses: 'Срывы поставок зимой',
    });
    await api('POST', `/api/accounts/${ruAccountId}/competitors`, {
      competitorId: rival.id,
      threat: 'high',
      shareOfWallet: 30,
      products: 'Овощные консервы, молочная продукция',
      priceNotes: 'На 8 % ниже нашей колонки B; отсрочка 60 дней',
      priceIndex: 92,
      lastObserved: '2026-01-15',
    });
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-plan-failure.png'), fullPage: true }).catch(() => undefined);
    }
  });

  it('a KAM fills the plan, marks it reviewed and downloads it as a PDF in both languages', async () => {
    await page.goto(server.url);
    await signIn(page, KAM.email, KAM.password);
    await page.getByTestId('greeting').waitFor();
    await page.goto(`${server.url}/accounts/${accountId}?tab=plan`);

    // The empty state explains what a plan is for
    await page.getByTestId('start-plan').waitFor();
    await review(page, 'plan-empty');
    await page.getByTestId('tab-competitors').click();
    await page.getByTestId('add-presence').waitFor();
    await review(page, 'competitors-empty');
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('start-plan').click();
    await page.getByTestId('plan-tab').waitFor();

    // Business goals
    await page.getByTestId('plan-business-goals').getByRole('button', { name: 'Edit' }).click();
    await page
      .getByTestId('business-goals-input')
      .fill('Become the main grocery supplier of the chain in the North-West by 2028: 60 % of their dry goods, one logistics contract.');
    await page.getByTestId('business-goals-save').click();
    await page.getByTestId('business-goals-text').waitFor();

    // Needs, with a status changed in one click
    for (const need of ['Deliveries twice a week', '45 days of payment terms', 'Merchandising training for store staff']) {
      await page.getByTestId('add-needs').click();
      await page.getByTestId('needs-title').fill(need);
      await page.getByTestId('needs-title').press('Enter');
      await expect.poll(() => page.getByTestId('needs-item').filter({ hasText: need }).count()).toBe(1);
    }
    await page.getByTestId('needs-item').first().getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('menuitem', { name: 'In progress' }).click();
    await expect.poll(() => page.getByTestId('needs-status').first().getAttribute('data-status')).toBe('in_progress');

    // An individual solution
    await page.getByTestId('add-solutions').click();
    await page.getByTestId('solutions-title').fill('Consignment stock at their Kolpino warehouse');
    await page.getByTestId('solutions-save').click();
    await page.getByTestId('solutions-item').waitFor();

    // Long-term goals with deadlines and progress
    for (const [goal, deadline, steps] of [
      ['Supply all 20 new neighbourhood stores', '2027-12-31', 12],
      ['Launch their e-commerce assortment', '2026-03-31', 4],
    ] as const) {
      await page.getByTestId('add-goals').click();
      await page.getByTestId('goals-title').fill(goal);
      await page.getByTestId('goals-deadline').fill(deadline);
      await page.getByTestId('goals-deadline').press('Tab');
      await page.getByTestId('goals-progress').getByRole('slider').focus();
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
      await page.getByTestId('goals-save').click();
      await expect.poll(() => page.getByTestId('goals-item').filter({ hasText: goal }).count()).toBe(1);
    }
    await expect.poll(() => page.getByTestId('goal-overdue').count()).toBe(1);

    // SWOT: type a line and press Enter
    for (const [quadrant, line] of [
      ['strength', 'Trusted by their category buyer'],
      ['strength', 'Full dry-goods range from one warehouse'],
      ['weakness', 'Deliveries only three days a week'],
      ['opportunity', 'Their expansion into neighbourhood stores'],
      ['threat', 'Nordic Foods offers 60 days of credit'],
    ] as const) {
      await page.getByTestId(`swot-add-${quadrant}`).fill(line);
      await page.getByTestId(`swot-add-${quadrant}`).press('Enter');
      await expect.poll(() => page.getByTestId(`swot-${quadrant}`).getByText(line).count()).toBe(1);
    }

    // Opportunities and the weighted pipeline
    for (const [title, amount, probability, kind, close] of [
      ['Private-label pasta for the new stores', '1 250 000,50', '40', 'New product', '2026-12-15'],
      ['Contract renewal for 2027', '8400000', '80', 'Renewal', '2027-01-31'],
    ] as const) {
      await page.getByTestId('add-opportunities').click();
      await page.getByTestId('opportunity-title').fill(title);
      await pickOption(page, 'Kind', kind, page.getByTestId('opportunity-form'));
      await page.getByTestId('opportunity-close').fill(close);
      await page.getByTestId('opportunity-close').press('Tab');
      await page.getByTestId('opportunity-amount').fill(amount);
      await page.getByTestId('opportunity-probability').fill(probability);
      await review(page, 'opportunity-modal');
      await page.getByTestId('opportunity-save').click();
      await expect.poll(() => page.getByTestId('opportunity-row').filter({ hasText: title }).count()).toBe(1);
    }
    // 1 250 000.50 × 40 % + 8 400 000 × 80 % = 500 000.20 + 6 720 000 = 7 220 000.20
    await expect.poll(() => page.getByTestId('weighted-pipeline').textContent()).toBe('₽7,220,000.20');

    // Review
    await page.getByTestId('mark-reviewed').click();
    await page.getByTestId('confirm-reviewed').click();
    await expect.poll(() => page.getByTestId('review-state').getAttribute('data-state')).toBe('scheduled');
    await fullShot(page, 'account-plan-en');

    // The PDF in English
    const en = await downloadPdf(page, 'en');
    expect(en.name).toBe(`Account plan - ${ACCOUNT}.pdf`);

    // In Russian: a plan written in Russian, and its PDF
    await page.getByTestId('language-switch').getByText('RU').click();
    await page.goto(`${server.url}/accounts/${ruAccountId}?tab=plan`);
    await page.getByText('Бизнес-цели клиента').waitFor();
    await expect.poll(() => page.getByTestId('weighted-pipeline').textContent()).toBe('7\u00a0220\u00a0000,20\u00a0₽');
    await expect.poll(() => page.getByTestId('review-state').getAttribute('data-state')).toBe('scheduled');
    await fullShot(page, 'account-plan-ru');
    const ru = await downloadPdf(page, 'ru');
    expect(ru.name).toBe(`План развития клиента - ${RU_ACCOUNT}.pdf`);
    if (process.env.SCREENSHOTS === '1' && hasPdftoppm()) {
      const prefix = join(tmpdir(), `grove-plan-page-${Date.now()}`);
      execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', ru.file, prefix]);
      if (existsSync(`${prefix}.png`)) renameSync(`${prefix}.png`, join(screenshotDir, 'account-plan-pdf-ru.png'));
    }

    // Competitors at the account: the one recorded before, and a new one typed in
    await page.getByTestId('tab-competitors').click();
    await page.getByTestId('presence-card').first().waitFor();
    await page.getByTestId('add-presence').click();
    const form = page.getByTestId('presence-form');
    await form.getByTestId('presence-competitor').fill('Вега Дистрибуция');
    await page.getByRole('option', { name: 'Добавить «Вега Дистрибуция» в справочник' }).click();
    await form.getByTestId('presence-share').fill('15');
    await form.getByTestId('presence-price-notes').fill('Акция «3 по цене 2» на кофе до конца квартала');
    await review(page, 'presence-modal');
    await form.getByTestId('presence-save').click();
    await expect.poll(() => page.getByTestId('presence-card').count()).toBe(2);
    await quiet(page);
    await shot(page, 'account-competitors-ru');

    // The threats list links back to the account
    await page.goto(`${server.url}/competitors`);
    await page.getByTestId('tab-threats').click();
    await expect.poll(() => page.getByTestId('threat-row').count()).toBe(2);
    await shot(page, 'competitors-threats-ru');

    // The catalogue: the competitor typed in on the account is there, with where it is present
    await page.getByTestId('tab-catalogue').click();
    await expect.poll(() => page.getByTestId('competitor-row').count()).toBe(2);
    await page.getByTestId('competitor-row').filter({ hasText: 'Вега Дистрибуция' }).click();
    const drawer = page.getByTestId('competitor-drawer');
    await drawer.getByRole('link', { name: RU_ACCOUNT }).waitFor();
    await review(page, 'competitor-drawer');
    await drawer.getByLabel('Сильные стороны').fill('Гибкие акции для сетей');
    await drawer.getByTestId('competitor-save').click();
    await expect.poll(() => page.getByTestId('competitor-row').filter({ hasText: 'Гибкие акции' }).count()).toBe(1);
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-threats').click();
    await page.getByTestId('threat-row').first().getByRole('link', { name: RU_ACCOUNT }).click();
    await page.getByTestId('competitors-tab').waitFor();
  }, 180_000);
});
