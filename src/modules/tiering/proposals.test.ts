import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OpenProposal, planRetiering, type RunAccount } from './proposals.js';
import { impliedTier, type Tier } from './scoring.js';

const t = { key: 70, potential: 40 };
const acc = (id: string, tier: Tier, score: number | null, archived = false): RunAccount => ({ id, tier, score, archived });

describe('a re-tiering run', () => {
  it('proposes promotions and demotions where the tier differs from the one the score implies', () => {
    const plan = planRetiering(
      [acc('a', 'regular', 7000), acc('b', 'key', 3999), acc('c', 'potential', 5000), acc('d', 'potential', 9000)],
      [],
      [],
      t,
    );
    expect(plan.create).toEqual([
      { accountId: 'a', fromTier: 'regular', toTier: 'key', direction: 'promote', score: 7000 },
      { accountId: 'b', fromTier: 'key', toTier: 'regular', direction: 'demote', score: 3999 },
      { accountId: 'd', fromTier: 'potential', toTier: 'key', direction: 'promote', score: 9000 },
    ]);
    expect(plan.supersede).toEqual([]);
  });

  it('leaves unscored and archived accounts alone', () => {
    const plan = planRetiering([acc('a', 'key', null), acc('b', 'regular', 9000, true)], [], [], t);
    expect(plan.create).toEqual([]);
  });

  it('keeps a pending proposal that still holds and does not duplicate it', () => {
    const open: OpenProposal = { id: 'p1', accountId: 'a', fromTier: 'regular', toTier: 'key' };
    const plan = planRetiering([acc('a', 'regular', 8000)], [open], [], t);
    expect(plan).toEqual({ create: [], supersede: [], kept: 1 });
  });

  it('supersedes a pending proposal when the score now implies another tier, and proposes that one', () => {
    const open: OpenProposal = { id: 'p1', accountId: 'a', fromTier: 'regular', toTier: 'key' };
    const plan = planRetiering([acc('a', 'regular', 5000)], [open], [], t);
    expect(plan.supersede).toEqual(['p1']);
    expect(plan.create).toEqual([{ accountId: 'a', fromTier: 'regular', toTier: 'potential', direction: 'promote', score: 5000 }]);
  });

  it('supersedes a pending proposal when the tier was changed by hand or the account left the run', () => {
    const open: OpenProposal = { id: 'p1', accountId: 'a', fromTier: 'regular', toTier: 'key' };
    const gone: OpenProposal = { id: 'p2', accountId: 'z', fromTier: 'key', toTier: 'regular' };
    const plan = planRetiering([acc('a', 'key', 8000)], [open, gone], [], t);
    expect(plan.supersede.sort()).toEqual(['p1', 'p2']);
    expect(plan.create).toEqual([]);
  });

  it('does not ask again what the head rejected until the score changes', () => {
    const rejected = [{ accountId: 'a', fromTier: 'regular' as const, toTier: 'key' as const, score: 8000 }];
    expect(planRetiering([acc('a', 'regular', 8000)], [], rejected, t).create).toEqual([]);
    expect(planRetiering([acc('a', 'regular', 8100)], [], rejected, t).create).toHaveLength(1);
  });

  it('ends with exactly one open proposal per account that needs one, and none for the others', () => {
    const tiers: Tier[] = ['key', 'potential', 'regular'];
    const accountArb = fc.record({
      tier: fc.constantFrom(...tiers),
      score: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
      archived: fc.boolean(),
      open: fc.option(fc.record({ fromTier: fc.constantFrom(...tiers), toTier: fc.constantFrom(...tiers) }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(accountArb, { maxLength: 30 }), (rows) => {
        const accounts = rows.map((r, i) => acc(`a${i}`, r.tier, r.score, r.archived));
        const pending = rows.flatMap((r, i) => (r.open ? [{ id: `p${i}`, accountId: `a${i}`, ...r.open }] : []));
        const plan = planRetiering(accounts, pending, [], t);
        return accounts.every((a, i) => {
          const implied = a.archived ? null : impliedTier(a.score, t);
          const needs = implied !== null && implied !== a.tier;
          const stillOpen = pending.some((p) => p.accountId === a.id && !plan.supersede.includes(p.id));
          const created = plan.create.filter((c) => c.accountId === a.id);
          const open = (stillOpen ? 1 : 0) + created.length;
          if (!needs) return open === 0;
          const proposal = created[0] ?? pending.find((p) => p.id === `p${i}`);
          return open === 1 && proposal?.toTier === implied && proposal.fromTier === a.tier;
        });
      }),
    );
  });
});
