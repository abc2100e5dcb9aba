import type { Locale } from '../../core/contracts.js';
import { renderMail } from '../mail/mail.service.js';

/** What the client receives from the service desk, in the client's language. */

export function acknowledgement(locale: Locale, c: { reference: string; subject: string | null; company: string; handler: string | null }) {
  const subject = locale === 'ru' ? `Ваше обращение ${c.reference} принято` : `We have received your complaint ${c.reference}`;
  const body =
    locale === 'ru'
      ? [
          `Здравствуйте! Мы получили ваше обращение${c.subject ? ` «${c.subject}»` : ''} и зарегистрировали его под номером ${c.reference}.`,
          c.handler
            ? `Им лично занимается ваш менеджер ${c.handler}; мы ответим в ближайшее рабочее время.`
            : 'Мы ответим в ближайшее рабочее время.',
          `Пожалуйста, указывайте номер ${c.reference} в переписке. С уважением, ${c.company}.`,
        ]
      : [
          `Hello, we have received your complaint${c.subject ? ` “${c.subject}”` : ''} and registered it as ${c.reference}.`,
          c.handler
            ? `Your account manager ${c.handler} is handling it personally; we will answer within business hours.`
            : 'We will answer within business hours.',
          `Please quote ${c.reference} in any reply. Kind regards, ${c.company}.`,
        ];
  return { subject, ...renderMail(locale, { title: subject, paragraphs: body }) };
}

export function replyToClient(locale: Locale, c: { reference: string; message: string; company: string; author: string }) {
  const subject = locale === 'ru' ? `Ответ по обращению ${c.reference}` : `About your complaint ${c.reference}`;
  const sign = locale === 'ru' ? `С уважением, ${c.author}, ${c.company}.` : `Kind regards, ${c.author}, ${c.company}.`;
  return { subject, ...renderMail(locale, { title: subject, paragraphs: [c.message, sign] }) };
}

export function resolvedNotice(locale: Locale, c: { reference: string; resolution: string; company: string }) {
  const subject = locale === 'ru' ? `Обращение ${c.reference} решено` : `Your complaint ${c.reference} is resolved`;
  const body =
    locale === 'ru'
      ? [c.resolution, 'Если вопрос не решён, просто ответьте на это письмо — мы откроем обращение снова.', `С уважением, ${c.company}.`]
      : [c.resolution, 'If anything is still wrong, just reply to this message and we will reopen it.', `Kind regards, ${c.company}.`];
  return { subject, ...renderMail(locale, { title: subject, paragraphs: body }) };
}
