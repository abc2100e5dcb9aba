import { z } from 'zod';

/** The entities this version imports (import-format.md); the others arrive with their modules. */
export const importEntities = [
  'users',
  'accounts',
  'account_transfers',
  'products',
  'orders',
  'returns',
  'invoices',
  'payments',
  'interactions',
  'complaints',
  'plans',
  'contacts',
] as const;
export const ImportEntity = z.enum(importEntities);
export type ImportEntity = z.infer<typeof ImportEntity>;

export const RowAction = z.enum(['insert', 'update', 'unchanged']);
export type RowAction = z.infer<typeof RowAction>;

export const ImportIssue = z.object({
  /** the line in the file; the header is line 1 */
  line: z.number().int(),
  /** the column, or null for the whole row or file */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const PreviewRow = z.object({
  line: z.number().int(),
  action: RowAction,
  key: z.string(),
  values: z.record(z.string(), z.string()),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

/** What an import did, or (dry run, or a file with errors) would do. */
export const ImportReport = z.object({
  entity: ImportEntity,
  dryRun: z.boolean(),
  /** true when the rows were stored */
  applied: z.boolean(),
  columns: z.array(z.string()),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(ImportIssue),
  preview: z.array(PreviewRow),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportRunStatus = z.enum(['checked', 'running', 'done', 'failed']);
export const ImportRun = z.object({
  id: z.uuid(),
  entity: ImportEntity,
  fileName: z.string(),
  status: ImportRunStatus,
  /** rows written so far while running */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  report: ImportReport,
  /** the failure of a run that could not finish (nothing was stored) */
  failure: z.string().nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRun = z.infer<typeof ImportRun>;
export const ImportRunList = z.object({
  items: z.array(ImportRun.omit({ report: true }).extend({ summary: ImportReport.omit({ errors: true, preview: true }) })),
});
export const ImportUploadQuery = z.strictObject({ entity: ImportEntity });
