import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import type { MailSettings, MailSettingsInput } from './mail.contracts.js';
import { canSend, fromOf, mailSettingsRow, transportFor } from './mail.outbox.js';
import { mailSettings } from './mail.schema.js';
import { renderMail } from './mail.service.js';

/** Where Grove's inbound SMTP endpoint listens (from GROVE_SMTP_PORT / GROVE_SMTP_HOST), for the settings page. */
export interface InboundInfo {
  port: number;
  host: string;
}

type Row = NonNullable<Awaited<ReturnType<typeof mailSettingsRow>>>;

const view = (r: Row | null, inbound: InboundInfo | null): MailSettings => ({
  enabled: r?.enabled ?? false,
  smtpHost: r?.smtpHost ?? null,
  smtpPort: r?.smtpPort ?? null,
  smtpSecure: r?.smtpSecure ?? false,
  smtpUser: r?.smtpUser ?? null,
  smtpPasswordSet: !!r?.smtpPassword,
  fromAddress: r?.fromAddress ?? null,
  fromName: r?.fromName ?? null,
  complaintsAddress: r?.complaintsAddress ?? null,
  inbound,
});

/** The settings without the password, as the audit log keeps them. */
const audited = (s: MailSettings) => {
  const { inbound: _inbound, ...rest } = s;
  return rest;
};

export async function getMailSettings(ctx: Ctx, inbound: InboundInfo | null): Promise<MailSettings> {
  assertCan(actorOf(ctx), 'company.manage');
  return view(await mailSettingsRow(ctx.db), inbound);
}

export async function updateMailSettings(ctx: Ctx, input: MailSettingsInput, inbound: InboundInfo | null): Promise<MailSettings> {
  const actor = actorOf(ctx);
  assertCan(actor, 'company.manage');
  if (input.enabled && (!input.smtpHost || !input.smtpPort || !input.fromAddress)) throw new AppError('MAIL_SETTINGS_INCOMPLETE', 400);
  return ctx.db.transaction(async (tx) => {
    await tx.insert(mailSettings).values({ id: 1 }).onConflictDoNothing();
    const before = await mailSettingsRow(tx);
    const { smtpPassword, ...rest } = input;
    const password = smtpPassword === undefined ? (before?.smtpPassword ?? null) : smtpPassword || null;
    const [row] = await tx
      .update(mailSettings)
      .set({ ...rest, smtpPassword: password, updatedAt: new Date(), updatedById: actor.userId })
      .where(eq(mailSettings.id, 1))
      .returning();
    const after = view(row ?? null, inbound);
    await recordAudit(
      ctx,
      {
        action: 'mail.settings.update',
        entity: 'mail_settings',
        entityId: '1',
        before: audited(view(before, null)),
        after: { ...audited(after), passwordChanged: smtpPassword !== undefined && smtpPassword !== before?.smtpPassword },
      },
      tx,
    );
    return after;
  });
}

/** Sends a test message at once through the stored SMTP settings (even before mail is switched on). */
export async function sendTestMail(ctx: Ctx, to: string): Promise<void> {
  assertCan(actorOf(ctx), 'company.manage');
  const s = await mailSettingsRow(ctx.db);
  if (!canSend(s)) throw new AppError('MAIL_NOT_CONFIGURED', 409);
  const title = ctx.locale === 'ru' ? 'Проверка почты Grove' : 'Grove test message';
  const body =
    ctx.locale === 'ru'
      ? ['Это проверочное письмо. Если вы его читаете, Grove умеет отправлять почту.']
      : ['This is a test message. If you can read it, Grove can send mail.'];
  const { text, html } = renderMail(ctx.locale, { title, paragraphs: body });
  const transport = transportFor(s);
  try {
    await transport.sendMail({ from: fromOf(s), to, subject: title, text, html });
  } catch (err) {
    throw new AppError('MAIL_SEND_FAILED', 422, { reason: (err instanceof Error ? err.message : String(err)).slice(0, 300) });
  } finally {
    transport.close?.();
  }
  await recordAudit(ctx, { action: 'mail.test', entity: 'mail_settings', entityId: '1', after: { to } });
}
