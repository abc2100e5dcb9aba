import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../src/core/contracts';
import { en } from './en';
import { ru } from './ru';

const STORAGE_KEY = 'grove.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ru';
}

/** Before sign-in: the stored choice, else the browser language. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return navigator.languages?.some((l) => l.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

/** The language chosen on this device, if any (sent at sign-in so that it persists for the user). */
export function chosenLocale(): Locale | undefined {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : undefined;
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

/** Switch the UI language and remember it on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'ru'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export { i18n };
