import type { Role } from '../../core/contracts.js';

/** The roles of the client department, to whom the head (and an administrator) may give tasks. */
export const departmentRoles: readonly Role[] = ['head', 'senior_kam', 'kam', 'sales_support'];

export interface Person {
  id: string;
  role: Role;
  disabled?: boolean;
}

/**
 * Who may give a task to whom (B2, B4): anyone to themselves; a senior KAM to the juniors of their
 * reporting line (`lineOfGiver`) and only them; the head and an administrator to anyone in the
 * department. Disabled users get no tasks.
 */
export function mayAssign(giver: Person, assignee: Person, lineOfGiver: ReadonlySet<string>): boolean {
  if (assignee.disabled) return false;
  if (assignee.id === giver.id) return true;
  if (giver.role === 'admin' || giver.role === 'head') return departmentRoles.includes(assignee.role);
  if (giver.role === 'senior_kam') return lineOfGiver.has(assignee.id);
  return false;
}
