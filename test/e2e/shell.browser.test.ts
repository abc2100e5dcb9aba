import type { Browser, Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { enrolTotp, ensureCompany, launchBrowser, newPage, pickOption, shot, signIn } from './shell.journey';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const ADMIN = { email: 'anna@grove.test', name: 'Anna Admin', password: 'correct horse battery' };

describe('the bilingual shell', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    await ensureCompany(server.url);
    const added = await server.cli(
      ['user', 'add', '--email', ADMIN.email, '--name', ADMIN.name, '--role', 'admin', '--password-stdin'],
      ADMIN.password,
    );
    expect(added.code, added.stderr).toBe(0);
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    // On failure, keep a picture of the page for diagnosis.
    if (ctx.task.result?.state === 'fail' && page) {
      await page.screenshot({ path: join(tmpdir(), 'grove-shell-failure.png') }).catch(() => undefined);
    }
  });

  it('signs in, enrols two-factor, switches language, manages a user, signs out', async () => {
    await page.goto(server.url);

    // Sign-in
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Grove' }).isVisible()).toBe(true);
    await shot(page, 'signin-en');
    await signIn(page, ADMIN.email, ADMIN.password);

    // Two-factor enrolment is required for an admin
    await page.getByTestId('totp-enrolment').waitFor();
    await shot(page, 'totp-enrolment-en');
    await enrolTotp(page);
    await shot(page, 'recovery-codes-en');
    await page.getByTestId('recovery-done').click();

    // Home
    await page.getByTestId('greeting').waitFor();
    await expect(page.getByTestId('greeting').textContent()).resolves.toMatch(/Good (morning|afternoon|evening), Anna/);
    await page.getByTestId('admin-checklist').waitFor();
    await shot(page, 'home-en');

    // Users in English, for the screenshot
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Users' }).click();
    await page.getByTestId('user-row').first().waitFor();
    await shot(page, 'users-en');

    // Audit log in English
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-row').first().click();
    await shot(page, 'audit-en');

    // Switch to Russian: the navigation is Russian, and stays so after a reload
    await nav.getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('language-switch').getByText('RU').click();
    const navRu = page.getByRole('navigation', { name: 'Основная навигация' });
    await navRu.getByRole('link', { name: 'Главная' }).waitFor();
    await expect(navRu.getByRole('link', { name: 'Пользователи' }).isVisible()).resolves.toBe(true);
    await page.reload();
    await navRu.getByRole('link', { name: 'Главная' }).waitFor();
    await expect(navRu.getByRole('link', { name: 'Журнал изменений' }).isVisible()).resolves.toBe(true);
    await page.getByTestId('greeting').waitFor();
    await shot(page, 'home-ru');

    // Settings → Users: create a KAM
    await navRu.getByRole('link', { name: 'Пользователи' }).click();
    await page.getByTestId('user-row').first().waitFor();
    await page.getByTestId('new-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Имя' }).fill('Kirill Kam');
    await dialog.getByRole('textbox', { name: 'Электронная почта' }).fill('kirill@grove.test');
    await pickOption(page, 'Роль', 'KAM', dialog);
    await dialog.getByRole('button', { name: 'Создать и получить ссылку' }).click();
    const link = page.getByTestId('invitation-link');
    await link.waitFor();
    await expect(link.inputValue()).resolves.toMatch(/\/invite\//);
    await shot(page, 'user-invitation-ru');
    await page.getByRole('button', { name: 'Готово' }).click();

    // Edit them: role → senior KAM, then disable
    const row = page.getByTestId('user-row').filter({ hasText: 'kirill@grove.test' });
    await row.waitFor();
    await shot(page, 'users-ru');
    await row.click();
    const drawer = page.getByTestId('edit-user');
    await drawer.waitFor();
    await pickOption(page, 'Роль', 'Старший KAM', drawer);
    await drawer.getByRole('button', { name: 'Сохранить изменения' }).click();
    await expect.poll(() => row.textContent()).toContain('Старший KAM');
    await drawer.getByRole('button', { name: 'Отключить пользователя' }).click();
    await page.getByTestId('confirm-disable').click();
    await expect.poll(() => drawer.getByTestId('user-status').textContent()).toBe('Отключён');
    await shot(page, 'user-edit-ru');
    await page.keyboard.press('Escape');

    // Audit log in Russian
    await navRu.getByRole('link', { name: 'Журнал изменений' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    await shot(page, 'audit-ru');

    // Sign out
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Выйти' }).click();
    await page.getByTestId('sign-in-submit').waitFor();
    await expect(page.getByRole('heading', { name: 'Вход в Grove' }).isVisible()).resolves.toBe(true);
    await shot(page, 'signin-ru');
  }, 180_000);
});
