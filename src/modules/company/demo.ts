import crypto from 'node:crypto';
import { recordAudit } from '../../core/audit/audit.service.js';
import type { Ctx } from '../../core/context.js';
import type { Department, Locale, Role } from '../../core/contracts.js';
import { AppError } from '../../core/errors.js';
import { hashPassword } from '../auth/secrets.js';
import { users } from '../users/users.schema.js';
import { company } from './company.schema.js';
import { buildDemo } from './demo/build.js';
import { seedServiceDesk } from './demo/service-desk.js';
import { writeDemoRows } from './demo/write.js';

/** Every demo user signs in with this password (shown on the sign-in page of a demo installation). */
export const DEMO_PASSWORD = 'grove-demo-2026';
export const DEMO_DOMAIN = 'demo.grove.test';

interface DemoPerson {
  key: string;
  name: string;
  role: Role;
  manager?: string;
  department?: Department;
  locale: Locale;
}

/**
 * The demo company: a bilingual FMCG distributor's client department. The head leads three senior
 * KAMs, each with a team of KAMs; around them sales support, the serving departments, HR, an
 * executive and an administrator. Later modules add their data to the same people.
 */
export const demoPeople: DemoPerson[] = [
  { key: 'admin', name: 'Pavel Orlov', role: 'admin', locale: 'en' },
  { key: 'director', name: 'Елена Воронцова', role: 'executive', locale: 'ru' },
  { key: 'head', name: 'Игорь Смирнов', role: 'head', manager: 'director', locale: 'ru' },
  { key: 'anna', name: 'Анна Соколова', role: 'senior_kam', manager: 'head', locale: 'ru' },
  { key: 'dmitry', name: 'Дмитрий Кузнецов', role: 'senior_kam', manager: 'head', locale: 'ru' },
  { key: 'sarah', name: 'Sarah Mitchell', role: 'senior_kam', manager: 'head', locale: 'en' },
  { key: 'maria', name: 'Мария Петрова', role: 'kam', manager: 'anna', locale: 'ru' },
  { key: 'alexey', name: 'Алексей Новиков', role: 'kam', manager: 'anna', locale: 'ru' },
  { key: 'olga', name: 'Ольга Морозова', role: 'kam', manager: 'anna', locale: 'ru' },
  { key: 'sergey', name: 'Сергей Волков', role: 'kam', manager: 'dmitry', locale: 'ru' },
  { key: 'natalia', name: 'Наталья Лебедева', role: 'kam', manager: 'dmitry', locale: 'ru' },
  { key: 'ivan', name: 'Иван Козлов', role: 'kam', manager: 'dmitry', locale: 'ru' },
  { key: 'james', name: 'James Carter', role: 'kam', manager: 'sarah', locale: 'en' },
  { key: 'ekaterina', name: 'Екатерина Павлова', role: 'kam', manager: 'sarah', locale: 'en' },
  { key: 'tom', name: 'Tom Becker', role: 'kam', manager: 'sarah', locale: 'en' },
  { key: 'svetlana', name: 'Светлана Егорова', role: 'sales_support', manager: 'head', locale: 'ru' },
  { key: 'nikita', name: 'Никита Фёдоров', role: 'sales_support', manager: 'head', locale: 'ru' },
  { key: 'irina', name: 'Ирина Белова', role: 'department', department: 'marketing', locale: 'ru' },
  { key: 'artem', name: 'Артём Григорьев', role: 'department', department: 'logistics', locale: 'ru' },
  { key: 'victoria', name: 'Виктория Зайцева', role: 'department', department: 'finance', locale: 'ru' },
  { key: 'lucy', name: 'Lucy Grant', role: 'department', department: 'customer_service', locale: 'en' },
  { key: 'roman', name: 'Роман Киселев', role: 'department', department: 'design', locale: 'ru' },
  { key: 'tatiana', name: 'Татьяна Андреева', role: 'hr', manager: 'director', locale: 'ru' },
];

/**
 * Sales managers of the sales department. Some clients were theirs before they grew into key
 * accounts and were handed over to a KAM (A2), so the ownership history names them. They serve no
 * account today and are not among the demo sign-ins.
 */
export const demoSalesManagers: DemoPerson[] = [
  { key: 'andrey', name: 'Андрей Макаров', role: 'department', department: 'sales', locale: 'ru' },
  { key: 'yulia', name: 'Юлия Сорокина', role: 'department', department: 'sales', locale: 'ru' },
];

export const demoEmail = (key: string) => `${key}@${DEMO_DOMAIN}`;

/**
 * Fills an empty installation with the demo company: its people, and a key-account department of
 * about 150 clients with their history and three years of sales (demo/). One transaction: a failure leaves nothing. Refuses
 * when a company exists.
 */
export async function loadDemo(ctx: Ctx): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [...demoPeople, ...demoSalesManagers];
  const ids = new Map(people.map((p) => [p.key, crypto.randomUUID()]));
  const rows = buildDemo(
    people.map((p) => ({ key: p.key, id: ids.get(p.key)!, name: p.name, role: p.role, managerKey: p.manager ?? null })),
  );
  await ctx.db.transaction(async (tx) => {
    const created = await tx
      .insert(company)
      .values({ name: 'Северный ветер (Northwind Trading)', currency: 'RUB', timeZone: 'Europe/Moscow', defaultLocale: 'ru', demo: true })
      .onConflictDoNothing()
      .returning({ id: company.id });
    if (!created.length) throw new AppError('SETUP_DONE', 409);
    await tx.insert(users).values(
      people.map((p) => ({
        id: ids.get(p.key)!,
        email: demoEmail(p.key),
        name: p.name,
        role: p.role,
        department: p.department ?? null,
        managerId: p.manager ? ids.get(p.manager)! : null,
        locale: p.locale,
        passwordHash,
      })),
    );
    await writeDemoRows(tx, rows);
    const after = {
      users: people.length,
      accounts: rows.accounts.length,
      contacts: rows.contacts.length,
      events: rows.events.length,
      orderLines: rows.orderLines.length,
      invoices: rows.invoices.length,
      interactions: rows.interactions.length,
      complaints: rows.complaints.length,
    };
    await recordAudit(ctx, { action: 'company.demo_loaded', entity: 'company', entityId: '1', after }, tx);
  });
  // the service desk runs its clocks on the committed history, as `grove serve` would
  await seedServiceDesk(ctx.db, demoEmail);
}

export function demoInfo() {
  return {
    password: DEMO_PASSWORD,
    users: demoPeople.map((p) => ({ email: demoEmail(p.key), name: p.name, role: p.role })),
  };
}
