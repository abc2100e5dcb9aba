import { describe, expect, it } from 'vitest';
import { dayBefore, mentionNameOf, parseMentions } from './notifications.rules.js';

describe('parseMentions', () => {
  it('finds @names at the start, after spaces and punctuation, case-insensitively and once each', () => {
    expect(parseMentions('@Anna please ask @boris.k, then (@anna) again')).toEqual(['anna', 'boris.k']);
  });
  it('drops punctuation that ends the sentence', () => {
    expect(parseMentions('Thanks @anna. And @ivan-')).toEqual(['anna', 'ivan']);
  });
  it('ignores e-mail addresses and a lone @', () => {
    expect(parseMentions('write to anna@x.test or @ or @.')).toEqual([]);
  });
  it('reads Cyrillic local parts', () => {
    expect(parseMentions('Привет, @Иван!')).toEqual(['иван']);
  });
  it('no mentions in plain text', () => {
    expect(parseMentions('Call the client tomorrow')).toEqual([]);
  });
});

describe('mentionNameOf', () => {
  it('is the lower-case local part', () => {
    expect(mentionNameOf('Anna.Petrova@Example.test')).toBe('anna.petrova');
  });
});

describe('dayBefore', () => {
  it('crosses month and year ends', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
