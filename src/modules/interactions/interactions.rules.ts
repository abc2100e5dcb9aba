import type { ChecklistKind, InteractionType } from './interactions.contracts.js';

/** How long an interaction takes on the calendar when nobody said (minutes). */
export function defaultDurationMinutes(type: InteractionType): number {
  return type === 'call' || type === 'email' ? 15 : 60;
}

/** A training carries the training checklist; a merchandising check is a visit with its checklist (C4). */
export function checklistFits(type: InteractionType, kind: ChecklistKind | null | undefined): boolean {
  if (!kind) return true;
  return kind === 'training' ? type === 'training' : type === 'visit';
}

/** The checklist a kind of interaction starts with, when the person logging it did not choose one. */
export function impliedChecklist(type: InteractionType, kind: ChecklistKind | null | undefined): ChecklistKind | null {
  return kind ?? (type === 'training' ? 'training' : null);
}
