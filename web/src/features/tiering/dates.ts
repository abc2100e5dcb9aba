import { formatDate } from '../../i18n/format';

/** A business date (YYYY-MM-DD) in the reader's format, the same day wherever the browser is. */
export function formatDay(day: string, lang: string): string {
  return formatDate(`${day}T00:00:00Z`, lang, 'UTC');
}

/** Today in the company's time zone, as YYYY-MM-DD. */
export function companyToday(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}
