import type { Params, RowErrorCode } from './messages.js';

/** A refused cell: why, with the parameters of the message. */
export class CellError {
  constructor(
    readonly code: RowErrorCode,
    readonly params: Params = {},
  ) {}
}

/** Turns the text of a non-empty cell into a value, or answers why it cannot. */
export type CellParser<T> = (text: string) => T | CellError;

export const text =
  (max = 500): CellParser<string> =>
  (s) =>
    s.length > max ? new CellError('TOO_LONG', { max }) : s;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const email: CellParser<string> = (s) => {
  const lower = s.toLowerCase();
  return emailPattern.test(lower) && lower.length <= 320 ? lower : new CellError('INVALID_EMAIL');
};

export const oneOf =
  <const T extends string>(values: readonly T[]): CellParser<T> =>
  (s) =>
    (values as readonly string[]).includes(s) ? (s as T) : new CellError('INVALID_CHOICE', { value: s, allowed: values.join(', ') });

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30). */
export const date: CellParser<string> = (s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return new CellError('INVALID_DATE', { value: s });
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
    ? s
    : new CellError('INVALID_DATE', { value: s });
};

export const month: CellParser<string> = (s) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(s) ? s : new CellError('INVALID_MONTH', { value: s }));

/** An exact decimal as text (never a float): digits, optional "." and up to `scale` decimals. */
export const decimal =
  (opts: { scale?: number; min?: number; max?: number } = {}): CellParser<string> =>
  (s) => {
    const scale = opts.scale ?? 2;
    const pattern = new RegExp(`^-?\\d{1,15}(\\.\\d{1,${scale}})?$`);
    if (!pattern.test(s)) return new CellError('INVALID_DECIMAL', { value: s, scale });
    const n = Number(s);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max))
      return new CellError('OUT_OF_RANGE', { value: s, min: opts.min ?? '', max: opts.max ?? '' });
    // canonical text with exactly `scale` decimals, as PostgreSQL's numeric(_, scale) gives it back
    const [whole = '0', fraction = ''] = s.split('.');
    const digits = whole.replace(/^(-?)0+(?=\d)/, '$1');
    return scale > 0 ? `${digits}.${fraction.padEnd(scale, '0')}` : digits;
  };

export const integer =
  (min: number, max: number): CellParser<number> =>
  (s) => {
    if (!/^-?\d{1,9}$/.test(s)) return new CellError('INVALID_INTEGER', { value: s });
    const n = Number(s);
    return n < min || n > max ? new CellError('OUT_OF_RANGE', { value: s, min, max }) : n;
  };

export const boolean: CellParser<boolean> = (s) =>
  s === 'true' ? true : s === 'false' ? false : new CellError('INVALID_BOOLEAN', { value: s });

const currencies = new Set(Intl.supportedValuesOf('currency'));
export const currency: CellParser<string> = (s) => (currencies.has(s) ? s : new CellError('INVALID_CURRENCY', { value: s }));

/** A decimal that must be greater than zero (amounts of invoices and payments, returned quantities). */
export const positiveDecimal =
  (opts: { scale?: number } = {}): CellParser<string> =>
  (s) => {
    const value = decimal({ scale: opts.scale, min: 0 })(s);
    if (value instanceof CellError) return value;
    return /^[0.]+$/.test(value) ? new CellError('NOT_POSITIVE', { value: s }) : value;
  };

const dateTimePattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO 8601 date-time (import-format.md), or a date alone (a whole day of the company calendar; an
 * XLSX date cell at midnight also arrives as a date). The value is canonical text that keeps what the
 * file said: `2026-03-01` (a date), `2026-03-01T09:30:00` (a clock time of the company time zone) or
 * `2026-03-01T09:30:00+03:00` / `…Z` (an instant). `instantOf` turns it into a moment in time.
 * Seconds and milliseconds are optional; the offset may be `Z`, `±HH`, `±HHMM` or `±HH:MM`.
 */
export const dateTime: CellParser<string> = (s) => {
  if (date(s) === s) return s;
  const m = dateTimePattern.exec(s);
  const bad = () => new CellError('INVALID_DATETIME', { value: s });
  if (!m || date(m[1] as string) !== m[1]) return bad();
  const [hh, mm, ss] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  if (hh > 23 || mm > 59 || ss > 59) return bad();
  const fraction = m[5] ? `.${m[5].padEnd(3, '0')}` : '';
  const clock = `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${fraction === '.000' ? '' : fraction}`;
  const zone = m[6];
  if (!zone) return clock;
  if (zone === 'Z') return `${clock}Z`;
  const digits = zone.slice(1).replace(':', '');
  const [oh, om] = [digits.slice(0, 2), digits.slice(2) || '00'];
  if (Number(oh) > 14 || Number(om) > 59) return bad();
  return oh === '00' && om === '00' ? `${clock}Z` : `${clock}${zone[0]}${oh}:${om}`;
};

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset (ms) of a time zone from UTC at an instant. */
function zoneOffset(at: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The moment a `dateTime` value stands for: a clock time without an offset, and a date alone (at
 * midnight, `allDay`), are read in the company time zone. A clock time that a daylight-saving change
 * skips is taken forward by the size of the change, as PostgreSQL does.
 */
export function instantOf(value: string, timeZone: string): { at: Date; allDay: boolean } {
  const allDay = value.length === 10;
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return { at: new Date(value), allDay };
  const local = Date.parse(`${allDay ? `${value}T00:00:00` : value}Z`);
  const first = zoneOffset(local, timeZone);
  const second = zoneOffset(local - first, timeZone);
  return { at: new Date(local - (second === first ? first : second)), allDay };
}
