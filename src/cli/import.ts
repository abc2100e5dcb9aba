import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Config } from '../core/config.js';
import type { Locale } from '../core/contracts.js';
import { AppError } from '../core/errors.js';
import { findCompany } from '../modules/company/company.service.js';
import type { Phase } from '../modules/imports/engine.js';
import type { ImportEntity, ImportReport } from '../modules/imports/imports.contracts.js';
import { importFile } from '../modules/imports/imports.service.js';
import { withDatabase } from './runtime.js';

export interface ImportCommandOptions {
  dryRun?: boolean;
  json?: boolean;
  lang?: Locale;
}

const words = {
  en: {
    rejected: (r: ImportReport) => `${r.errors.length} error(s) in ${r.rejected} row(s); nothing was stored.`,
    dry: (r: ImportReport) =>
      `Dry run, nothing stored. A real run would insert ${r.inserted}, update ${r.updated}, leave ${r.unchanged} unchanged, reject ${r.rejected}.`,
    done: (r: ImportReport) => `Imported ${r.rows} row(s): ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged.`,
    where: (line: number, column: string | null) => `line ${line}${column ? `, column ${column}` : ''}`,
    phases: { read: 'Reading', check: 'Checking', write: 'Writing' },
  },
  ru: {
    rejected: (r: ImportReport) => `Ошибок: ${r.errors.length}, строк с ошибками: ${r.rejected}; ничего не сохранено.`,
    dry: (r: ImportReport) =>
      `Пробный запуск, ничего не сохранено. При импорте будет добавлено ${r.inserted}, изменено ${r.updated}, без изменений ${r.unchanged}, отклонено ${r.rejected}.`,
    done: (r: ImportReport) =>
      `Импортировано строк: ${r.rows} (добавлено ${r.inserted}, изменено ${r.updated}, без изменений ${r.unchanged}).`,
    where: (line: number, column: string | null) => `строка ${line}${column ? `, столбец ${column}` : ''}`,
    phases: { read: 'Чтение', check: 'Проверка', write: 'Запись' },
  },
} as const;

/** `grove import <entity> <file>`: exits 0 when the file was stored (or would be, on a dry run), else 1. */
export function importCommand(config: Config, entity: ImportEntity, file: string, opts: ImportCommandOptions): Promise<never> {
  return withDatabase(config, async (ctx) => {
    const company = await findCompany(ctx.db);
    if (!company) throw new Error('Set up the company first (open the web app, or run `grove demo`).');
    ctx.locale = opts.lang ?? company.defaultLocale;
    const w = words[ctx.locale];
    const size = (
      await fs.stat(file).catch(() => {
        throw new Error(`Cannot read ${file}`);
      })
    ).size;
    if (size > config.importMaxBytes)
      throw new AppError('IMPORT_FILE_TOO_LARGE', 413, { mb: Math.round(config.importMaxBytes / 1024 / 1024) });
    const progress = opts.json ? undefined : progressBar(w.phases);
    const report = await importFile(ctx, {
      entity,
      file: await fs.readFile(file),
      fileName: path.basename(file),
      dryRun: !!opts.dryRun,
      limits: { maxBytes: config.importMaxBytes },
      onProgress: progress?.update,
      asOperator: true,
    }).finally(() => progress?.stop());
    if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const e of report.errors)
        process.stdout.write(`${path.basename(file)}: ${w.where(e.line, e.column)}: ${e.message} [${e.code}]\n`);
      process.stdout.write(`${report.errors.length ? w.rejected(report) : report.dryRun ? w.dry(report) : w.done(report)}\n`);
    }
    return report.errors.length ? 1 : 0;
  });
}

/** A progress bar on standard error while a terminal watches; plain silence otherwise. */
function progressBar(phases: Record<Phase, string>) {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current: Phase | null = null;
  return {
    update(phase: Phase, done: number, total: number) {
      if (phase !== current) {
        if (current) bar.stop();
        bar.start(Math.max(total, done), done, { phase: phases[phase] });
        current = phase;
      }
      bar.setTotal(Math.max(total, done));
      bar.update(done, { phase: phases[phase] });
    },
    stop: () => bar.stop(),
  };
}
