import type { DeepString } from '../../i18n/catalog';

/** English texts of the in-app inbox (H5); `notificationsRu` must have exactly the same keys. */
export const notificationsEn = {
  bell: 'Notifications',
  bellUnread: 'Notifications, {{count}} unread',
  title: 'Notifications',
  markAllRead: 'Mark all read',
  unread: 'Unread',
  loadMore: 'Show older',
  empty: {
    title: 'Nothing new',
    text: 'Tasks given to you, tasks due today or overdue, reminders of the contacts in your weekly plan, absences you are part of and @mentions in task comments arrive here.',
  },
  text: {
    task_assigned: '{{by}} gave you a task: {{title}}',
    task_due: 'Due today: {{title}}',
    task_overdue: 'Overdue since {{date}}: {{title}}',
    plan_reminder: 'Coming up at {{time}}: {{type}} — {{account}}',
    absence_started: {
      absent: 'Your absence has begun: {{deputy}} covers for you until {{lastDay}}',
      deputy: 'You cover for {{user}} until {{lastDay}}',
    },
    absence_ended: {
      absent: 'Your absence is over: {{deputy}} no longer covers for you',
      deputy: '{{user}} is back: you no longer cover for them',
    },
    mention: '{{by}} mentioned you in the task “{{title}}”',
  },
  settings: {
    title: 'Notifications',
    text: 'Choose what arrives in your inbox (the bell at the top) and how early the weekly plan reminds you of a contact.',
    receive: 'I receive',
    reminder: 'Remind me of planned contacts',
    minutes: '{{count}} minutes before',
    saved: 'Notification settings saved.',
    kinds: {
      task_assigned: 'Tasks given to me',
      task_due: 'Tasks due today',
      task_overdue: 'Overdue tasks',
      plan_reminder: 'Reminders of planned contacts',
      absence_started: 'Absences beginning (mine and those I cover)',
      absence_ended: 'Absences ending (mine and those I cover)',
      mention: '@mentions in task comments',
    },
  },
};

export const notificationsRu = {
  bell: 'Уведомления',
  bellUnread: 'Уведомления, непрочитанных: {{count}}',
  title: 'Уведомления',
  markAllRead: 'Прочитать все',
  unread: 'Новое',
  loadMore: 'Показать более ранние',
  empty: {
    title: 'Ничего нового',
    text: 'Сюда приходят задачи, которые вам поручили, задачи со сроком сегодня и просроченные, напоминания о контактах из недельного плана, отсутствия, в которых вы участвуете, и @упоминания в комментариях к задачам.',
  },
  text: {
    task_assigned: '{{by}}: новая задача для вас — {{title}}',
    task_due: 'Срок сегодня: {{title}}',
    task_overdue: 'Просрочена с {{date}}: {{title}}',
    plan_reminder: 'Скоро, в {{time}}: {{type}} — {{account}}',
    absence_started: {
      absent: 'Ваше отсутствие началось: до {{lastDay}} вас замещает {{deputy}}',
      deputy: 'Вы замещаете коллегу ({{user}}) до {{lastDay}}',
    },
    absence_ended: {
      absent: 'Ваше отсутствие завершено: {{deputy}} больше не замещает вас',
      deputy: 'Замещение завершено: {{user}} снова на месте',
    },
    mention: '{{by}} упоминает вас в задаче «{{title}}»',
  },
  settings: {
    title: 'Уведомления',
    text: 'Выберите, что приходит во входящие (колокольчик вверху), и за сколько минут недельный план напоминает о контакте.',
    receive: 'Я получаю',
    reminder: 'Напоминать о запланированных контактах',
    minutes: 'За {{count}} мин',
    saved: 'Настройки уведомлений сохранены.',
    kinds: {
      task_assigned: 'Задачи, поручённые мне',
      task_due: 'Задачи со сроком сегодня',
      task_overdue: 'Просроченные задачи',
      plan_reminder: 'Напоминания о запланированных контактах',
      absence_started: 'Начало отсутствий (моих и тех, кого я замещаю)',
      absence_ended: 'Конец отсутствий (моих и тех, кого я замещаю)',
      mention: '@упоминания в комментариях к задачам',
    },
  },
} satisfies DeepString<typeof notificationsEn>;
