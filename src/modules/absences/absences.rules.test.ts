import { describe, expect, it } from 'vitest';
import { absenceStatus, canDeputise, coversToday, overlaps } from './absences.rules.js';

const a = (firstDay: string, lastDay: string, endedAt: Date | null = null) => ({ firstDay, lastDay, endedAt });

describe('absence window', () => {
  it('covers the first and the last day inclusive, and nothing before or after', () => {
    const trip = a('2026-03-10', '2026-03-12');
    expect(coversToday(trip, '2026-03-09')).toBe(false);
    expect(coversToday(trip, '2026-03-10')).toBe(true);
    expect(coversToday(trip, '2026-03-12')).toBe(true);
    expect(coversToday(trip, '2026-03-13')).toBe(false);
    expect(absenceStatus(trip, '2026-03-09')).toBe('upcoming');
    expect(absenceStatus(trip, '2026-03-13')).toBe('over');
  });

  it('covers a one-day absence on that day only', () => {
    expect(coversToday(a('2026-03-10', '2026-03-10'), '2026-03-10')).toBe(true);
    expect(coversToday(a('2026-03-10', '2026-03-10'), '2026-03-11')).toBe(false);
  });

  it('stops covering at once when ended early, even inside the dates', () => {
    const ended = a('2026-03-10', '2026-03-20', new Date('2026-03-12T09:00:00Z'));
    expect(absenceStatus(ended, '2026-03-12')).toBe('over');
    expect(coversToday(ended, '2026-03-15')).toBe(false);
  });

  it('finds overlaps on a shared day, but not between neighbours or with an ended absence', () => {
    expect(overlaps(a('2026-03-10', '2026-03-12'), a('2026-03-12', '2026-03-14'))).toBe(true);
    expect(overlaps(a('2026-03-10', '2026-03-20'), a('2026-03-12', '2026-03-14'))).toBe(true);
    expect(overlaps(a('2026-03-10', '2026-03-12'), a('2026-03-13', '2026-03-14'))).toBe(false);
    expect(overlaps(a('2026-03-10', '2026-03-12', new Date()), a('2026-03-11', '2026-03-14'))).toBe(false);
  });

  it('lets only someone who can do the work deputise', () => {
    expect(canDeputise('kam', 'senior_kam')).toBe(true);
    expect(canDeputise('senior_kam', 'kam')).toBe(true);
    expect(canDeputise('kam', 'sales_support')).toBe(false);
    expect(canDeputise('kam', 'hr')).toBe(false);
    expect(canDeputise('head', 'kam')).toBe(false);
  });
});
