import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { loadConfig } from '../core/config.js';
import { departments, type Locale, locales, roles } from '../core/contracts.js';
import { AppError } from '../core/errors.js';
import { resetPassword } from '../modules/auth/credentials.service.js';
import { findCompany } from '../modules/company/company.service.js';
import { demoInfo, loadDemo } from '../modules/company/demo.js';
import { type ImportEntity, importEntities } from '../modules/imports/imports.contracts.js';
import { KpiQuery } from '../modules/kpi/kpi.contracts.js';
import { kpiReport } from '../modules/kpi/kpi.service.js';
import { formatKpiReport } from './kpi-text.js';
import { CreateUserRequest } from '../modules/users/users.contracts.js';
import { createUser, userIdByEmail } from '../modules/users/users.service.js';
import { importCommand } from './import.js';
import { readStdin, withDatabase } from './runtime.js';
import { serve } from './serve.js';

const program = new Command()
  .name('grove')
  .description(
    'Grove: key account management. Every command uses the embedded PostgreSQL in GROVE_DATA_DIR (default ./data),\n' +
      'the one of a `grove serve` already running on that directory, or DATABASE_URL when set.',
  )
  .version('0.1.0')
  .showHelpAfterError();

const config = () => loadConfig();
const print = (json: boolean, data: unknown, text: string): void =>
  void process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);

function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('not a port number');
  return value;
}

program
  .command('serve')
  .description('Run the web app, the API (/api, docs at /api/docs) and the background jobs')
  .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)', parsePort)
  .action(async (opts: { port?: string }) => {
    if (opts.port) process.env.PORT = opts.port;
    try {
      await serve(config());
    } catch (err) {
      process.stderr.write(`grove: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    }
  });

program
  .command('migrate')
  .description('Apply pending database migrations (serve also does this at start)')
  .option('--json', 'print the result as JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(config(), async (_ctx, db) => print(!!opts.json, { ok: true, database: db.kind }, `Database is up to date (${db.kind}).`)),
  );

program
  .command('demo')
  .description(
    'Fill an empty installation with the bilingual demo company (people, teams, 150 accounts with their stakeholders, plans and history, and three years of orders, invoices, interactions, complaints and targets)',
  )
  .option('--json', 'print the demo sign-ins as JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(config(), async (ctx) => {
      if (await findCompany(ctx.db)) throw new AppError('SETUP_DONE', 409);
      await loadDemo(ctx);
      const info = demoInfo();
      const lines = info.users.map((u) => `  ${u.email.padEnd(32)} ${u.role.padEnd(14)} ${u.name}`);
      print(!!opts.json, info, `Demo company loaded. Every user's password: ${info.password}\n${lines.join('\n')}`);
    }),
  );

program
  .command('import')
  .description(
    'Import a CSV or XLSX file in the shared import format (users, accounts, account_transfers, products, orders, returns, invoices, payments, interactions, complaints, plans, contacts); all or nothing',
  )
  .addArgument(new Argument('<entity>', 'what the file holds').choices(importEntities))
  .argument('<file>', 'a .csv (UTF-8) or .xlsx file with a header row')
  .option('--dry-run', 'check and report what would happen; store nothing')
  .addOption(new Option('--lang <locale>', 'language of the report (default: the company language)').choices(locales))
  .option('--json', 'print the report as JSON')
  .action((entity: ImportEntity, file: string, opts: { dryRun?: boolean; json?: boolean; lang?: Locale }) =>
    importCommand(config(), entity, file, opts),
  );

program
  .command('kpi')
  .description('The KPI report (shared kpi.md) for a period: every manager and the company total')
  .requiredOption('--from <date>', 'first day of the period, YYYY-MM-DD')
  .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD')
  .option('--manager <email>', 'only this manager')
  .option('--json', 'print the report as JSON (the same as GET /api/kpi)')
  .action((opts: { from: string; to: string; manager?: string; json?: boolean }) =>
    withDatabase(config(), async (ctx) => {
      const query = parse(KpiQuery, { from: opts.from, to: opts.to, manager: opts.manager });
      const report = await kpiReport(ctx, query, { asOperator: true });
      print(!!opts.json, report, formatKpiReport(report));
    }),
  );

const user = program.command('user').description('Manage users');

user
  .command('add')
  .description('Create a user; without --password-stdin the answer is an invitation link to set a password')
  .requiredOption('--email <email>', 'e-mail (the sign-in name)')
  .requiredOption('--name <name>', 'full name')
  .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
  .option('--manager <email>', 'e-mail of the manager they report to')
  .addOption(new Option('--department <department>', 'department (for role "department")').choices(departments))
  .addOption(new Option('--locale <locale>', 'language').choices(locales))
  .option('--password-stdin', 'read the password from standard input')
  .option('--json', 'print the user as JSON')
  .action(
    (opts: {
      email: string;
      name: string;
      role: string;
      manager?: string;
      department?: string;
      locale?: string;
      passwordStdin?: boolean;
      json?: boolean;
    }) =>
      withDatabase(config(), async (ctx) => {
        if (!(await findCompany(ctx.db))) throw new Error('Set up the company first (open the web app, or run `grove demo`).');
        const password = opts.passwordStdin ? await readStdin() : undefined;
        if (password !== undefined && password.length < 10) throw new Error('The password must have at least 10 characters.');
        const managerId = opts.manager
          ? await userIdByEmail(ctx, opts.manager).catch(() => {
              throw new Error(`No user with e-mail ${opts.manager}`);
            })
          : undefined;
        const input = parse(CreateUserRequest, {
          email: opts.email,
          name: opts.name,
          role: opts.role,
          department: opts.department,
          managerId,
          locale: opts.locale,
        });
        const { user: created, invitationUrl } = await createUser(ctx, input, { password, asOperator: true });
        print(
          !!opts.json,
          { user: created, invitationUrl },
          `Created ${created.email} (${created.role}).${invitationUrl ? `\nInvitation link: ${invitationUrl}` : ''}`,
        );
      }),
  );

user
  .command('passwd')
  .description('Set or reset the password of a user (their sessions end)')
  .requiredOption('--email <email>', 'e-mail of the user')
  .requiredOption('--password-stdin', 'read the new password from standard input')
  .option('--json', 'print the result as JSON')
  .action((opts: { email: string; json?: boolean }) =>
    withDatabase(config(), async (ctx) => {
      const password = await readStdin();
      if (password.length < 10) throw new Error('The password must have at least 10 characters.');
      const id = await userIdByEmail(ctx, opts.email).catch(() => {
        throw new Error(`No user with e-mail ${opts.email}`);
      });
      await resetPassword(ctx, id, password);
      print(!!opts.json, { ok: true, email: opts.email }, `Password set for ${opts.email}.`);
    }),
  );

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('VALIDATION_FAILED', 400, { fields: details.map((d) => d.path).join(', ') }, details);
}

await program.parseAsync(process.argv);
