import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attitudes, buyingRoles, mapWarningCodes } from './contacts.contracts.js';
import { hasRelation, mapWarnings, type WarningInput } from './contacts.warnings.js';

let seq = 0;
const person = (patch: Partial<WarningInput> = {}): WarningInput => ({
  id: `c${++seq}`,
  buyingRole: null,
  attitude: null,
  relationOwnerId: null,
  relationshipStrength: null,
  ...patch,
});

const arbPerson: fc.Arbitrary<WarningInput> = fc.record({
  id: fc.uuid(),
  buyingRole: fc.option(fc.constantFrom(...buyingRoles), { nil: null }),
  attitude: fc.option(fc.constantFrom(...attitudes), { nil: null }),
  relationOwnerId: fc.option(fc.constant('u1'), { nil: null }),
  relationshipStrength: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const arbPeople = fc.uniqueArray(arbPerson, { selector: (p) => p.id, maxLength: 12 });
const codes = (people: readonly WarningInput[]) => mapWarnings(people).map((w) => w.code);

describe('relationship map warnings', () => {
  it('says only that nobody is recorded when there is nobody', () => {
    expect(mapWarnings([])).toEqual([{ code: 'no_stakeholders', severity: 'high', contactIds: [] }]);
  });

  it('warns about everything for a lone stakeholder without a role or a relation', () => {
    expect(codes([person()])).toEqual(['no_decision_maker', 'single_threaded', 'no_champion']);
  });

  it('is quiet for a well-covered account', () => {
    const people = [
      person({ buyingRole: 'decision_maker', attitude: 'supporter', relationOwnerId: 'u1', relationshipStrength: 4 }),
      person({ buyingRole: 'champion', attitude: 'supporter', relationshipStrength: 5 }),
      person({ buyingRole: 'economic_buyer', attitude: 'neutral', relationshipStrength: 3 }),
    ];
    expect(mapWarnings(people)).toEqual([]);
  });

  it('names the decision makers and economic buyers who oppose us', () => {
    const boss = person({ buyingRole: 'decision_maker', attitude: 'opponent', relationOwnerId: 'u1' });
    const cfo = person({ buyingRole: 'economic_buyer', attitude: 'opponent' });
    const user = person({ buyingRole: 'user', attitude: 'opponent', relationOwnerId: 'u1' });
    const warning = mapWarnings([boss, cfo, user]).find((w) => w.code === 'opponent_decision_maker');
    expect(warning).toEqual({ code: 'opponent_decision_maker', severity: 'high', contactIds: [boss.id, cfo.id].sort() });
  });

  it('counts a relation owner, or a strength of 3 or more, as a relation', () => {
    expect(hasRelation(person({ relationOwnerId: 'u1', relationshipStrength: 1 }))).toBe(true);
    expect(hasRelation(person({ relationshipStrength: 3 }))).toBe(true);
    expect(hasRelation(person({ relationshipStrength: 2 }))).toBe(false);
    expect(hasRelation(person())).toBe(false);
    const dm = person({ buyingRole: 'decision_maker', relationshipStrength: 2 });
    expect(codes([dm, person({ relationshipStrength: 5 })])).toContain('no_relation_with_decision_maker');
    expect(codes([{ ...dm, relationshipStrength: 3 }, person({ relationshipStrength: 5 })])).not.toContain(
      'no_relation_with_decision_maker',
    );
  });

  it('follows each rule exactly (property)', () => {
    fc.assert(
      fc.property(arbPeople, (people) => {
        const found = codes(people);
        if (people.length === 0) {
          expect(found).toEqual(['no_stakeholders']);
          return;
        }
        const dms = people.filter((p) => p.buyingRole === 'decision_maker');
        expect(found.includes('no_decision_maker')).toBe(dms.length === 0);
        expect(found.includes('no_relation_with_decision_maker')).toBe(dms.length > 0 && dms.every((p) => !hasRelation(p)));
        expect(found.includes('single_threaded')).toBe(people.length === 1 || people.filter(hasRelation).length <= 1);
        expect(found.includes('no_champion')).toBe(!people.some((p) => p.buyingRole === 'champion'));
        expect(found.includes('opponent_decision_maker')).toBe(
          people.some((p) => (p.buyingRole === 'decision_maker' || p.buyingRole === 'economic_buyer') && p.attitude === 'opponent'),
        );
        expect(found).not.toContain('no_stakeholders');
      }),
    );
  });

  it('does not depend on the order of the stakeholders, and lists the most serious first (property)', () => {
    fc.assert(
      fc.property(
        arbPeople.chain((people) => fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length }))),
        ([people, shuffled]) => {
          const warnings = mapWarnings(people);
          expect(mapWarnings(shuffled)).toEqual(warnings);
          const order = warnings.map((w) => mapWarningCodes.indexOf(w.code));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          const rank = { high: 0, medium: 1, low: 2 };
          const ranks = warnings.map((w) => rank[w.severity]);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('only gets better when a supportive decision maker we know well joins (property)', () => {
    fc.assert(
      fc.property(arbPeople, (people) => {
        fc.pre(people.length > 0);
        const before = new Set(codes(people));
        const after = codes([...people, person({ buyingRole: 'decision_maker', attitude: 'supporter', relationOwnerId: 'u2' })]);
        for (const code of after) expect(before.has(code), code).toBe(true);
        expect(after).not.toContain('no_decision_maker');
        expect(after).not.toContain('no_relation_with_decision_maker');
      }),
    );
  });
});
