import type { DeepString } from '../../i18n/catalog';

/** English texts of the calendar feed section of the profile (C3); `calendarFeedRu` has exactly the same keys. */
export const calendarFeedEn = {
  title: 'Calendar feed',
  text: 'Subscribe to your plan from Outlook, Google Calendar or your phone: a private link shows your planned, done and cancelled visits, calls and meetings from a month back to half a year ahead, with reminders, and updates by itself.',
  create: 'Create feed URL',
  download: 'Download the next 3 months (.ics)',
  createdTitle: 'Your calendar feed URL',
  shownOnce:
    'Copy this link now: it is shown only once. Anyone who has it can read your plan, so keep it private; if it leaks, revoke it and create a new one.',
  howTo:
    'Outlook: Add calendar → Subscribe from web. Google Calendar: Other calendars → From URL. iPhone: Settings → Calendar → Accounts → Add subscribed calendar.',
  done: 'Done',
  created: 'Created',
  lastUsed: 'Last used',
  state: 'State',
  active: 'Active',
  revoked: 'Revoked {{date}}',
  revoke: 'Revoke',
  revokeTitle: 'Revoke the calendar feed?',
  revokeConfirm:
    'Calendars subscribed to this link stop receiving your plan at once. This cannot be undone; you can create a new link later.',
  revokedNotice: 'Calendar feed revoked',
  emptyTitle: 'No calendar feeds',
  emptyText: 'Create a feed URL and add it to your calendar app to see your plan there.',
};

export const calendarFeedRu = {
  title: 'Календарь',
  text: 'Подпишитесь на свой план в Outlook, Google Календаре или на телефоне: личная ссылка показывает запланированные, проведённые и отменённые визиты, звонки и встречи за месяц назад и на полгода вперёд, с напоминаниями, и обновляется сама.',
  create: 'Создать ссылку на календарь',
  download: 'Скачать ближайшие 3 месяца (.ics)',
  createdTitle: 'Ссылка на ваш календарь',
  shownOnce:
    'Скопируйте ссылку сейчас: она показывается только один раз. Любой, у кого она есть, может читать ваш план, поэтому не передавайте её; если она попала к посторонним, отзовите её и создайте новую.',
  howTo:
    'Outlook: «Добавить календарь» → «Подписаться из Интернета». Google Календарь: «Другие календари» → «Добавить по URL». iPhone: «Настройки» → «Календарь» → «Учётные записи» → «Подписной календарь».',
  done: 'Готово',
  created: 'Создана',
  lastUsed: 'Последнее обращение',
  state: 'Состояние',
  active: 'Действует',
  revoked: 'Отозвана {{date}}',
  revoke: 'Отозвать',
  revokeTitle: 'Отозвать ссылку на календарь?',
  revokeConfirm:
    'Календари, подписанные на эту ссылку, сразу перестанут получать ваш план. Это нельзя отменить; новую ссылку можно создать позже.',
  revokedNotice: 'Ссылка на календарь отозвана',
  emptyTitle: 'Ссылок на календарь нет',
  emptyText: 'Создайте ссылку и добавьте её в приложение календаря, чтобы видеть там свой план.',
} satisfies DeepString<typeof calendarFeedEn>;
