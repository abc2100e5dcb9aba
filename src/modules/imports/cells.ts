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
