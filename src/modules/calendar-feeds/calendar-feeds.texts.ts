import type { Locale } from '../../core/contracts.js';
import type { InteractionType } from '../interactions/interactions.contracts.js';

/** The texts of a calendar feed, in its owner's language (C3). */
export interface FeedTexts {
  calendarName: (userName: string) => string;
  description: string;
  types: Record<InteractionType, string>;
  subject: string;
  outcome: string;
  nextStep: string;
  cancelled: string;
  done: string;
  reminder: string;
}

const en: FeedTexts = {
  calendarName: (name) => `Grove — ${name}`,
  description: 'Your planned and done client interactions from Grove.',
  types: {
    meeting: 'Meeting',
    visit: 'Visit',
    call: 'Call',
    email: 'E-mail',
    presentation: 'Presentation',
    negotiation: 'Negotiation',
    training: 'Training',
  },
  subject: 'Subject',
  outcome: 'Outcome',
  nextStep: 'Next step',
  cancelled: 'Cancelled',
  done: 'Done',
  reminder: 'Reminder',
};

const ru: FeedTexts = {
  calendarName: (name) => `Grove — ${name}`,
  description: 'Ваши запланированные и проведённые контакты с клиентами из Grove.',
  types: {
    meeting: 'Встреча',
    visit: 'Визит',
    call: 'Звонок',
    email: 'Письмо',
    presentation: 'Презентация',
    negotiation: 'Переговоры',
    training: 'Обучение',
  },
  subject: 'Тема',
  outcome: 'Результат',
  nextStep: 'Следующий шаг',
  cancelled: 'Отменено',
  done: 'Проведено',
  reminder: 'Напоминание',
};

export const feedTexts = (locale: Locale): FeedTexts => (locale === 'ru' ? ru : en);
