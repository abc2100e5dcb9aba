import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/tx.js';
import { loadBusinessCalendar } from '../company/business-calendar.service.js';
import { contacts } from '../contacts/contacts.schema.js';
import { deadlines, pausesOf } from './complaints.clock.js';
import { complaintPauses, complaints } from './complaints.schema.js';
import { addEvent, intake } from './complaints.workflow.js';

/** A message the complaints mailbox received (mail.intake.ts parses it). */
export interface ComplaintMail {
  messageId: string;
  from: string;
  fromName: string | null;
  subject: string | null;
  text: string;
  receivedAt: Date;
}

const REFERENCE = /\bC-\d{6}\b/;
const cyrillic = /[а-яё]/i;

/**
 * E-mail intake (D1), in the transaction that records the message: a sender known as a contact of an
 * account becomes the complainant of a new complaint (acknowledged by e-mail at once, in their
 * language), unless the subject quotes one of their open complaints, whose story the message joins
 * (and whose clocks start again if the desk was waiting for the client). Unknown senders are left
 * for a person to look at.
 */
export async function receiveComplaintMail(
  tx: Executor,
  m: ComplaintMail,
): Promise<{ outcome: 'complaint' | 'unknown_sender'; complaintId?: string }> {
  const email = m.from.trim().toLowerCase();
  const [contact] = await tx
    .select()
    .from(contacts)
    .where(and(sql`lower(${contacts.email}) = ${email}`, isNull(contacts.archivedAt)))
    .orderBy(desc(contacts.updatedAt))
    .limit(1);
  if (!contact) return { outcome: 'unknown_sender' };

  const quoted = REFERENCE.exec(m.subject ?? '')?.[0];
  if (quoted) {
    const [existing] = await tx
      .select()
      .from(complaints)
      .where(and(eq(complaints.reference, quoted), eq(complaints.accountId, contact.accountId)));
    if (existing && existing.status !== 'closed') {
      await addEvent(tx, existing.id, 'client_replied', null, { from: email, subject: m.subject, text: m.text.slice(0, 10_000) });
      if (existing.status === 'waiting_client') {
        const now = new Date();
        await tx
          .update(complaintPauses)
          .set({ endedAt: now })
          .where(and(eq(complaintPauses.complaintId, existing.id), isNull(complaintPauses.endedAt)));
        const clock = deadlines(await loadBusinessCalendar(tx), existing, await pausesOf(tx, existing.id));
        await tx
          .update(complaints)
          .set({ status: 'in_progress', pausedSince: null, ...clock, updatedAt: now })
          .where(eq(complaints.id, existing.id));
        await addEvent(tx, existing.id, 'resumed', null, { by: 'client_reply' });
      }
      return { outcome: 'complaint', complaintId: existing.id };
    }
  }

  const row = await intake(tx, await loadBusinessCalendar(tx), {
    accountId: contact.accountId,
    severity: 'normal',
    legalClaim: false,
    subject: (m.subject ?? '').trim().slice(0, 200) || m.text.trim().slice(0, 80) || '—',
    description: m.text.slice(0, 10_000),
    contactId: contact.id,
    contactEmail: contact.email ?? email,
    contactName: contact.fullName ?? m.fromName ?? undefined,
    clientLocale: cyrillic.test(`${m.subject ?? ''} ${m.text}`) ? 'ru' : 'en',
    receivedAt: m.receivedAt.toISOString(),
    channel: 'email',
    actorId: null,
  });
  return { outcome: 'complaint', complaintId: row.id };
}
