import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycle, managersAbove, type ParentMap, wouldCreateCycle } from './contacts.hierarchy.js';

const lines = (pairs: [string, string | null][]): Map<string, string | null> => new Map(pairs);

/** A random forest: each person reports to nobody or to someone listed before them. */
const arbForest: fc.Arbitrary<Map<string, string | null>> = fc
  .integer({ min: 1, max: 15 })
  .chain((n) =>
    fc
      .tuple(
        ...Array.from({ length: n }, (_, i) =>
          i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: null }),
        ),
      )
      .map((managers) => new Map(managers.map((m, i) => [`p${i}`, m === null ? null : `p${m}`]))),
  );

/** The cycle check by brute force: follow the lines n steps and see whether we come back. */
function loopsBack(parents: ParentMap, start: string): boolean {
  let at: string | null | undefined = parents.get(start);
  for (let i = 0; i <= parents.size && at; i++) {
    if (at === start) return true;
    at = parents.get(at);
  }
  return false;
}

describe('reports-to lines', () => {
  it('lists the managers above someone, nearest first', () => {
    const org = lines([
      ['ceo', null],
      ['cfo', 'ceo'],
      ['accountant', 'cfo'],
    ]);
    expect(managersAbove(org, 'accountant')).toEqual(['cfo', 'ceo']);
    expect(managersAbove(org, 'ceo')).toEqual([]);
  });

  it('refuses to let someone report to themselves or to anyone below them', () => {
    const org = lines([
      ['ceo', null],
      ['cfo', 'ceo'],
      ['accountant', 'cfo'],
    ]);
    expect(wouldCreateCycle(org, 'ceo', 'ceo')).toBe(true);
    expect(wouldCreateCycle(org, 'ceo', 'accountant')).toBe(true);
    expect(wouldCreateCycle(org, 'accountant', 'ceo')).toBe(false);
    expect(wouldCreateCycle(org, 'ceo', null)).toBe(false);
  });

  it('finds a circle and names the people on it', () => {
    const org = lines([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
    ]);
    expect(new Set(findCycle(org))).toEqual(new Set(['a', 'b', 'c']));
    expect(findCycle(lines([['a', 'a']]))).toEqual(['a']);
  });

  it('finds no circle in a forest (property)', () => {
    fc.assert(
      fc.property(arbForest, (org) => {
        expect(findCycle(org)).toBeNull();
      }),
    );
  });

  it('agrees with a brute-force check about any new line (property)', () => {
    fc.assert(
      fc.property(arbForest, fc.nat(), fc.nat(), (org, i, j) => {
        const ids = [...org.keys()];
        const who = ids[i % ids.length]!;
        const manager = ids[j % ids.length]!;
        const changed = new Map(org).set(who, manager);
        expect(wouldCreateCycle(org, who, manager)).toBe(loopsBack(changed, who));
        const cycle = findCycle(changed);
        expect(cycle !== null).toBe(loopsBack(changed, who));
        if (cycle) for (const id of cycle) expect(loopsBack(changed, id)).toBe(true);
      }),
    );
  });
});
