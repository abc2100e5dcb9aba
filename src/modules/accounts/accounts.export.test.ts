import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition, neutralizeFormula } from './accounts.export.js';

const triggers = ['=', '+', '-', '@', '\t', '\r'];

describe('neutralizeFormula', () => {
  it('never lets a cell start with a formula trigger, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = neutralizeFormula(text);
        expect(triggers).not.toContain(out[0]);
        if (triggers.includes(text[0] ?? '')) expect(out).toBe(`'${text}`);
        else expect(out).toBe(text);
      }),
    );
  });

  it('escapes the classic payloads', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('Plain name')).toBe('Plain name');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII name and the localized one, percent-encoded', () => {
    expect(contentDisposition({ filename: 'accounts-2026-11-27.csv', localFilename: 'клиенты-2026-11-27.csv' })).toBe(
      `attachment; filename="accounts-2026-11-27.csv"; filename*=UTF-8''${encodeURIComponent('клиенты-2026-11-27.csv')}`,
    );
  });
});
