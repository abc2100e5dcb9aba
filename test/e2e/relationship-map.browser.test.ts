import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const SENIOR = { email: 'sergey@grove.test', name: 'Sergey Senior', password: 'correct horse battery' };
const KAM = { email: 'kira@grove.test', name: 'Kira Kam', password: 'correct horse battery' };

/** The API as the signed-in browser (its cookies, its CSRF token). */
async function apiOf(page: Page, base: string) {
  const me = (await (await page.request.get(`${base}/api/me`)).json()) as { id: string; csrfToken: string };
  const call = async <T>(method: 'post' | 'put' | 'patch', path: string, body: unknown): Promise<T> => {
    const res = await page.request[method](`${base}${path}`, { data: body, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as T;
  };
  return { me, base, call, get: async <T>(path: string) => (await (await page.request.get(`${base}${path}`)).json()) as T };
}

const nodeOf = (page: Page, name: string) => page.locator('.react-flow__node', { has: page.locator(`[data-name="${name}"]`) });

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Waits until the map has stopped moving (framing animations), so what we aim at stays put. */
async function still(page: Page) {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/** Draws a reports-to line on the map: from the dot under the manager onto the report's card. */
async function connect(page: Page, manager: string, report: string) {
  await still(page);
  const from = await centre(nodeOf(page, manager).locator('.react-flow__handle.source'));
  const to = await centre(nodeOf(page, report));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 20, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function addStakeholder(
  page: Page,
  person: {
    name: string;
    title: string;
    role?: string;
    influence?: string;
    attitude?: string;
    strength?: string;
    owner?: string;
    reportsTo?: string;
    /** typed as YYYY-MM-DD */
    lastContact?: string;
  },
) {
  await page.getByTestId('add-stakeholder').click();
  const form = page.getByTestId('contact-form');
  await form.getByRole('textbox', { name: /^Full name/ }).fill(person.name);
  await form.getByRole('textbox', { name: 'Job title' }).fill(person.title);
  if (person.email) await form.getByRole('textbox', { name: 'E-mail' }).fill(person.email);
  if (person.phone) await form.getByRole('textbox', { name: 'Phone' }).fill(person.phone);
  if (person.role) await pickOption(page, 'Buying role', person.role, form);
  if (person.reportsTo) await pickOption(page, 'Reports to', person.reportsTo, form);
  if (person.attitude) await pickOption(page, 'Attitude to us', person.attitude, form);
  if (person.influence) await pickOption(page, 'Influence', person.influence, form);
  if (person.strength) await pickOption(page, 'Relationship strength', person.strength, form);
  if (person.owner) await pickOption(page, 'Our relation owner', person.owner, form);
  if (person.lastContact) {
    await form.getByRole('textbox', { name: 'Last contact' }).fill(person.lastContact);
    await form.getByRole('textbox', { name: 'Full name' }).click();
  }
  await form.getByTestId('contact-submit').click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId('stakeholder-row').filter({ hasText: person.name }).waitFor();
}

/** Before a picture: no toasts, no tooltip under the mouse. */
async function settle(page: Page) {
  await page.mouse.move(5, 700);
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
  await page
    .locator('.mantine-Notification-root')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

const warning = (page: Page, code: string) => page.getByTestId(`warning-${code}`);
/** Where a card is drawn on the map, as `x,y` in map coordinates. */
const nodeAt = (page: Page, name: string) =>
  nodeOf(page, name).evaluate((el) => ((el as HTMLElement).style.transform.match(/-?[\d.]+/g) ?? []).join(','));

describe('stakeholders and the relationship map', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const senior = await server.cli(
      ['user', 'add', '--email', SENIOR.email, '--name', SENIOR.name, '--role', 'senior_kam', '--password-stdin'],
      SENIOR.password,
    );
    expect(senior.code, senior.stderr).toBe(0);
    const kam = await server.cli(
      ['user', 'add', '--email', KAM.email, '--name', KAM.name, '--role', 'kam', '--manager', SENIOR.email, '--password-stdin'],
      KAM.password,
    );
    expect(kam.code, kam.stderr).toBe(0);
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-relationship-map-failure.png') }).catch(() => undefined);
    }
  });

  it('builds a relationship map', async () => {
    await page.goto(server.url);
    await signIn(page, KAM.email, KAM.password);
    await page.getByTestId('greeting').waitFor();
    const api = await apiOf(page, server.url);
    const account = await api.call<{ id: string }>('post', '/api/accounts', { name: 'Northwind Foods', tier: 'potential' });

    // An empty account explains what belongs here
    await page.goto(`${server.url}/accounts/${account.id}?tab=stakeholders`);
    await page.getByTestId('empty-state').getByText('No stakeholders yet').waitFor();

    // The first stakeholder: we know someone, but nobody who decides
    await addStakeholder(page, {
      name: 'Pavel Orlov',
      title: 'Procurement manager',
      role: 'User',
      owner: 'Kira Kam (you)',
      strength: '3 · Good',
      lastContact: '2026-01-15',
    });
    const pavelRow = page.getByTestId('stakeholder-row').filter({ hasText: 'Pavel Orlov' });
    await expect.poll(() => pavelRow.textContent()).toContain('Jan 15, 2026');
    await warning(page, 'no_decision_maker').waitFor();
    await warning(page, 'single_threaded').waitFor();
    await warning(page, 'no_champion').waitFor();

    // A decision maker we know well: both warnings go
    await addStakeholder(page, {
      name: 'Irina Volkova',
      title: 'Chief executive',
      email: 'i.volkova@northwind-foods.test',
      phone: '+7 (495) 123-45-67',
      role: 'Decision maker',
      influence: '5 · Decisive',
      attitude: 'Neutral',
      strength: '4 · Strong',
    });
    await warning(page, 'no_decision_maker').waitFor({ state: 'detached' });
    await warning(page, 'single_threaded').waitFor({ state: 'detached' });
    const irina = page.getByTestId('stakeholder-row').filter({ hasText: 'Irina Volkova' });
    await expect(irina.getByRole('link', { name: 'Write to i.volkova@northwind-foods.test' }).getAttribute('href')).resolves.toBe(
      'mailto:i.volkova@northwind-foods.test',
    );
    await expect(irina.getByRole('link', { name: /^Call/ }).getAttribute('href')).resolves.toBe('tel:+74951234567');

    // A champion reporting to her (through the form)
    await addStakeholder(page, {
      name: 'Nina Sokolova',
      title: 'Head of category',
      role: 'Champion',
      influence: '3 · Medium',
      attitude: 'Supporter',
      strength: '4 · Strong',
      reportsTo: 'Irina Volkova · Chief executive',
    });
    await warning(page, 'no_champion').waitFor({ state: 'detached' });
    const ninaRow = page.getByTestId('stakeholder-row').filter({ hasText: 'Nina Sokolova' });
    await expect.poll(() => ninaRow.textContent()).toContain('Irina Volkova');

    // A CFO who opposes us: a new warning, naming him
    await addStakeholder(page, {
      name: 'Oleg Belov',
      title: 'Finance director',
      role: 'Economic buyer',
      influence: '4 · High',
      attitude: 'Opponent',
    });
    await expect.poll(() => warning(page, 'opponent_decision_maker').textContent()).toContain('Oleg Belov');
    await settle(page);
    await shot(page, 'stakeholders-en');

    // The map: four cards, one line so far
    await page.getByTestId('stakeholders-view').locator('label', { hasText: 'Relationship map' }).click();
    await page.getByTestId('relationship-map').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await page.getByTestId('map-legend').waitFor();

    // Draw two lines: the CFO and the procurement manager report to the CEO and the champion
    await connect(page, 'Irina Volkova', 'Oleg Belov');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await page.getByText('Oleg Belov now reports to Irina Volkova').waitFor();
    await connect(page, 'Nina Sokolova', 'Pavel Orlov');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await page.getByText('Pavel Orlov now reports to Nina Sokolova').waitFor();
    type MapT = { nodes: { fullName: string; reportsTo: { name: string } | null; mapX: number | null; mapY: number | null }[] };
    const saved = await api.get<MapT>(`/api/accounts/${account.id}/relationship-map`);
    expect(Object.fromEntries(saved.nodes.map((n) => [n.fullName, n.reportsTo?.name ?? null]))).toEqual({
      'Irina Volkova': null,
      'Nina Sokolova': 'Irina Volkova',
      'Oleg Belov': 'Irina Volkova',
      'Pavel Orlov': 'Nina Sokolova',
    });
    // a line that would close a circle is refused on the map already
    await connect(page, 'Pavel Orlov', 'Irina Volkova');
    await page.waitForTimeout(300);
    expect(await page.locator('.react-flow__edge').count()).toBe(3);

    // Move a card: the position is saved and survives a reload
    await page.getByText('Laid out automatically').waitFor();
    await still(page);
    const start = await centre(nodeOf(page, 'Oleg Belov'));
    await page.mouse.move(start.x, start.y - 20);
    await page.mouse.down();
    await page.mouse.move(start.x + 80, start.y + 40, { steps: 10 });
    await page.mouse.move(start.x + 160, start.y + 70, { steps: 10 });
    await page.mouse.up();
    await page.getByText('All changes saved').waitFor();
    const stored = await api.get<MapT>(`/api/accounts/${account.id}/relationship-map`);
    const oleg = stored.nodes.find((n) => n.fullName === 'Oleg Belov')!;
    expect(oleg.mapX).not.toBeNull();
    // the whole layout was kept as seen, not just the card that moved
    expect(stored.nodes.every((n) => n.mapX !== null && n.mapY !== null)).toBe(true);
    const moved = `${oleg.mapX},${oleg.mapY}`;
    await expect.poll(() => nodeAt(page, 'Oleg Belov')).toBe(moved);

    await page.reload();
    await page.getByTestId('relationship-map').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await expect.poll(() => nodeAt(page, 'Oleg Belov')).toBe(moved);

    // Export the chart as a picture named after the account
    const download = page.waitForEvent('download');
    await page.getByTestId('map-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Northwind Foods - relationship map.png');
    const path = join(tmpdir(), `grove-map-${Date.now()}.png`);
    await file.saveAs(path);
    expect(statSync(path).size).toBeGreaterThan(10_000);

    // Tidy it up again and take the picture for the docs
    await page.getByTestId('map-arrange').click();
    await page.getByText('Laid out automatically').waitFor();
    await settle(page);
    await shot(page, 'relationship-map-en');

    // Russian: a believable org chart of a larger client
    await russianClient(page, api);
    await page.getByTestId('language-switch').getByText('RU').click();
    await page.getByTestId('stakeholders-view').locator('label', { hasText: 'Карта отношений' }).waitFor();
    await page.getByTestId('relationship-map').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(8);
    await page.getByTestId('warning-opponent_decision_maker').waitFor();
    await settle(page);
    await shot(page, 'relationship-map-ru');
  }, 240_000);
});

/** An account with eight people, their lines and our relation owners, then its page. */
async function russianClient(page: Page, api: Awaited<ReturnType<typeof apiOf>>) {
  const account = await api.call<{ id: string }>('post', '/api/accounts', { name: 'ООО «Северный ветер»', tier: 'potential' });
  const users = await api.get<{ items: { id: string; name: string }[] }>('/api/users');
  const senior = users.items.find((u) => u.name === SENIOR.name)!.id;
  const kira = api.me.id;
  const ids = new Map<string, string>();
  const people = [
    {
      fullName: 'Андрей Викторович Морозов',
      title: 'Генеральный директор',
      buyingRole: 'decision_maker',
      influence: 5,
      attitude: 'neutral',
      relationshipStrength: 3,
      relationOwnerId: senior,
    },
    {
      fullName: 'Елена Сергеевна Кузнецова',
      title: 'Финансовый директор',
      buyingRole: 'economic_buyer',
      influence: 4,
      attitude: 'opponent',
      relationshipStrength: 2,
      reportsTo: 'Андрей Викторович Морозов',
    },
    {
      fullName: 'Дмитрий Павлов',
      title: 'Коммерческий директор',
      buyingRole: 'decision_maker',
      influence: 5,
      attitude: 'supporter',
      relationshipStrength: 4,
      relationOwnerId: kira,
      reportsTo: 'Андрей Викторович Морозов',
    },
    {
      fullName: 'Ольга Смирнова',
      title: 'Руководитель отдела закупок',
      buyingRole: 'influencer',
      influence: 4,
      attitude: 'supporter',
      relationshipStrength: 5,
      relationOwnerId: kira,
      reportsTo: 'Дмитрий Павлов',
    },
    {
      fullName: 'Игорь Лебедев',
      title: 'Категорийный менеджер',
      buyingRole: 'champion',
      influence: 3,
      attitude: 'supporter',
      relationshipStrength: 4,
      relationOwnerId: kira,
      reportsTo: 'Ольга Смирнова',
    },
    {
      fullName: 'Марина Козлова',
      title: 'Главный бухгалтер',
      buyingRole: 'user',
      influence: 2,
      attitude: 'neutral',
      relationshipStrength: 2,
      reportsTo: 'Елена Сергеевна Кузнецова',
    },
    {
      fullName: 'Сергей Новиков',
      title: 'Руководитель склада',
      buyingRole: 'user',
      influence: 2,
      attitude: 'neutral',
      relationshipStrength: 3,
      reportsTo: 'Дмитрий Павлов',
    },
    {
      fullName: 'Анна Фёдорова',
      title: 'Помощник генерального директора',
      buyingRole: 'gatekeeper',
      influence: 2,
      attitude: 'supporter',
      relationshipStrength: 3,
      relationOwnerId: senior,
      reportsTo: 'Андрей Викторович Морозов',
    },
  ];
  for (const { reportsTo, ...person } of people) {
    const created = await api.call<{ id: string }>('post', `/api/accounts/${account.id}/contacts`, {
      ...person,
      ...(reportsTo ? { reportsToId: ids.get(reportsTo) } : {}),
    });
    ids.set(person.fullName, created.id);
  }
  await page.goto(`${api.base}/accounts/${account.id}?tab=stakeholders`);
}
