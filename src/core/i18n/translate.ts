import type { Locale } from '../contracts.js';
import { type ErrorCode, en } from './en.js';
import { ru } from './ru.js';

const catalogs = { en, ru } as const;

export function errorMessage(locale: Locale, code: ErrorCode, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale].errors[code] ?? en.errors[code];
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The best of our languages for an Accept-Language header, or undefined. */
export function localeFromHeader(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('en')) return 'en';
  }
  return undefined;
}
