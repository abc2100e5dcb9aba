import { z } from 'zod';
import { IsoDate } from '../accounts/accounts.contracts.js';

/** The figures of kpi.md, in the order of its table. */
export const kpiKeys = [
  'start_base',
  'churned',
  'retention_rate',
  'churn_rate',
  'new_clients',
  'active_clients_end',
  'upsell_pairs',
  'additional_services',
  'meetings',
  'calls',
  'revenue',
  'margin',
  'revenue_prev',
  'margin_prev',
  'revenue_growth_pct',
  'margin_growth_pct',
  'revenue_plan',
  'plan_fulfilment_pct',
  'receivables_outstanding',
  'receivables_overdue',
  'overdue_share',
  'complaints',
  'complaints_justified',
  'first_response_median_hours',
] as const;
export const KpiKey = z.enum(kpiKeys);
export type KpiKey = z.infer<typeof KpiKey>;

/** How a figure is rounded and shown (kpi.md, Output). */
export const kpiKinds = {
  start_base: 'count',
  churned: 'count',
  retention_rate: 'rate',
  churn_rate: 'rate',
  new_clients: 'count',
  active_clients_end: 'count',
  upsell_pairs: 'count',
  additional_services: 'count',
  meetings: 'count',
  calls: 'count',
  revenue: 'money',
  margin: 'money',
  revenue_prev: 'money',
  margin_prev: 'money',
  revenue_growth_pct: 'pct',
  margin_growth_pct: 'pct',
  revenue_plan: 'money',
  plan_fulfilment_pct: 'pct',
  receivables_outstanding: 'money',
  receivables_overdue: 'money',
  overdue_share: 'rate',
  complaints: 'count',
  complaints_justified: 'count',
  first_response_median_hours: 'hours',
} as const satisfies Record<KpiKey, 'count' | 'rate' | 'money' | 'pct' | 'hours'>;

export const KpiFigures = z.object(
  Object.fromEntries(kpiKeys.map((k) => [k, z.number().nullable()])) as Record<KpiKey, z.ZodNullable<z.ZodNumber>>,
);
export type KpiFigures = z.infer<typeof KpiFigures>;

export const KpiManagerFigures = z.object({ manager: z.string(), name: z.string() }).extend(KpiFigures.shape);
export type KpiManagerFigures = z.infer<typeof KpiManagerFigures>;

/** The report of kpi.md, the same from `GET /api/kpi` and `grove kpi --json`. */
export const KpiReport = z.object({
  from: IsoDate,
  to: IsoDate,
  activity_window_days: z.number().int(),
  currency: z.string(),
  managers: z.array(KpiManagerFigures),
  total: KpiFigures,
});
export type KpiReport = z.infer<typeof KpiReport>;

export const KpiQuery = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    /** a manager's e-mail: narrows `managers` to that one */
    manager: z.string().trim().toLowerCase().max(320).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type KpiQuery = z.infer<typeof KpiQuery>;

/** The figures grouped as the dashboard and the exports show them. */
export const kpiSections = [
  {
    id: 'sales',
    keys: [
      'revenue',
      'revenue_prev',
      'revenue_growth_pct',
      'revenue_plan',
      'plan_fulfilment_pct',
      'margin',
      'margin_prev',
      'margin_growth_pct',
    ],
  },
  {
    id: 'clients',
    keys: [
      'start_base',
      'churned',
      'retention_rate',
      'churn_rate',
      'new_clients',
      'active_clients_end',
      'upsell_pairs',
      'additional_services',
    ],
  },
  { id: 'activity', keys: ['meetings', 'calls'] },
  { id: 'receivables', keys: ['receivables_outstanding', 'receivables_overdue', 'overdue_share'] },
  { id: 'service', keys: ['complaints', 'complaints_justified', 'first_response_median_hours'] },
] as const satisfies readonly { id: string; keys: readonly KpiKey[] }[];
export type KpiSectionId = (typeof kpiSections)[number]['id'];
export const kpiSection = (id: KpiSectionId): readonly KpiKey[] => kpiSections.find((s) => s.id === id)?.keys ?? [];

/** What the rows behind a figure are (F3 drill-down). */
export const drillKinds = [
  'cohort',
  'new_clients',
  'active_clients',
  'upsell',
  'interactions',
  'sales',
  'plan',
  'receivables',
  'complaints',
] as const;
export const DrillKind = z.enum(drillKinds);
export type DrillKind = z.infer<typeof DrillKind>;

/** Which rows explain each figure. */
export const drillOf: Record<KpiKey, DrillKind> = {
  start_base: 'cohort',
  churned: 'cohort',
  retention_rate: 'cohort',
  churn_rate: 'cohort',
  new_clients: 'new_clients',
  active_clients_end: 'active_clients',
  upsell_pairs: 'upsell',
  additional_services: 'upsell',
  meetings: 'interactions',
  calls: 'interactions',
  revenue: 'sales',
  margin: 'sales',
  revenue_prev: 'sales',
  margin_prev: 'sales',
  revenue_growth_pct: 'sales',
  margin_growth_pct: 'sales',
  revenue_plan: 'plan',
  plan_fulfilment_pct: 'plan',
  receivables_outstanding: 'receivables',
  receivables_overdue: 'receivables',
  overdue_share: 'receivables',
  complaints: 'complaints',
  complaints_justified: 'complaints',
  first_response_median_hours: 'complaints',
};

export const DrillQuery = z
  .strictObject({
    key: KpiKey,
    from: IsoDate,
    to: IsoDate,
    /** a manager's e-mail; absent = the company total */
    manager: z.string().trim().toLowerCase().max(320).optional(),
    /** for sales: rows per account, per product or per order line */
    by: z.enum(['account', 'product', 'line']).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type DrillQuery = z.infer<typeof DrillQuery>;

/** How a drill-down column is shown. */
export const DrillColumnType = z.enum([
  'text',
  'code',
  'date',
  'datetime',
  'count',
  'money',
  'number',
  'rate',
  'hours',
  'account',
  'user',
  'bool',
]);
export type DrillColumnType = z.infer<typeof DrillColumnType>;

export const DrillColumn = z.object({ id: z.string(), type: DrillColumnType });
export type DrillColumn = z.infer<typeof DrillColumn>;

/**
 * The rows behind one figure. Money and numbers are exact decimal strings; an `account` cell is
 * `{id, name}`; a `user` cell `{id, name}`; a `text` cell with a code (e.g. a churn reason) is the code.
 */
export const DrillCell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ id: z.string(), name: z.string() })]);
export const DrillResult = z.object({
  key: KpiKey,
  kind: DrillKind,
  from: IsoDate,
  to: IsoDate,
  manager: z.string().nullable(),
  columns: z.array(DrillColumn),
  rows: z.array(z.record(z.string(), DrillCell)),
  /** the figure these rows add up to, as in the report */
  figure: z.number().nullable(),
  /** more rows exist than were sent */
  truncated: z.boolean(),
});
export type DrillResult = z.infer<typeof DrillResult>;

/** A senior KAM's team: the members' figures and the team's, counted as one owner (F3). */
export const KpiTeamQuery = z
  .strictObject({ from: IsoDate, to: IsoDate, lead: z.string().trim().toLowerCase().max(320) })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type KpiTeamQuery = z.infer<typeof KpiTeamQuery>;

export const KpiTeamReport = z.object({
  from: IsoDate,
  to: IsoDate,
  activity_window_days: z.number().int(),
  currency: z.string(),
  lead: z.object({ manager: z.string(), name: z.string() }),
  /** the lead and everyone in their reporting line */
  members: z.array(KpiManagerFigures),
  /** the team as one owner: an account passed between two members stays in the team's cohort */
  team: KpiFigures,
});
export type KpiTeamReport = z.infer<typeof KpiTeamReport>;
