import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import { AppError, notFound } from '../../core/errors.js';
import { assertCan, can } from '../../core/policy/policy.js';
import { accountTransfersImporter } from '../accounts/account-transfers.import.js';
import { accountsImporter } from '../accounts/accounts.import.js';
import { contactsImporter } from '../contacts/contacts.import.js';
import { complaintsImporter } from '../complaints/complaints.import.js';
import { interactionsImporter } from '../interactions/interactions.import.js';
import { invoicesImporter } from '../invoices/invoices.import.js';
import { paymentsImporter } from '../invoices/payments.import.js';
import { ordersImporter } from '../orders/orders.import.js';
import { returnsImporter } from '../orders/returns.import.js';
import { productsImporter } from '../products/products.import.js';
import { plansImporter } from '../targets/targets.import.js';
import { users } from '../users/users.schema.js';
import { usersImporter } from '../users/users.import.js';
import { type BulkImporter, runBulkImport } from './bulk.js';
import { type EntityImporter, type Phase, runImport } from './engine.js';
import type { ImportEntity, ImportReport, ImportRun } from './imports.contracts.js';
import { importRuns } from './imports.schema.js';

/** Each entity's importer: row by row (engine.ts), or in bulk through COPY (bulk.ts) for the big ones. */
export const importers: Record<ImportEntity, EntityImporter | BulkImporter> = {
  users: usersImporter,
  accounts: accountsImporter,
  account_transfers: accountTransfersImporter,
  products: productsImporter,
  orders: ordersImporter,
  returns: returnsImporter,
  invoices: invoicesImporter,
  payments: paymentsImporter,
  interactions: interactionsImporter,
  complaints: complaintsImporter,
  plans: plansImporter,
  contacts: contactsImporter,
};

export interface ImportLimits {
  maxBytes: number;
  maxRows?: number;
}

export interface ImportFileOptions {
  entity: ImportEntity;
  file: Buffer;
  fileName: string;
  dryRun: boolean;
  limits: ImportLimits;
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** the CLI acts as the machine's operator, without a signed-in actor */
  asOperator?: boolean;
}

function assertMayImport(ctx: Ctx, entity: ImportEntity, asOperator?: boolean) {
  if (asOperator) return;
  const actor = actorOf(ctx);
  assertCan(actor, 'imports.run');
  if (entity === 'users') assertCan(actor, 'users.manage');
}

/** One file, all or nothing (import-format.md). The CLI and the web app both come here. */
export async function importFile(ctx: Ctx, opts: ImportFileOptions): Promise<ImportReport> {
  assertMayImport(ctx, opts.entity, opts.asOperator);
  const importer = importers[opts.entity];
  const run = 'bulk' in importer ? runBulkImport.bind(null, ctx.db, importer) : runImport.bind(null, ctx.db, importer);
  return run({
    file: opts.file,
    dryRun: opts.dryRun,
    locale: ctx.locale,
    actorId: ctx.actor?.userId ?? null,
    limits: { maxBytes: opts.limits.maxBytes, maxRows: opts.limits.maxRows ?? 1_000_000 },
    onProgress: opts.onProgress,
    onApplied: (tx, report) =>
      recordAudit(
        ctx,
        {
          action: `import.${opts.entity}`,
          entity: 'import',
          entityId: opts.fileName,
          after: {
            file: opts.fileName,
            rows: report.rows,
            inserted: report.inserted,
            updated: report.updated,
            unchanged: report.unchanged,
          },
        },
        tx,
      ),
  });
}

type RunRow = typeof importRuns.$inferSelect;
function toRun(r: RunRow, by: { id: string; name: string } | null): ImportRun {
  return {
    id: r.id,
    entity: r.entity as ImportEntity,
    fileName: r.fileName,
    status: r.status as ImportRun['status'],
    progress: { done: r.progressDone, total: r.progressTotal },
    report: r.report,
    failure: r.failure,
    createdBy: by?.id ? by : null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** The web app's first step: check the file and keep it for the confirmation when it is clean. */
export async function checkUpload(
  ctx: Ctx,
  opts: { entity: ImportEntity; file: Buffer; fileName: string; limits: ImportLimits },
): Promise<ImportRun> {
  const report = await importFile(ctx, { ...opts, dryRun: true });
  const clean = report.errors.length === 0;
  const [row] = await ctx.db
    .insert(importRuns)
    .values({
      entity: opts.entity,
      fileName: opts.fileName,
      status: 'checked',
      report,
      file: clean ? opts.file : null,
      createdBy: actorOf(ctx).userId,
      progressTotal: report.inserted + report.updated,
    })
    .returning();
  return getRun(ctx, row!.id);
}

/** Runs a checked import in the background; the page polls `getRun` for progress and may be left. */
export async function confirmRun(ctx: Ctx, id: string, limits: ImportLimits): Promise<ImportRun> {
  const run = await findOwnRun(ctx, id);
  assertMayImport(ctx, run.entity as ImportEntity);
  const [started] = await ctx.db
    .update(importRuns)
    .set({ status: 'running' })
    .where(and(eq(importRuns.id, id), eq(importRuns.status, 'checked'), sql`${importRuns.file} IS NOT NULL`))
    .returning();
  if (!started?.file) throw new AppError('IMPORT_NOT_READY', 409);
  void runInBackground(ctx, started, started.file, limits);
  return getRun(ctx, id);
}

async function runInBackground(ctx: Ctx, run: RunRow, file: Buffer, limits: ImportLimits): Promise<void> {
  let last = 0;
  const onProgress = (phase: Phase, done: number, total: number) => {
    if (phase !== 'write' || Date.now() - last < 300) return;
    last = Date.now();
    void ctx.db
      .update(importRuns)
      .set({ progressDone: done, progressTotal: total })
      .where(eq(importRuns.id, run.id))
      .catch(() => undefined);
  };
  try {
    const report = await importFile(ctx, {
      entity: run.entity as ImportEntity,
      file,
      fileName: run.fileName,
      dryRun: false,
      limits,
      onProgress,
    });
    await ctx.db
      .update(importRuns)
      .set({
        status: report.applied ? 'done' : 'failed',
        report,
        file: null,
        finishedAt: sql`now()`,
        progressDone: report.inserted + report.updated,
        progressTotal: report.inserted + report.updated,
      })
      .where(eq(importRuns.id, run.id));
  } catch (err) {
    const failure = err instanceof AppError ? err.code : 'INTERNAL_ERROR';
    await ctx.db
      .update(importRuns)
      .set({ status: 'failed', failure, file: null, finishedAt: sql`now()` })
      .where(eq(importRuns.id, run.id))
      .catch(() => undefined);
  }
}

/**
 * A run marked running while no import holds the import lock (engine.ts) died with its process; it
 * stored nothing (one transaction). Called at start and by housekeeping; safe with several processes.
 */
export async function failInterruptedRuns(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ free: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext('grove.import')) AS free`);
    if (!rows[0]?.free) return;
    await tx
      .update(importRuns)
      .set({ status: 'failed', failure: 'INTERRUPTED', file: null, finishedAt: sql`now()` })
      .where(eq(importRuns.status, 'running'));
  });
}

async function findOwnRun(ctx: Ctx, id: string): Promise<RunRow> {
  const actor = actorOf(ctx);
  assertCan(actor, 'imports.run');
  const [row] = await ctx.db.select().from(importRuns).where(eq(importRuns.id, id));
  // an administrator sees every import; others their own
  if (!row || (row.createdBy !== actor.userId && !can(actor, 'users.manage'))) throw notFound();
  return row;
}

export async function getRun(ctx: Ctx, id: string): Promise<ImportRun> {
  const row = await findOwnRun(ctx, id);
  const [by] = row.createdBy ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.createdBy)) : [];
  return toRun(row, by ?? null);
}

export async function listRuns(ctx: Ctx) {
  const actor = actorOf(ctx);
  assertCan(actor, 'imports.run');
  const rows = await ctx.db
    .select({ r: importRuns, by: { id: users.id, name: users.name } })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.createdBy))
    .where(can(actor, 'users.manage') ? undefined : eq(importRuns.createdBy, actor.userId))
    .orderBy(desc(importRuns.createdAt))
    .limit(50);
  return rows.map(({ r, by }) => {
    const { report, ...run } = toRun(r, by);
    const { errors: _e, preview: _p, ...summary } = report;
    return { ...run, summary };
  });
}
