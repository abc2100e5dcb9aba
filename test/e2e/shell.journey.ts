import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export const screenshotDir = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Saves docs/screenshots/<name>.png when SCREENSHOTS=1. */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400); // let transitions settle
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s+/g, '')) }).generate();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** The enrolment screen: read the secret, enter a code, continue past the recovery codes. Returns the secret. */
export async function enrolTotp(page: Page): Promise<string> {
  await page.getByTestId('totp-enrolment').waitFor();
  const secret = await page.getByTestId('totp-secret').inputValue();
  await page.getByTestId('totp-code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-factor' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  return secret;
}

/** Opens a Mantine Select by its label and picks an option by its visible name. */
export async function pickOption(
  page: Page,
  label: string | RegExp,
  option: string | RegExp,
  scope?: ReturnType<Page['locator']>,
): Promise<void> {
  const root = scope ?? page.locator('body');
  // A required field's name ends with the asterisk Mantine adds.
  const name = typeof label === 'string' ? new RegExp(`^${label}\\s*\\*?$`) : label;
  await root.getByRole('textbox', { name }).or(root.getByLabel(name)).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A fresh server has no company: set one up (with its own first admin) so that CLI users can be added. */
export async function ensureCompany(url: string, defaultLocale: 'en' | 'ru' = 'en'): Promise<void> {
  const status = (await (await fetch(`${url}/api/setup`)).json()) as { needed: boolean };
  if (!status.needed) return;
  const answer = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      company: { name: 'Northwind Trading', currency: 'RUB', timeZone: 'Europe/Moscow', defaultLocale },
      admin: { email: 'olga@grove.test', name: 'Olga Owner', password: 'another horse battery' },
    }),
  });
  if (answer.status !== 200) throw new Error(`setup failed: ${answer.status} ${await answer.text()}`);
}

/** A signed-in API client (cookie + CSRF), enrolling two-factor when the role requires it. */
export class Api {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly base: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async signIn(email: string, password: string): Promise<this> {
    await this.request('POST', '/api/auth/login', { email, password });
    let me = await this.request<{ csrfToken: string; totpEnrolmentRequired: boolean }>('GET', '/api/me');
    this.csrf = me.csrfToken;
    if (me.totpEnrolmentRequired) {
      const { secret } = await this.request<{ secret: string }>('POST', '/api/me/totp/setup', {});
      await this.request('POST', '/api/me/totp/enable', { code: totpCode(secret) });
      me = await this.request('GET', '/api/me');
      this.csrf = me.csrfToken;
    }
    return this;
  }
}
