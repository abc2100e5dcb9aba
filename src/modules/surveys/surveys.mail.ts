import type { Locale } from '../../core/contracts.js';
import { renderMail } from '../mail/mail.service.js';

/** The invitation to answer a survey, in the client's language. */
export function invitation(locale: Locale, c: { company: string; url: string; reference: string | null }) {
  const subject = locale === 'ru' ? `${c.company}: оцените нашу работу` : `${c.company}: how did we do?`;
  const paragraphs =
    locale === 'ru'
      ? [
          c.reference
            ? `Мы закрыли ваше обращение ${c.reference}. Насколько вы довольны тем, как мы его решили?`
            : 'Насколько вы довольны работой с нами? Это займёт полминуты.',
          'Ответ анонимен для всех, кроме вашего менеджера. Ссылка действует 30 дней.',
        ]
      : [
          c.reference
            ? `We have resolved your complaint ${c.reference}. How satisfied are you with how we handled it?`
            : 'How satisfied are you with working with us? It takes half a minute.',
          'Only your account manager sees your answer. The link works for 30 days.',
        ];
  return {
    subject,
    ...renderMail(locale, { title: subject, paragraphs, action: { label: locale === 'ru' ? 'Оценить' : 'Rate us', url: c.url } }),
  };
}
