import { eq } from 'drizzle-orm';
import type { Locale } from '../../core/contracts.js';
import type { Executor } from '../../core/db/tx.js';
import { company } from '../company/company.schema.js';
import { enqueueMail, renderMail } from '../mail/mail.service.js';
import { users } from '../users/users.schema.js';
import type { NotificationPayload } from './notifications.contracts.js';
import { notificationSettings } from './notifications.schema.js';

/**
 * The e-mail copy of an inbox notification (H5): the same text as the bell shows
 * (web/src/features/notifications), in the reader's language, with a link into the app.
 */

const interactionTypes: Record<Locale, Record<string, string>> = {
  en: {
    meeting: 'Meeting',
    visit: 'Visit',
    call: 'Call',
    email: 'E-mail',
    presentation: 'Presentation',
    negotiation: 'Negotiation',
    training: 'Training',
  },
  ru: {
    meeting: 'Встреча',
    visit: 'Визит',
    call: 'Звонок',
    email: 'Письмо',
    presentation: 'Презентация',
    negotiation: 'Переговоры',
    training: 'Обучение',
  },
};

const clocks: Record<Locale, Record<string, string>> = {
  en: { first_response: 'first response', resolution: 'resolution', statutory: 'statutory' },
  ru: { first_response: 'первый ответ', resolution: 'решение', statutory: 'срок по претензии' },
};

const requestStatuses: Record<Locale, Record<string, string>> = {
  en: { new: 'new', in_progress: 'in progress', waiting: 'waiting', done: 'done', rejected: 'rejected', cancelled: 'cancelled' },
  ru: { new: 'новый', in_progress: 'в работе', waiting: 'ожидание', done: 'выполнен', rejected: 'отклонён', cancelled: 'отменён' },
};

const intlLocale = (l: Locale) => (l === 'ru' ? 'ru-RU' : 'en-GB');

/** `2026-11-27` → 27 November 2026 / 27 ноября 2026 г. */
function day(l: Locale, iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Intl.DateTimeFormat(intlLocale(l), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function time(l: Locale, iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(l), { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
}

/** The one-line text of a notification, as in the inbox. */
export function notificationText(l: Locale, kind: string, p: NotificationPayload, timeZone = 'UTC'): string {
  const s = (k: string) => (p[k] === null || p[k] === undefined ? '' : String(p[k]));
  const ru = l === 'ru';
  const deputy = s('role') === 'deputy';
  switch (kind) {
    case 'task_assigned':
      return ru ? `${s('by')}: новая задача для вас — ${s('title')}` : `${s('by')} gave you a task: ${s('title')}`;
    case 'task_due':
      return ru ? `Срок сегодня: ${s('title')}` : `Due today: ${s('title')}`;
    case 'task_overdue':
      return ru ? `Просрочена с ${day(l, s('dueDate'))}: ${s('title')}` : `Overdue since ${day(l, s('dueDate'))}: ${s('title')}`;
    case 'plan_reminder': {
      const type = interactionTypes[l][s('type')] ?? s('type');
      const at = s('time') ? time(l, s('time'), timeZone) : '';
      return ru ? `Скоро, в ${at}: ${type} — ${s('accountName')}` : `Coming up at ${at}: ${type} — ${s('accountName')}`;
    }
    case 'absence_started':
      if (deputy)
        return ru
          ? `Вы замещаете коллегу (${s('userName')}) до ${day(l, s('lastDay'))}`
          : `You cover for ${s('userName')} until ${day(l, s('lastDay'))}`;
      return ru
        ? `Ваше отсутствие началось: до ${day(l, s('lastDay'))} вас замещает ${s('deputyName')}`
        : `Your absence has begun: ${s('deputyName')} covers for you until ${day(l, s('lastDay'))}`;
    case 'absence_ended':
      if (deputy)
        return ru ? `Замещение завершено: ${s('userName')} снова на месте` : `${s('userName')} is back: you no longer cover for them`;
      return ru
        ? `Ваше отсутствие завершено: ${s('deputyName')} больше не замещает вас`
        : `Your absence is over: ${s('deputyName')} no longer covers for you`;
    case 'mention':
      return ru ? `${s('by')} упоминает вас в задаче «${s('title')}»` : `${s('by')} mentioned you in the task “${s('title')}”`;
    case 'request_status': {
      const status = requestStatuses[l][s('status')] ?? s('status');
      const reason = s('reason') ? `: ${s('reason')}` : '';
      return ru
        ? `${s('by')}: ваш запрос ${s('reference')} «${s('title')}» (${s('account')}) — ${status}${reason}`
        : `${s('by')}: your request ${s('reference')} “${s('title')}” (${s('account')}) is now ${status}${reason}`;
    }
    case 'request_overdue':
      if (s('stage') === 'warning')
        return ru
          ? `Срок запроса ${s('reference')} «${s('title')}» (${s('account')}) скоро истекает`
          : `Request ${s('reference')} “${s('title')}” (${s('account')}) is close to its deadline`;
      return ru
        ? `Запрос ${s('reference')} «${s('title')}» (${s('account')}) просрочен`
        : `Request ${s('reference')} “${s('title')}” (${s('account')}) is past its deadline`;
    case 'complaint_received':
      return ru
        ? `Новая жалоба ${s('reference')}${s('accountName') ? ` — ${s('accountName')}` : ''}`
        : `New complaint ${s('reference')}${s('accountName') ? ` — ${s('accountName')}` : ''}`;
    case 'complaint_warning': {
      const clock = clocks[l][s('clock')] ?? s('clock');
      const due = s('due') ? `${day(l, s('due').slice(0, 10))} ${time(l, s('due'), timeZone)}` : '';
      return ru
        ? `Жалоба ${s('reference')}: срок (${clock}) скоро истекает${due ? ` — ${due}` : ''}`
        : `Complaint ${s('reference')}: the ${clock} target is close${due ? ` — due ${due}` : ''}`;
    }
    case 'complaint_breach': {
      const clock = clocks[l][s('clock')] ?? s('clock');
      const account = s('accountName') ? ` (${s('accountName')})` : '';
      return ru
        ? `Жалоба ${s('reference')}${account}: срок (${clock}) нарушен`
        : `Complaint ${s('reference')}${account}: the ${clock} target is breached`;
    }
    default:
      return ru ? 'В Grove для вас новое уведомление' : 'You have a new notification in Grove';
  }
}

const open: Record<Locale, string> = { en: 'Open in Grove', ru: 'Открыть в Grove' };
const why: Record<Locale, string> = {
  en: 'You receive this because you asked for these notifications by e-mail (Profile → Notifications).',
  ru: 'Вы получили это письмо, потому что включили такие уведомления по почте (Профиль → Уведомления).',
};

/** The message for one notification, ready for the outbox. */
export function notificationMail(
  l: Locale,
  kind: string,
  p: NotificationPayload,
  link: string | null,
  publicUrl: string,
  timeZone = 'UTC',
) {
  const subject = notificationText(l, kind, p, timeZone);
  const paragraphs = [...(kind === 'mention' && p.excerpt ? [String(p.excerpt)] : []), why[l]];
  const url = link ? `${publicUrl.replace(/\/+$/, '')}${link.startsWith('/') ? '' : '/'}${link}` : null;
  return { subject, ...renderMail(l, { title: subject, paragraphs, ...(url ? { action: { label: open[l], url } } : {}) }) };
}

/** The base URL of links in e-mails: GROVE_PUBLIC_URL, else http://localhost:PORT. */
export const publicUrlForMail = () => process.env.GROVE_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

/**
 * Queues the e-mail copy of a notification just created, when its reader asked for that kind by
 * e-mail and is active. In the notification's own transaction, so both land or neither does.
 */
export async function mailNotification(
  tx: Executor,
  n: { id: string; userId: string; kind: string; payload: NotificationPayload; link: string | null },
): Promise<boolean> {
  const [u] = await tx
    .select({ email: users.email, locale: users.locale, disabledAt: users.disabledAt, emailKinds: notificationSettings.emailKinds })
    .from(users)
    .innerJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(eq(users.id, n.userId));
  if (!u || u.disabledAt || !u.emailKinds.includes(n.kind)) return false;
  const [c] = await tx.select({ timeZone: company.timeZone }).from(company).where(eq(company.id, 1));
  const m = notificationMail(u.locale as Locale, n.kind, n.payload, n.link, publicUrlForMail(), c?.timeZone ?? 'UTC');
  return enqueueMail(tx, { to: u.email, ...m, kind: `notification.${n.kind}`, dedupeKey: `notification:${n.id}` });
}
