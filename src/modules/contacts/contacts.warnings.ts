import type { Attitude, BuyingRole, MapWarning, MapWarningCode } from './contacts.contracts.js';

/** What the warning rules look at; archived stakeholders are left out by the caller. */
export interface WarningInput {
  id: string;
  buyingRole: BuyingRole | null;
  attitude: Attitude | null;
  relationOwnerId: string | null;
  relationshipStrength: number | null;
}

/** We have a relation with someone when one of us owns it or it is at least "good" (3 of 5). */
export const STRONG_RELATION = 3;
export function hasRelation(c: WarningInput): boolean {
  return c.relationOwnerId !== null || (c.relationshipStrength ?? 0) >= STRONG_RELATION;
}

const severity: Record<MapWarningCode, MapWarning['severity']> = {
  no_stakeholders: 'high',
  no_decision_maker: 'high',
  opponent_decision_maker: 'high',
  no_relation_with_decision_maker: 'high',
  single_threaded: 'medium',
  no_champion: 'low',
};

/** Who signs or holds the budget: an opponent among them threatens the account. */
const deciders: readonly BuyingRole[] = ['decision_maker', 'economic_buyer'];

/**
 * The relationship risks of an account's stakeholders (A3), most serious first:
 * - `no_stakeholders`: nobody is recorded yet (then nothing else is said);
 * - `no_decision_maker`: nobody has the buying role decision maker;
 * - `opponent_decision_maker`: a decision maker or economic buyer is an opponent;
 * - `no_relation_with_decision_maker`: there are decision makers, but none has a relation owner of
 *   ours or a relationship strength of 3 or more;
 * - `single_threaded`: one stakeholder only, or at most one with a relation;
 * - `no_champion`: nobody has the buying role champion.
 */
export function mapWarnings(contacts: readonly WarningInput[]): MapWarning[] {
  const ids = (list: readonly WarningInput[]) => list.map((c) => c.id).sort();
  const warn = (code: MapWarningCode, about: readonly WarningInput[] = []): MapWarning => ({
    code,
    severity: severity[code],
    contactIds: ids(about),
  });
  if (contacts.length === 0) return [warn('no_stakeholders')];

  const warnings: MapWarning[] = [];
  const decisionMakers = contacts.filter((c) => c.buyingRole === 'decision_maker');
  if (decisionMakers.length === 0) warnings.push(warn('no_decision_maker'));
  const opponents = contacts.filter((c) => c.buyingRole !== null && deciders.includes(c.buyingRole) && c.attitude === 'opponent');
  if (opponents.length > 0) warnings.push(warn('opponent_decision_maker', opponents));
  if (decisionMakers.length > 0 && !decisionMakers.some(hasRelation))
    warnings.push(warn('no_relation_with_decision_maker', decisionMakers));
  const related = contacts.filter(hasRelation);
  if (contacts.length === 1 || related.length <= 1) warnings.push(warn('single_threaded', related));
  if (!contacts.some((c) => c.buyingRole === 'champion')) warnings.push(warn('no_champion'));
  return warnings;
}
