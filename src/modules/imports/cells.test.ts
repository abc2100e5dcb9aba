import { describe, expect, it } from 'vitest';
import { CellError, dateTime, instantOf, positiveDecimal } from './cells.js';

const code = (v: unknown) => (v instanceof CellError ? v.code : v);

describe('dateTime cells', () => {
  it('keeps a date alone, a clock time without offset and an instant, in canonical text', () => {
    expect(dateTime('2026-03-01')).toBe('2026-03-01');
    expect(dateTime('2026-03-01T09:30')).toBe('2026-03-01T09:30:00');
    expect(dateTime('2026-03-01T09:30:15')).toBe('2026-03-01T09:30:15');
    expect(dateTime('2026-03-01T09:30:15.5')).toBe('2026-03-01T09:30:15.500');
    expect(dateTime('2026-03-01T09:30:15.000')).toBe('2026-03-01T09:30:15');
    expect(dateTime('2026-03-01T09:30:00+03:00')).toBe('2026-03-01T09:30:00+03:00');
    expect(dateTime('2026-03-01T09:30:00+0530')).toBe('2026-03-01T09:30:00+05:30');
    expect(dateTime('2026-03-01T09:30:00-05')).toBe('2026-03-01T09:30:00-05:00');
    expect(dateTime('2026-03-01T09:30:00Z')).toBe('2026-03-01T09:30:00Z');
    expect(dateTime('2026-03-01T09:30:00+00:00')).toBe('2026-03-01T09:30:00Z');
  });

  it('refuses what is not an ISO 8601 date-time, naming the value', () => {
    for (const bad of [
      '2026-02-30T10:00:00',
      '2026-03-01T24:00:00',
      '2026-03-01T10:60',
      '2026-03-01T10:00:61',
      '2026-03-01 10:00',
      '01.03.2026 10:00',
      '2026-03-01T10:00:00+15:00',
      '2026-03-01T10:00:00+03:75',
      '2026-03-01T10:00:00.1234',
      '2026-03-01T10',
      'yesterday',
    ]) {
      const result = dateTime(bad);
      expect(code(result), bad).toBe('INVALID_DATETIME');
      expect((result as CellError).params).toEqual({ value: bad });
    }
  });
});

describe('instantOf', () => {
  it('reads an instant as written, whatever the company time zone', () => {
    expect(instantOf('2026-03-01T09:30:00+03:00', 'America/New_York')).toEqual({ at: new Date('2026-03-01T06:30:00Z'), allDay: false });
    expect(instantOf('2026-03-01T09:30:00Z', 'Europe/Moscow').at.toISOString()).toBe('2026-03-01T09:30:00.000Z');
  });

  it('reads a clock time and a date alone in the company time zone', () => {
    expect(instantOf('2026-03-01T09:30:00', 'Europe/Moscow')).toEqual({ at: new Date('2026-03-01T06:30:00Z'), allDay: false });
    expect(instantOf('2026-03-01T09:30:00.250', 'UTC').at.toISOString()).toBe('2026-03-01T09:30:00.250Z');
    expect(instantOf('2026-03-01', 'Europe/Moscow')).toEqual({ at: new Date('2026-02-28T21:00:00Z'), allDay: true });
    expect(instantOf('2026-03-01', 'UTC')).toEqual({ at: new Date('2026-03-01T00:00:00Z'), allDay: true });
    expect(instantOf('2026-01-15T12:00:00', 'America/New_York').at.toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(instantOf('2026-07-15T12:00:00', 'America/New_York').at.toISOString()).toBe('2026-07-15T16:00:00.000Z');
    expect(instantOf('1965-06-01T12:00:00', 'Asia/Kolkata').at.toISOString()).toBe('1965-06-01T06:30:00.000Z');
  });

  it('handles the daylight-saving changes: a skipped clock time moves forward, the hours around them are exact', () => {
    // Europe/Berlin 2026-03-29: 02:00 CET becomes 03:00 CEST
    expect(instantOf('2026-03-29T01:30:00', 'Europe/Berlin').at.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(instantOf('2026-03-29T02:30:00', 'Europe/Berlin').at.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOf('2026-03-29T03:30:00', 'Europe/Berlin').at.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 2026-10-25: 03:00 CEST becomes 02:00 CET again
    expect(instantOf('2026-10-25T01:30:00', 'Europe/Berlin').at.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(instantOf('2026-10-25T03:30:00', 'Europe/Berlin').at.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });
});

describe('positiveDecimal', () => {
  it('accepts amounts above zero at the scale, refuses zero, negatives and too many decimals', () => {
    expect(positiveDecimal({ scale: 2 })('0.01')).toBe('0.01');
    expect(positiveDecimal({ scale: 2 })('1500')).toBe('1500.00');
    expect(positiveDecimal({ scale: 3 })('2.5')).toBe('2.500');
    expect(code(positiveDecimal({ scale: 2 })('0'))).toBe('NOT_POSITIVE');
    expect(code(positiveDecimal({ scale: 2 })('0.00'))).toBe('NOT_POSITIVE');
    expect(code(positiveDecimal({ scale: 2 })('-5'))).toBe('OUT_OF_RANGE');
    expect(code(positiveDecimal({ scale: 2 })('1.005'))).toBe('INVALID_DECIMAL');
  });
});
