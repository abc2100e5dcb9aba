import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ru } from './ru.js';
import { errorMessage, localeFromHeader } from './translate.js';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('server messages', () => {
  it('has the same keys and the same placeholders in Russian as in English', () => {
    expect(keys(ru)).toEqual(keys(en));
    for (const [code, text] of Object.entries(en.errors))
      expect(placeholders(ru.errors[code as keyof typeof ru.errors]), code).toEqual(placeholders(text));
  });

  it('fills placeholders', () => {
    expect(errorMessage('ru', 'LOGIN_THROTTLED', { minutes: 7 })).toBe('Слишком много неудачных попыток входа. Повторите через 7 мин.');
    expect(errorMessage('en', 'FIELD_FORBIDDEN', { field: 'lastSignInAt' })).toBe('You may not filter or sort by lastSignInAt.');
  });

  it('picks a language from Accept-Language by preference, and nothing for unknown languages', () => {
    expect(localeFromHeader('ru-RU,ru;q=0.9,en-US;q=0.8')).toBe('ru');
    expect(localeFromHeader('de-DE,en;q=0.5,ru;q=0.4')).toBe('en');
    expect(localeFromHeader('fr')).toBeUndefined();
    expect(localeFromHeader(undefined)).toBeUndefined();
    fc.assert(fc.property(fc.string(), (h) => [undefined, 'en', 'ru'].includes(localeFromHeader(h))));
  });
});
