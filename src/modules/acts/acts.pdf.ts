import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { ACCENT, HEAD_FILL, MUTED, pdfFormats, RULE, renderPdf } from '../../core/pdf.js';
import { accounts } from '../accounts/accounts.schema.js';
import { findCompany } from '../company/company.service.js';
import { attachment } from '../plans/plan-export.js';
import { eq } from 'drizzle-orm';
import type { ActDetail, ActKind } from './acts.contracts.js';
import { getAct } from './acts.service.js';

type Reason = ActDetail['lines'][number]['reason'];

const texts = {
  en: {
    titles: { shortage: 'Shortage act', mis_sort: 'Mis-sort act', return: 'Return act', refusal: 'Refusal act' } satisfies Record<
      ActKind,
      string
    >,
    number: 'No. {{reference}} of {{date}}',
    supplier: 'Supplier',
    client: 'Client',
    order: 'Order',
    orderOf: '{{order}} of {{date}}',
    status: { draft: 'Draft', signed: 'Signed' },
    statusLabel: 'Status',
    intro: 'The parties state that the goods of the order named below were found as follows:',
    columns: { no: 'No.', product: 'Product', sku: 'SKU', quantity: 'Quantity', reason: 'Reason', note: 'Note' },
    reasons: { defect: 'Defect', shortage: 'Shortage', mis_sort: 'Mis-sort', refusal: 'Refusal', other: 'Other' } satisfies Record<
      Reason,
      string
    >,
    total: 'Total',
    note: 'Note',
    signatures: 'Signatures',
    forSupplier: 'For the supplier',
    forClient: 'For the client',
    signLine: 'Signature / full name',
    position: 'Position',
    date: 'Date',
    stamp: 'Stamp',
    page: 'Page {{page}} of {{pages}}',
  },
  ru: {
    titles: { shortage: 'Акт о недостаче', mis_sort: 'Акт о пересортице', return: 'Акт возврата', refusal: 'Акт отказа' } satisfies Record<
      ActKind,
      string
    >,
    number: '№ {{reference}} от {{date}}',
    supplier: 'Поставщик',
    client: 'Покупатель',
    order: 'Заказ',
    orderOf: '{{order}} от {{date}}',
    status: { draft: 'Черновик', signed: 'Подписан' },
    statusLabel: 'Статус',
    intro: 'Стороны установили, что по указанному ниже заказу товар принят со следующими расхождениями:',
    columns: { no: '№', product: 'Товар', sku: 'Артикул', quantity: 'Количество', reason: 'Причина', note: 'Примечание' },
    reasons: { defect: 'Брак', shortage: 'Недостача', mis_sort: 'Пересортица', refusal: 'Отказ', other: 'Другое' } satisfies Record<
      Reason,
      string
    >,
    total: 'Итого',
    note: 'Примечание',
    signatures: 'Подписи сторон',
    forSupplier: 'От поставщика',
    forClient: 'От покупателя',
    signLine: 'Подпись / ФИО',
    position: 'Должность',
    date: 'Дата',
    stamp: 'М. П.',
    page: 'Страница {{page}} из {{pages}}',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(p[k] ?? ''));

export interface ActPdfInput {
  act: ActDetail;
  company: string;
  client: { name: string; legalName: string | null; address: string | null };
  lang: 'en' | 'ru';
  currency?: string;
  compress?: boolean;
}

export function actDocument({ act, company, client, lang, compress = true }: ActPdfInput): TDocumentDefinitions {
  const t = texts[lang];
  const f = pdfFormats(lang, 'RUB');
  const qty = (s: string) => new Intl.NumberFormat(f.tag, { maximumFractionDigits: 3 }).format(Number(s)).replace(/\u202f/g, '\u00a0');
  const total = act.lines.reduce((sum, l) => sum + Number(l.quantity), 0);
  const th = (s: string, right = false): TableCell => ({ text: s, style: 'th', alignment: right ? 'right' : 'left' });
  const party = (label: string, name: string, extra: (string | null)[]): Content => ({
    stack: [
      { text: label, style: 'label' },
      { text: name, style: 'metaValue' },
      ...extra.filter(Boolean).map((e) => ({ text: e as string, style: 'muted' })),
    ],
  });
  const signature = (label: string): Content => ({
    stack: [
      { text: label, bold: true, margin: [0, 0, 0, 18] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.75, lineColor: '#1f2933' }] },
      { text: t.signLine, style: 'label', margin: [0, 2, 0, 16] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.75, lineColor: '#1f2933' }] },
      { text: t.position, style: 'label', margin: [0, 2, 0, 16] },
      {
        columns: [
          {
            stack: [
              { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 100, y2: 0, lineWidth: 0.75, lineColor: '#1f2933' }] },
              { text: t.date, style: 'label', margin: [0, 2, 0, 0] },
            ],
          },
          { text: t.stamp, style: 'label', alignment: 'right' },
        ],
      },
    ],
  });

  const content: Content[] = [
    { text: t.titles[act.kind].toUpperCase(), style: 'kicker' },
    { text: t.titles[act.kind], style: 'h1' },
    { text: fill(t.number, { reference: act.reference, date: f.day(act.actDate) }), style: 'sub' },
    {
      columns: [
        party(t.supplier, company, []),
        party(t.client, client.name, [client.legalName && client.legalName !== client.name ? client.legalName : null, client.address]),
        {
          stack: [
            { text: t.order, style: 'label' },
            { text: act.orderDate ? fill(t.orderOf, { order: act.orderId, date: f.day(act.orderDate) }) : act.orderId, style: 'metaValue' },
            { text: t.statusLabel, style: 'label', margin: [0, 4, 0, 0] },
            { text: t.status[act.status], style: 'metaValue', color: act.status === 'signed' ? ACCENT : MUTED },
          ],
        },
      ],
      columnGap: 16,
      margin: [0, 14, 0, 14],
    },
    { text: t.intro, margin: [0, 0, 0, 8] },
    {
      table: {
        headerRows: 1,
        widths: [22, '*', 70, 60, 70, 110],
        dontBreakRows: true,
        body: [
          [
            th(t.columns.no),
            th(t.columns.product),
            th(t.columns.sku),
            th(t.columns.quantity, true),
            th(t.columns.reason),
            th(t.columns.note),
          ],
          ...act.lines.map((l): TableCell[] => [
            String(l.lineNo),
            { text: l.product.name, bold: true },
            l.product.sku,
            { text: qty(l.quantity), alignment: 'right' },
            t.reasons[l.reason],
            { text: l.note ?? '', style: 'muted' },
          ]),
          [{ text: t.total, bold: true, colSpan: 3 }, '', '', { text: qty(String(total)), bold: true, alignment: 'right' }, '', ''],
        ],
      },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => RULE,
        fillColor: (row) => (row === 0 ? HEAD_FILL : null),
        paddingTop: () => 4,
        paddingBottom: () => 4,
      },
    },
    ...(act.note ? [{ stack: [{ text: t.note, style: 'label' }, { text: act.note }], margin: [0, 12, 0, 0] } as Content] : []),
    {
      stack: [
        { text: t.signatures, style: 'h2', margin: [0, 24, 0, 12] },
        { columns: [signature(t.forSupplier), signature(t.forClient)], columnGap: 40 },
      ],
      unbreakable: true,
    },
  ];

  return {
    compress,
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: `${t.titles[act.kind]} ${act.reference}`, subject: t.titles[act.kind], creator: 'Grove' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, color: '#1f2933' },
    styles: {
      kicker: { fontSize: 8, bold: true, color: ACCENT },
      h1: { fontSize: 20, bold: true, margin: [0, 2, 0, 0] },
      h2: { fontSize: 12, bold: true, color: ACCENT },
      sub: { fontSize: 11, color: MUTED },
      th: { bold: true, fontSize: 8.5, color: MUTED },
      label: { fontSize: 7.5, color: MUTED },
      metaValue: { fontSize: 9.5, bold: true },
      muted: { color: MUTED, fontSize: 8.5 },
    },
    content,
    footer: (page, pages) => ({
      columns: [
        { text: `${company} · ${act.reference}`, style: 'muted' },
        { text: fill(t.page, { page, pages }), style: 'muted', alignment: 'right', width: 'auto' },
      ],
      margin: [40, 16, 40, 0],
    }),
  };
}

/** The act document for signature, in the language asked for (else the reader's); audited as an export. */
export async function exportActPdf(ctx: Ctx, id: string, lang?: 'en' | 'ru'): Promise<{ pdf: Buffer; disposition: string }> {
  const language = lang ?? actorOf(ctx).locale;
  const act = await getAct(ctx, id);
  const [company, [client]] = await Promise.all([
    findCompany(ctx.db),
    ctx.db
      .select({ name: accounts.name, legalName: accounts.legalName, address: accounts.address })
      .from(accounts)
      .where(eq(accounts.id, act.account.id)),
  ]);
  const pdf = await renderPdf(
    actDocument({
      act,
      company: company?.name ?? 'Grove',
      client: client ?? { name: act.account.name, legalName: null, address: null },
      lang: language,
    }),
  );
  await recordAudit(ctx, {
    action: 'act.export',
    entity: 'service_act',
    entityId: id,
    after: { format: 'pdf', lang: language, bytes: pdf.length },
  });
  const title = texts[language].titles[act.kind];
  return { pdf, disposition: attachment(`${title} ${act.reference}.pdf`, `act-${act.reference}.pdf`) };
}
