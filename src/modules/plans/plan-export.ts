import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { getAccount } from '../accounts/accounts.service.js';
import { findCompany } from '../company/company.service.js';
import { renderPlanPdf } from './plan-pdf.js';
import { planPdfEn, planPdfRu } from './plan-pdf.texts.js';
import { getPlan } from './plans.service.js';

const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `Content-Disposition` for a download: an ASCII name for old clients and the real one in UTF-8. */
export function attachment(name: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** The printable account plan, in the language asked for (else the reader's); audited as an export. */
export async function exportPlanPdf(ctx: Ctx, accountId: string, lang?: 'en' | 'ru'): Promise<{ pdf: Buffer; disposition: string }> {
  const actor = actorOf(ctx);
  const language = lang ?? actor.locale;
  const plan = await getPlan(ctx, accountId);
  const [account, company] = await Promise.all([getAccount(ctx, accountId), findCompany(ctx.db)]);
  const pdf = await renderPlanPdf({
    plan,
    account: { name: account.name, owner: account.owner?.name ?? null, tier: account.tier, status: account.status },
    lang: language,
    timeZone: company?.timeZone ?? 'UTC',
    generatedBy: actor.name,
  });
  await recordAudit(ctx, {
    action: 'plan.export',
    entity: 'account_plan',
    entityId: accountId,
    after: { format: 'pdf', lang: language, bytes: pdf.length },
  });
  const title = (language === 'ru' ? planPdfRu : planPdfEn).title;
  const slug = account.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return { pdf, disposition: attachment(`${title} - ${account.name}.pdf`, `account-plan${slug ? `-${slug}` : ''}.pdf`) };
}
