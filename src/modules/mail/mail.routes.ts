import { Ok } from '../../core/contracts.js';
import type { App, AppDeps } from '../../core/http/types.js';
import { MailSettings, MailSettingsInput, MailTestRequest } from './mail.contracts.js';
import { getMailSettings, type InboundInfo, sendTestMail, updateMailSettings } from './mail.settings.js';

const tags = ['mail'];
const access = { permission: 'company.manage' } as const;

export function registerMailRoutes(app: App, deps: AppDeps) {
  const inbound: InboundInfo | null =
    deps.config.smtpPort !== undefined ? { port: deps.config.smtpPort, host: deps.config.smtpHost } : null;
  app.get(
    '/api/mail/settings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Outgoing SMTP and the complaints mailbox (the password is never returned)',
        response: { 200: MailSettings },
      },
    },
    async (req) => getMailSettings(req.ctx, inbound),
  );
  app.put(
    '/api/mail/settings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change the mail settings; an omitted password keeps the stored one',
        body: MailSettingsInput,
        response: { 200: MailSettings },
      },
    },
    async (req) => updateMailSettings(req.ctx, req.body, inbound),
  );
  app.post(
    '/api/mail/test',
    {
      config: { access, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Send a test message now through the stored SMTP settings', body: MailTestRequest, response: { 200: Ok } },
    },
    async (req) => {
      await sendTestMail(req.ctx, req.body.to);
      return { ok: true as const };
    },
  );
}
