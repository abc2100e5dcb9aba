import type { Locale } from '../../core/contracts.js';
import type { Executor } from '../../core/db/tx.js';
import { mailOutbox } from './mail.schema.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** what it is about (a notification kind, 'complaint_ack', 'test'…) */
  kind: string;
  /** makes it go once: a second enqueue with the same key does nothing */
  dedupeKey?: string;
}

/**
 * Puts a message in the outbox. Pass the transaction of the change that causes it, so the mail
 * goes only if that change commits; the outbox worker (runMailOutbox) sends it.
 * Answers whether it was queued (false when the dedupe key was already used).
 */
export async function enqueueMail(tx: Executor, m: OutgoingMail): Promise<boolean> {
  const rows = await tx
    .insert(mailOutbox)
    .values({
      toAddress: m.to,
      subject: m.subject,
      textBody: m.text,
      htmlBody: m.html ?? null,
      kind: m.kind,
      dedupeKey: m.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

export interface MailContent {
  title: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}

const footer: Record<Locale, string> = {
  en: 'This message was sent by Grove.',
  ru: 'Это письмо отправлено из Grove.',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A plain, accessible message in both text and HTML (everything escaped). */
export function renderMail(locale: Locale, c: MailContent): { text: string; html: string } {
  const text = [
    c.title,
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    ...(c.action ? [`${c.action.label}: ${c.action.url}`, ''] : []),
    '--',
    footer[locale],
    '',
  ].join('\n');
  const lang = locale === 'ru' ? 'ru' : 'en';
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(c.title)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em;">',
    `<h1 style="font-size: 20px;">${escapeHtml(c.title)}</h1>`,
    ...c.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(c.action ? [`<p><a href="${escapeHtml(c.action.url)}" style="color: #1864ab;">${escapeHtml(c.action.label)}</a></p>`] : []),
    `<hr><p style="font-size: 13px; color: #555;">${escapeHtml(footer[locale])}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}
