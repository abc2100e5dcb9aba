import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from './contracts.js';

/**
 * Every printed document of Grove (account plan, KPI report) is made here: pdfmake with the Roboto it
 * ships (Latin, Cyrillic and the rouble sign), so a PDF looks the same for everyone in either language.
 */

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// A document's text is the users' own: it may never make the server fetch a URL or read a file.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));

export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}

/** The colours of the printed documents. */
export const ACCENT = '#2f7d59';
export const MUTED = '#6b7280';
export const RULE = '#d9dee3';
export const HEAD_FILL = '#f2f5f4';

const tags = { en: 'en-US', ru: 'ru-RU' } as const;

/** Roboto has no narrow no-break space (U+202F), which Intl puts in some formats. */
export const pdfSafe = (s: string) => s.replace(/\u202f/g, '\u00a0');

/**
 * The formats of a printed document in its language: business days (27.11.2026 / Nov 27, 2026) and
 * amounts in the currency with two decimals. A decimal string is formatted exactly, never through a float.
 */
export function pdfFormats(lang: Locale, currency: string) {
  const tag = tags[lang];
  const dateOptions: Intl.DateTimeFormatOptions =
    lang === 'ru' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' };
  const day = new Intl.DateTimeFormat(tag, { ...dateOptions, timeZone: 'UTC' });
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat(tag, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
  } catch {
    money = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return {
    tag,
    dateOptions,
    /** a business day, YYYY-MM-DD */
    day: (iso: string) => pdfSafe(day.format(new Date(`${iso}T00:00:00Z`))),
    money: (amount: number | string) => pdfSafe(money.format(amount as Intl.StringNumericLiteral)),
  };
}
