import crypto from 'node:crypto';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/database.js';
import { accounts } from '../../accounts/accounts.schema.js';
import { sha256 } from '../../auth/secrets.js';
import { runComplaintEscalations } from '../../complaints/complaints.escalation.js';
import { complaintPauses, complaints } from '../../complaints/complaints.schema.js';
import { intake } from '../../complaints/complaints.workflow.js';
import { settleComplaintClocks } from '../../complaints/complaints.settle.js';
import { contacts } from '../../contacts/contacts.schema.js';
import type { RequestDepartment, RequestStatus } from '../../requests/requests.contracts.js';
import { deadlineOf, slaMinutesOf } from '../../requests/requests.clock.js';
import { runRequestEscalations } from '../../requests/requests.escalation.js';
import { departmentRequests, requestEvents } from '../../requests/requests.schema.js';
import { surveys } from '../../surveys/surveys.schema.js';
import { users } from '../../users/users.schema.js';
import { loadBusinessCalendar } from '../business-calendar.service.js';
import { Rng } from './random.js';
import { serviceActLines, serviceActs } from '../../acts/acts.schema.js';
import type { ActKind } from '../../acts/acts.contracts.js';
import { bookReturns } from '../../orders/returns.service.js';

/**
 * The service desk of the demo (issue 6), written after the history: the complaints' clocks and the
 * breaches their dates show (the escalation job then records the open ones that ran out, with
 * notices), requests to departments in every state (one overdue), and half a year of answered surveys.
 */

const DAY = 86_400_000;

const requestSeeds: { department: RequestDepartment; type: string; title: string; status: RequestStatus; daysAgo: number; kam: string }[] =
  [
    {
      department: 'logistics',
      type: 'urgent_delivery',
      title: 'Срочная поставка к открытию нового магазина',
      status: 'in_progress',
      daysAgo: 1,
      kam: 'maria',
    },
    {
      department: 'marketing',
      type: 'promo_materials',
      title: 'Промоматериалы к новогодней акции',
      status: 'new',
      daysAgo: 0,
      kam: 'alexey',
    },
    {
      department: 'design',
      type: 'pos_materials',
      title: 'Воблеры и шелфтокеры для новой линейки',
      status: 'waiting',
      daysAgo: 4,
      kam: 'olga',
    },
    { department: 'finance', type: 'reconciliation_act', title: 'Акт сверки за III квартал', status: 'done', daysAgo: 9, kam: 'sergey' },
    {
      department: 'customer_service',
      type: 'reclamation_handling',
      title: 'Разобрать повторный недовоз',
      status: 'new',
      daysAgo: 8,
      kam: 'natalia',
    },
    {
      department: 'finance',
      type: 'credit_limit_review',
      title: 'Credit limit review before the holiday season',
      status: 'rejected',
      daysAgo: 12,
      kam: 'james',
    },
    { department: 'logistics', type: 'delivery_schedule', title: 'December delivery schedule', status: 'done', daysAgo: 6, kam: 'tom' },
    {
      department: 'marketing',
      type: 'co_marketing',
      title: 'Совместная акция в сети к 8 Марта',
      status: 'in_progress',
      daysAgo: 2,
      kam: 'ivan',
    },
  ];
const memberOf: Record<RequestDepartment, string> = {
  marketing: 'irina',
  logistics: 'artem',
  finance: 'victoria',
  customer_service: 'lucy',
  design: 'roman',
  advertising: 'irina',
};
const comments = {
  ru: ['Отличная работа, спасибо!', 'Всё быстро решили.', 'Хотелось бы быстрее с доставкой.', 'Менеджер всегда на связи.'],
  en: ['Great job, thank you!', 'Solved quickly.', 'Delivery could be faster.'],
};

export async function seedServiceDesk(db: Db, email: (key: string) => string): Promise<void> {
  const rng = new Rng('northwind-trading-service-desk');
  await settleComplaintClocks(db);
  const people = await db.select({ id: users.id, email: users.email }).from(users);
  const idOf = (key: string) => people.find((p) => p.email === email(key))?.id;
  const cal = await loadBusinessCalendar(db);
  const now = Date.now();
  for (const seed of requestSeeds) {
    const kamId = idOf(seed.kam);
    if (!kamId) continue;
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.ownerId, kamId), eq(accounts.tier, 'key')))
      .orderBy(accounts.name)
      .limit(1);
    if (!account) continue;
    const createdAt = new Date(now - seed.daysAgo * DAY - rng.int(1, 5) * 3_600_000);
    const sla = await slaMinutesOf(db, cal, seed.department);
    const dueAt = await deadlineOf(db, cal, createdAt, sla, null);
    const member = idOf(memberOf[seed.department]) ?? null;
    const closed = seed.status === 'done' || seed.status === 'rejected';
    const [row] = await db
      .insert(departmentRequests)
      .values({
        accountId: account.id,
        department: seed.department,
        type: seed.type,
        title: seed.title,
        status: seed.status,
        requestedById: kamId,
        assigneeId: seed.status === 'new' ? null : member,
        slaMinutes: sla,
        dueAt,
        doneAt: closed ? new Date(createdAt.getTime() + 2 * DAY) : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: departmentRequests.id });
    if (row) await db.insert(requestEvents).values({ requestId: row.id, kind: 'raised', actorId: kamId, createdAt });
  }

  // answered surveys of the last half year: after complaints and to decision makers
  const people2 = await db
    .select({ id: contacts.id, accountId: contacts.accountId, email: contacts.email })
    .from(contacts)
    .innerJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(and(eq(accounts.tier, 'key'), isNotNull(contacts.email), inArray(contacts.buyingRole, ['decision_maker', 'economic_buyer'])))
    .orderBy(contacts.id)
    .limit(60);
  const answers = people2.map((c) => {
    const sentAt = new Date(now - rng.int(3, 180) * DAY);
    const answered = rng.chance(0.75);
    const ru = rng.chance(0.8);
    return {
      accountId: c.accountId,
      contactId: c.id,
      email: c.email as string,
      locale: ru ? ('ru' as const) : ('en' as const),
      kind: rng.chance(0.4) ? ('complaint' as const) : ('periodic' as const),
      tokenHash: sha256(crypto.randomBytes(24).toString('base64url')),
      sentAt,
      expiresAt: new Date(sentAt.getTime() + 30 * DAY),
      answeredAt: answered ? new Date(sentAt.getTime() + rng.int(1, 72) * 3_600_000) : null,
      score: answered
        ? rng.weighted([
            [5, 40],
            [4, 35],
            [3, 15],
            [2, 7],
            [1, 3],
          ] as const)
        : null,
      comment: answered && rng.chance(0.5) ? rng.pick(comments[ru ? 'ru' : 'en']) : null,
    };
  });
  if (answers.length) await db.insert(surveys).values(answers);
  await seedActs(db, rng, idOf);
  await freshComplaints(db);
  // what ran out while nobody looked: recorded as breaches, with notices to handlers, seniors and the head
  await runComplaintEscalations(db);
  await runRequestEscalations(db);
  await db.execute(sql`ANALYZE complaints`);
}

const actSeeds: {
  kind: ActKind;
  reason: 'shortage' | 'mis_sort' | 'refusal' | 'defect';
  signed: boolean;
  note: string;
  prevention: string | null;
}[] = [
  {
    kind: 'shortage',
    reason: 'shortage',
    signed: true,
    note: 'Не довезли две коробки при приёмке.',
    prevention: 'Двойная проверка комплектации на складе перед отгрузкой.',
  },
  { kind: 'mis_sort', reason: 'mis_sort', signed: false, note: 'Вместо 0,5 л привезли 1 л.', prevention: null },
  {
    kind: 'return',
    reason: 'defect',
    signed: true,
    note: 'Повреждённая упаковка, возврат по качеству.',
    prevention: 'Усилить упаковку паллет при перевозке.',
  },
  {
    kind: 'shortage',
    reason: 'shortage',
    signed: true,
    note: 'Повторный недовоз той же позиции.',
    prevention: 'Проверить остатки ячейки до сборки заказа.',
  },
];

/** A few acts against recent orders of key accounts: signed ones book their returns for the KPIs. */
async function seedActs(db: Db, rng: Rng, idOf: (key: string) => string | undefined) {
  const { rows: lines } = await db.execute<{
    order_id: string;
    line_no: number;
    account_id: string;
    order_date: string;
    left: string;
    owner_id: string;
  }>(sql`
    SELECT DISTINCT ON (l.order_id) l.order_id, l.line_no, l.account_id, l.order_date::text AS order_date,
           (l.quantity - coalesce((SELECT sum(r.quantity) FROM order_returns r WHERE r.order_id = l.order_id AND r.line_no = l.line_no), 0))::text AS left,
           a.owner_id
    FROM order_lines l JOIN accounts a ON a.id = l.account_id
    WHERE a.tier = 'key' AND l.status = 'confirmed' AND l.order_date >= current_date - 40 AND l.order_date <= current_date - 3 AND l.quantity >= 4
    ORDER BY l.order_id, l.line_no LIMIT 4`);
  for (const [i, line] of lines.entries()) {
    const seed = actSeeds[i % actSeeds.length] as (typeof actSeeds)[number];
    const quantity = Math.min(2, Math.floor(Number(line.left))).toString();
    if (Number(quantity) <= 0) continue;
    const actDate = new Date(Date.parse(`${line.order_date}T00:00:00Z`) + rng.int(1, 2) * DAY).toISOString().slice(0, 10);
    await db.transaction(async (tx) => {
      const [act] = await tx
        .insert(serviceActs)
        .values({
          accountId: line.account_id,
          orderId: line.order_id,
          kind: seed.kind,
          actDate,
          status: seed.signed ? 'signed' : 'draft',
          note: seed.note,
          preventionNote: seed.prevention,
          createdById: line.owner_id ?? idOf('maria') ?? null,
          signedAt: seed.signed ? new Date(Date.parse(`${actDate}T12:00:00Z`)) : null,
        })
        .returning({ id: serviceActs.id, reference: serviceActs.reference });
      if (!act) return;
      const returnId = seed.signed ? `${act.reference}-${line.line_no}` : null;
      await tx.insert(serviceActLines).values({ actId: act.id, lineNo: line.line_no, quantity, reason: seed.reason, returnId });
      if (returnId)
        await bookReturns(tx, [
          { return_id: returnId, order_id: line.order_id, line_no: line.line_no, return_date: actDate, quantity, reason: seed.reason },
        ]);
    });
  }
}

const fresh = [
  { hoursAgo: 0.5, severity: 'high' as const, subject: 'Недовоз по заказу: не хватает двух коробок', waiting: false },
  { hoursAgo: 26, severity: 'normal' as const, subject: 'Пересорт: вместо 0,5 л пришли бутылки 1 л', waiting: true },
  { hoursAgo: 80, severity: 'critical' as const, subject: 'Сорвана поставка к открытию магазина', waiting: false },
];

/** Complaints of the last days taken in through the desk itself: new, waiting for the client, and one whose clocks ran out. */
async function freshComplaints(db: Db) {
  const { rows } = await db.execute<{ account_id: string; contact_id: string; email: string; name: string }>(sql`
    SELECT DISTINCT ON (a.id) a.id AS account_id, c.id AS contact_id, c.email, c.full_name AS name
    FROM accounts a JOIN contacts c ON c.account_id = a.id
    WHERE a.tier = 'key' AND a.status = 'active' AND c.email IS NOT NULL AND c.buying_role = 'decision_maker'
    ORDER BY a.id, c.id LIMIT 3`);
  const cal = await loadBusinessCalendar(db);
  for (const [i, r] of rows.entries()) {
    const f = fresh[i] as (typeof fresh)[number];
    const receivedAt = new Date(Date.now() - f.hoursAgo * 3_600_000);
    await db.transaction(async (tx) => {
      const c = await intake(tx, cal, {
        accountId: r.account_id,
        severity: f.severity,
        legalClaim: false,
        subject: f.subject,
        description: f.subject,
        contactId: r.contact_id,
        contactEmail: r.email,
        contactName: r.name,
        clientLocale: 'ru',
        receivedAt: receivedAt.toISOString(),
        channel: i === 0 ? 'email' : 'web',
        actorId: null,
      });
      if (f.waiting) {
        const asked = new Date(receivedAt.getTime() + 2 * 3_600_000);
        await tx.insert(complaintPauses).values({ complaintId: c.id, startedAt: asked });
        await tx
          .update(complaints)
          .set({ status: 'waiting_client', firstResponseAt: asked, pausedSince: asked, responseDueAt: null, resolutionDueAt: null })
          .where(eq(complaints.id, c.id));
      }
    });
  }
}
