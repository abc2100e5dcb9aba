import { z } from 'zod';
import { Role } from '../../core/contracts.js';
import { Money } from '../accounts/accounts.contracts.js';

/** Sales plans (F1): the department's monthly plan and the managers' individual plans. */

export const targetMetrics = ['revenue', 'activeClients', 'newClients'] as const;
export const TargetMetric = z.enum(targetMetrics);
export type TargetMetric = z.infer<typeof TargetMetric>;

/** The roles whose members get individual plans. */
export const plannedRoles = ['kam', 'senior_kam'] as const satisfies readonly Role[];

export const YearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

/** Twelve months, January first; null = no plan for the month. */
const MoneyMonths = z.array(z.string().nullable()).length(12);
const CountMonths = z.array(z.number().int().nullable()).length(12);

export const TargetRow = z.object({
  revenue: MoneyMonths,
  activeClients: CountMonths,
  newClients: CountMonths,
});
export type TargetRow = z.infer<typeof TargetRow>;

export const ManagerTargetRow = TargetRow.extend({
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: Role }),
  /** an active KAM or senior KAM: a split shares the department target among these */
  planned: z.boolean(),
  disabled: z.boolean(),
});
export type ManagerTargetRow = z.infer<typeof ManagerTargetRow>;

export const TargetGrid = z.object({
  year: z.number().int(),
  /**
   * A fingerprint of every plan of the year. A save names the one it read; when the year's plans
   * changed meanwhile (another head, an import) the save answers 409 and stores nothing.
   */
  version: z.string(),
  department: TargetRow,
  /** the managers the reader may see: everyone for the head, their line for a senior, oneself for a KAM */
  managers: z.array(ManagerTargetRow),
  /** the sum of every manager's plan per month; only for readers who see every manager */
  totals: TargetRow.nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type TargetGrid = z.infer<typeof TargetGrid>;

const Count = z.number().int().min(0).max(1_000_000);
const cellValues = {
  /** undefined: unchanged; null: no plan */
  revenue: Money.nullable().optional(),
  activeClients: Count.nullable().optional(),
  newClients: Count.nullable().optional(),
};
const Month = z.number().int().min(1).max(12);

export const SaveTargetsRequest = z
  .strictObject({
    /** the version of the grid the changes were made on */
    version: z.string().min(1).max(100),
    department: z.array(z.strictObject({ month: Month, ...cellValues })).max(12),
    managers: z.array(z.strictObject({ userId: z.uuid(), month: Month, ...cellValues })).max(12_000),
  })
  .superRefine((body, ctx) => {
    const months = new Set<number>();
    body.department.forEach((d, i) => {
      if (months.has(d.month)) ctx.addIssue({ code: 'custom', path: ['department', i, 'month'], message: 'this month is listed twice' });
      months.add(d.month);
    });
    const cells = new Set<string>();
    body.managers.forEach((m, i) => {
      const key = `${m.userId}:${m.month}`;
      if (cells.has(key))
        ctx.addIssue({ code: 'custom', path: ['managers', i, 'month'], message: 'this manager and month are listed twice' });
      cells.add(key);
    });
  });
export type SaveTargetsRequest = z.infer<typeof SaveTargetsRequest>;
