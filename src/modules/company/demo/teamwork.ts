import type { absences } from '../../absences/absences.schema.js';
import { meetingTypes } from '../../interactions/interactions.contracts.js';
import type { interactionContacts, interactionMoves } from '../../interactions/interactions.schema.js';
import { defaultDurationMinutes } from '../../interactions/interactions.rules.js';
import type { notifications } from '../../notifications/notifications.schema.js';
import type { taskComments, tasks } from '../../tasks/tasks.schema.js';
import type { DemoAccount } from './accounts.js';
import type { Days } from './ledger.js';
import type { Builder } from './model.js';
import type { Rng } from './random.js';

/**
 * The weekly plan and the teamwork around it (issue 5): which interactions of the Grove era were
 * planned (some moved, some cancelled with a reason, a few missed) and which were off-plan, who from
 * the client took part, tasks between seniors and juniors, a colleague away right now with a deputy,
 * and the tasks waiting in their inboxes (the sweep of `grove serve` adds what is due and the absence).
 */
export interface TeamworkRows {
  interactionContacts: (typeof interactionContacts.$inferInsert)[];
  interactionMoves: (typeof interactionMoves.$inferInsert)[];
  tasks: (typeof tasks.$inferInsert)[];
  taskComments: (typeof taskComments.$inferInsert)[];
  absences: (typeof absences.$inferInsert)[];
  notifications: (typeof notifications.$inferInsert)[];
}

const visitLike = new Set<string>(meetingTypes);
const DAY = 86_400_000;

const moveReasons = {
  ru: ['Клиент попросил перенести', 'Совпало с инвентаризацией у клиента', 'Закупщик в командировке', 'Перенесли по просьбе ЛПР'],
  en: [
    'The client asked to move it',
    'Clashed with the client’s stock-take',
    'The buyer was travelling',
    'Moved at the decision maker’s request',
  ],
};

export function buildTeamwork(b: Builder, days: Days, accounts: DemoAccount[], rng: Rng): TeamworkRows {
  const out: TeamworkRows = { interactionContacts: [], interactionMoves: [], tasks: [], taskComments: [], absences: [], notifications: [] };
  const now = b.cal.at(b.cal.today, 12);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const contactsOf = new Map<string, { id: string; role: string | null }[]>();
  for (const c of b.rows.contacts)
    contactsOf.set(c.accountId, [...(contactsOf.get(c.accountId) ?? []), { id: c.id as string, role: c.buyingRole ?? null }]);

  for (const i of b.rows.interactions) {
    const at = i.occurredAt as Date;
    const lang = byId.get(i.accountId)?.lang ?? 'ru';
    i.durationMinutes = defaultDurationMinutes(i.type);
    i.plannedFor = null;
    i.cancelReason = null;
    i.completedAt = null;
    if (i.externalId) {
      i.origin = 'import';
      continue;
    }
    if (i.status === 'planned') {
      i.origin = 'plan';
      i.plannedFor = at;
      continue;
    }
    const planned = i.type !== 'email' && rng.chance(0.8);
    i.origin = planned ? 'plan' : 'off_plan';
    if (i.status === 'cancelled') {
      i.origin = 'plan';
      i.plannedFor = at;
      i.cancelReason = i.outcome ?? null;
      i.outcome = null;
      continue;
    }
    i.completedAt = new Date(at.getTime() + (i.durationMinutes ?? 60) * 60_000);
    if (planned) {
      i.plannedFor = at;
      if (rng.chance(0.15)) {
        const from = new Date(at.getTime() - rng.int(1, 3) * DAY);
        i.plannedFor = from;
        out.interactionMoves.push({
          interactionId: i.id as string,
          fromAt: from,
          toAt: at,
          reason: rng.pick(moveReasons[lang]),
          movedBy: i.userId,
          movedAt: new Date(from.getTime() - DAY),
        });
      }
    }
    // who from the client took part in meetings of the last half year
    if (visitLike.has(i.type) && now.getTime() - at.getTime() < 180 * DAY) {
      const people = contactsOf.get(i.accountId) ?? [];
      const dm = people.filter((p) => p.role === 'decision_maker');
      const picks = new Set<string>();
      if (dm.length && rng.chance(0.5)) picks.add(rng.pick(dm).id);
      if (people.length) picks.add(rng.pick(people).id);
      for (const contactId of picks) out.interactionContacts.push({ interactionId: i.id as string, contactId });
    }
  }

  missedItems(b, days, accounts, rng);
  tasksBetweenSeniorsAndJuniors(b, accounts, rng, out);
  currentAbsence(b, out);
  thisWeek(b, accounts, rng, out.absences);
  return out;
}

/** A few planned visits of the last fortnight nobody marked done or cancelled: the plan's "missed". */
function missedItems(b: Builder, days: Days, accounts: DemoAccount[], rng: Rng) {
  const live = accounts.filter((a) => a.status !== 'lost' && a.tier !== 'regular');
  for (let k = 0; k < 6; k++) {
    const a = rng.pick(live);
    const day = days.day(days.workdayUpTo(-rng.int(2, 12)));
    const at = b.cal.at(day, rng.int(10, 16));
    b.rows.interactions.push({
      id: rng.uuid(),
      externalId: null,
      accountId: a.id,
      userId: b.user(a.ownerKey).id,
      type: 'visit',
      status: 'planned',
      occurredAt: at,
      subject: a.lang === 'ru' ? 'Визит: проверка выкладки' : 'Visit: shelf check',
      outcome: null,
      createdAt: new Date(at.getTime() - 7 * DAY),
      updatedAt: new Date(at.getTime() - 7 * DAY),
      origin: 'plan',
      plannedFor: at,
      durationMinutes: 60,
      cancelReason: null,
      completedAt: null,
    });
  }
}

const weekSubjects = {
  ru: { visit: 'Визит: проверка выкладки и остатков', call: 'Звонок: подтверждение заказа', meeting: 'Встреча: планы на квартал' },
  en: { visit: 'Visit: shelf and stock check', call: 'Call: order confirmation', meeting: 'Meeting: next quarter’s plans' },
};
const weekOutcomes = {
  ru: ['Заказ подтверждён, отгрузка в четверг.', 'Договорились о пилоте новой линейки.', 'Выкладка в порядке, остатки на неделю.'],
  en: ['Order confirmed, delivery on Thursday.', 'Agreed a pilot of the new range.', 'Shelves fine, a week of stock left.'],
};

/**
 * The current week of every KAM, so the plan and "My day" have something to show: done visits and
 * calls on the days already past, and today's items, done if their time has passed, planned if not.
 */
function thisWeek(b: Builder, accounts: DemoAccount[], rng: Rng, away: TeamworkRows['absences']) {
  // nobody visits clients while on vacation
  const absent = (userId: string, day: string) => away.some((a) => a.userId === userId && a.firstDay <= day && day <= a.lastDay);
  const now = b.cal.now;
  const today = b.cal.today;
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const slots: { offset: number; hour: number; minute: number; type: 'visit' | 'call' | 'meeting' }[] = [];
  for (let d = -weekday; d < 0; d++)
    slots.push({ offset: d, hour: 11, minute: 0, type: 'visit' }, { offset: d, hour: 15, minute: 30, type: 'call' });
  slots.push(
    { offset: 0, hour: 9, minute: 30, type: 'call' },
    { offset: 0, hour: 13, minute: 0, type: 'visit' },
    { offset: 0, hour: 16, minute: 30, type: 'meeting' },
  );
  for (const person of b.people.filter((p) => p.role === 'kam' || p.role === 'senior_kam')) {
    const theirs = accounts.filter((a) => a.ownerKey === person.key && a.status !== 'lost' && a.tier !== 'regular');
    if (!theirs.length) continue;
    for (const slot of slots) {
      const day = new Date(Date.parse(`${today}T00:00:00Z`) + slot.offset * DAY).toISOString().slice(0, 10);
      if (new Date(`${day}T00:00:00Z`).getUTCDay() % 6 === 0 || absent(person.id, day)) continue;
      const a = rng.pick(theirs);
      const at = b.cal.moment(day, slot.hour, slot.minute);
      const done = at.getTime() + 3_600_000 < now;
      const planned = new Date(at.getTime() - rng.int(2, 6) * DAY);
      // the account's last contact stays its latest done interaction
      const last = a.row.lastContactAt as Date | null | undefined;
      if (done && (!last || last < at)) a.row.lastContactAt = at;
      b.rows.interactions.push({
        id: rng.uuid(),
        externalId: null,
        accountId: a.id,
        userId: person.id,
        type: slot.type,
        status: done ? 'done' : 'planned',
        occurredAt: at,
        subject: weekSubjects[a.lang][slot.type],
        outcome: done ? rng.pick(weekOutcomes[a.lang]) : null,
        createdAt: planned,
        updatedAt: done ? at : planned,
        origin: 'plan',
        plannedFor: at,
        durationMinutes: defaultDurationMinutes(slot.type),
        cancelReason: null,
        completedAt: done ? new Date(at.getTime() + 3_600_000) : null,
      });
    }
  }
}

const taskTexts = {
  ru: [
    'Подготовить КП на новую линейку',
    'Согласовать график поставок на декабрь',
    'Выяснить причину снижения заказов',
    'Назначить встречу с ЛПР',
    'Проверить выкладку в трёх магазинах',
    'Собрать акт сверки за квартал',
    'Провести обучение персонала клиента',
    'Обновить карту отношений',
  ],
  en: [
    'Prepare a proposal for the new range',
    'Agree the December delivery schedule',
    'Find out why orders dropped',
    'Book a meeting with the decision maker',
    'Check the shelves in three stores',
    'Get the quarterly reconciliation signed',
    'Run a training for the client’s staff',
    'Update the relationship map',
  ],
};
const commentTexts = {
  ru: ['Созвонился, жду ответа до пятницы.', 'Нужна помощь с ценами — обсудим на планёрке?', 'Готово, файл приложил в карточку клиента.'],
  en: [
    'Called them, waiting for an answer by Friday.',
    'I need help with the prices — shall we discuss at the stand-up?',
    'Done, the file is on the account.',
  ],
};

function tasksBetweenSeniorsAndJuniors(b: Builder, accounts: DemoAccount[], rng: Rng, out: TeamworkRows) {
  const today = Date.parse(`${b.cal.today}T00:00:00Z`);
  const dayOffset = (n: number) => new Date(today + n * DAY).toISOString().slice(0, 10);
  const juniorsOf = (senior: string) => b.people.filter((p) => p.managerKey === senior && p.role === 'kam');
  const give = (giverKey: string, assigneeKey: string, n: number) => {
    const assignee = b.user(assigneeKey);
    const theirs = accounts.filter((a) => a.ownerKey === assigneeKey && a.status !== 'lost');
    for (let k = 0; k < n; k++) {
      const a = theirs.length ? rng.pick(theirs) : null;
      const lang = a?.lang ?? 'ru';
      const due = rng.int(-6, 12);
      const status = due < -3 ? (rng.chance(0.6) ? 'done' : 'open') : due < 2 && rng.chance(0.3) ? 'in_progress' : 'open';
      const created = new Date(today + (due - rng.int(5, 12)) * DAY + 9 * 3_600_000);
      const id = rng.uuid();
      out.tasks.push({
        id,
        title: rng.pick(taskTexts[lang]),
        accountId: a?.id ?? null,
        assigneeId: assignee.id,
        giverId: b.user(giverKey).id,
        dueDate: dayOffset(due),
        priority: rng.pick(['low', 'normal', 'normal', 'high', 'urgent'] as const),
        status,
        createdAt: created,
        updatedAt: created,
      });
      if (rng.chance(0.5))
        out.taskComments.push({
          taskId: id,
          authorId: assignee.id,
          body: rng.pick(commentTexts[lang]),
          createdAt: new Date(created.getTime() + DAY),
        });
      if (status !== 'done' && k === 0)
        out.notifications.push({
          userId: assignee.id,
          kind: 'task_assigned',
          payload: { taskId: id, title: out.tasks[out.tasks.length - 1]!.title, by: b.user(giverKey).name, dueDate: dayOffset(due) },
          link: `/tasks?task=${id}`,
          createdAt: created,
        });
    }
  };
  for (const senior of b.people.filter((p) => p.role === 'senior_kam')) {
    for (const junior of juniorsOf(senior.key)) give(senior.key, junior.key, rng.int(2, 4));
    give('head', senior.key, 2);
  }
}

/** Olga is on vacation this week; Maria covers her accounts and queue until she is back. */
function currentAbsence(b: Builder, out: TeamworkRows) {
  const olga = b.user('olga');
  const maria = b.user('maria');
  out.absences.push({
    userId: olga.id,
    deputyId: maria.id,
    kind: 'vacation',
    firstDay: b.cal.workday(-2),
    lastDay: b.cal.workday(5),
    note: 'Отпуск, на связи по срочным вопросам',
    createdById: b.user('anna').id,
    createdAt: b.cal.at(b.cal.workday(-10), 11),
  });
  out.absences.push({
    userId: b.user('james').id,
    deputyId: b.user('tom').id,
    kind: 'business_trip',
    firstDay: b.cal.workday(8),
    lastDay: b.cal.workday(10),
    note: 'Trade fair in Berlin',
    createdById: b.user('james').id,
    createdAt: b.cal.at(b.cal.workday(-3), 15),
  });
}
