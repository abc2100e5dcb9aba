import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { z } from 'zod';
import { recordAudit } from '../../core/audit/audit.service.js';
import type { Locale } from '../../core/contracts.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { ACCENT, HEAD_FILL, MUTED, pdfFormats, pdfSafe, RULE, renderPdf } from '../../core/pdf.js';
import { neutralizeFormula } from '../accounts/accounts.export.js';
import { IsoDate } from '../accounts/accounts.contracts.js';
import { findCompany } from '../company/company.service.js';
import { attachment } from '../plans/plan-export.js';
import { fill, type KpiExportTexts, kpiExportEn, kpiExportRu } from './kpi-export.texts.js';
import {
  type KpiFigures,
  type KpiKey,
  type KpiManagerFigures,
  type KpiSectionId,
  kpiKeys,
  kpiKinds,
  kpiSection,
  kpiSections,
} from './kpi.contracts.js';
import { kpiReport, kpiTeamReport } from './kpi.service.js';

export const KpiExportQuery = z
  .strictObject({
    format: z.enum(['xlsx', 'pdf']),
    from: IsoDate,
    to: IsoDate,
    /** one manager's figures (as `GET /api/kpi?manager=`) */
    manager: z.string().trim().toLowerCase().max(320).optional(),
    /** a senior KAM's team (as `GET /api/kpi/team?lead=`) */
    lead: z.string().trim().toLowerCase().max(320).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => !(q.manager && q.lead), { message: 'name a manager or a team lead, not both', path: ['lead'] });
export type KpiExportQuery = z.infer<typeof KpiExportQuery>;

/** The columns of the people table in the PDF, as many as a landscape page holds (the workbook has every figure). */
const pdfPeopleColumns: KpiKey[] = [
  'revenue',
  'revenue_plan',
  'plan_fulfilment_pct',
  'margin',
  'revenue_growth_pct',
  'active_clients_end',
  'new_clients',
  'retention_rate',
  'receivables_overdue',
  'complaints',
];

/** What one export shows: the figures of the view and, for a department or a team, its people. */
export interface KpiExportView {
  lang: Locale;
  scope: string;
  from: string;
  to: string;
  currency: string;
  windowDays: number;
  figures: KpiFigures;
  people: { kind: 'managers' | 'members'; rows: KpiManagerFigures[] } | null;
  generatedBy: string;
  timeZone: string;
  now: Date;
}

const noFigures = (): KpiFigures => Object.fromEntries(kpiKeys.map((k) => [k, null])) as KpiFigures;
const textsOf = (lang: Locale): KpiExportTexts => (lang === 'ru' ? kpiExportRu : kpiExportEn);

/**
 * The dashboard's current view as an XLSX workbook or a PDF, in the reader's language. The figures
 * are the report's own (kpiReport / kpiTeamReport, with the same access rules); audited as `kpi.export`.
 */
export async function exportKpi(ctx: Ctx, q: KpiExportQuery): Promise<{ body: Buffer; contentType: string; disposition: string }> {
  const actor = actorOf(ctx);
  const lang = actor.locale;
  const t = textsOf(lang);
  let view: Omit<KpiExportView, 'lang' | 'generatedBy' | 'timeZone' | 'now'>;
  if (q.lead) {
    const r = await kpiTeamReport(ctx, { from: q.from, to: q.to, lead: q.lead });
    view = {
      scope: fill(t.team, { name: r.lead.name }),
      from: r.from,
      to: r.to,
      currency: r.currency,
      windowDays: r.activity_window_days,
      figures: r.team,
      people: { kind: 'members', rows: r.members },
    };
  } else {
    const r = await kpiReport(ctx, { from: q.from, to: q.to, manager: q.manager });
    const person = q.manager ? (r.managers.find((m) => m.manager === q.manager) ?? null) : null;
    view = {
      scope: q.manager ? fill(t.manager, { name: person?.name ?? q.manager }) : t.department,
      from: r.from,
      to: r.to,
      currency: r.currency,
      windowDays: r.activity_window_days,
      figures: q.manager ? (person ?? noFigures()) : r.total,
      people: q.manager ? null : { kind: 'managers', rows: r.managers },
    };
  }
  const company = await findCompany(ctx.db);
  const full: KpiExportView = { ...view, lang, generatedBy: actor.name, timeZone: company?.timeZone ?? 'UTC', now: new Date() };
  const body = q.format === 'xlsx' ? await renderKpiXlsx(full) : await renderKpiPdf(full);
  await recordAudit(ctx, {
    action: 'kpi.export',
    entity: 'kpi',
    after: {
      format: q.format,
      from: q.from,
      to: q.to,
      manager: q.manager ?? null,
      lead: q.lead ?? null,
      lang,
      people: full.people?.rows.length ?? 0,
      bytes: body.length,
    },
  });
  const name = `${t.file} ${q.from} – ${q.to}.${q.format}`;
  return {
    body,
    contentType: q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
    disposition: attachment(name, `kpi-${q.from}-${q.to}.${q.format}`),
  };
}

// ---------------------------------------------------------------- formatting

function formatters(v: Pick<KpiExportView, 'lang' | 'currency' | 'timeZone'>) {
  const { tag, day, money } = pdfFormats(v.lang, v.currency);
  const instantOpts: Intl.DateTimeFormatOptions =
    v.lang === 'ru'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  const instant = new Intl.DateTimeFormat(tag, { ...instantOpts, timeZone: v.timeZone });
  const number = (max: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: max });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  return {
    day,
    instant: (d: Date) => pdfSafe(instant.format(d)),
    figure: (k: KpiKey, value: number | null): string => {
      if (value === null) return '—';
      switch (kpiKinds[k]) {
        case 'money':
          return money(value);
        case 'rate':
          return pdfSafe(percent.format(value));
        case 'pct':
          return pdfSafe(`${number(2).format(value)}\u00a0%`);
        case 'hours':
          return pdfSafe(`${number(2).format(value)}\u00a0${v.lang === 'ru' ? 'ч' : 'h'}`);
        case 'count':
          return pdfSafe(number(0).format(value));
      }
    },
  };
}

/** The currency's own sign for number formats ("₽"), else its code. */
function currencySign(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

// ---------------------------------------------------------------- XLSX

function numFmt(k: KpiKey, sign: string): string {
  switch (kpiKinds[k]) {
    case 'money':
      return `#,##0.00 "${sign.replace(/"/g, '')}"`;
    case 'rate':
      return '0.00%';
    case 'pct':
    case 'hours':
      return '0.00';
    case 'count':
      return '0';
  }
}

/** Two sheets: the figures of the view with its period and scope, and the managers or members. */
export async function renderKpiXlsx(v: KpiExportView): Promise<Buffer> {
  const t = textsOf(v.lang);
  const f = formatters(v);
  const sign = currencySign(v.currency);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Grove';
  workbook.created = v.now;

  const sheet = workbook.addWorksheet(t.sheetFigures);
  sheet.columns = [{ width: 28 }, { width: 38 }, { width: 22 }];
  sheet.addRow([t.title]).font = { bold: true, size: 14 };
  sheet.addRow([t.scope, neutralizeFormula(v.scope)]);
  sheet.addRow([t.period, `${f.day(v.from)} – ${f.day(v.to)}`]);
  sheet.addRow([t.currency, v.currency]);
  sheet.addRow([t.activityWindow, fill(t.days, { days: v.windowDays })]);
  sheet.addRow([fill(t.generated, { date: f.instant(v.now), name: neutralizeFormula(v.generatedBy) })]).font = {
    italic: true,
    color: { argb: 'FF6B7280' },
  };
  sheet.addRow([]);
  const header = sheet.addRow(['', t.figure, t.value]);
  header.font = { bold: true };
  for (const section of kpiSections) {
    section.keys.forEach((k, i) => {
      const row = sheet.addRow([i === 0 ? t.sections[section.id] : '', t.figures[k], v.figures[k]]);
      if (i === 0) row.getCell(1).font = { bold: true };
      row.getCell(3).numFmt = numFmt(k, sign);
      row.getCell(3).alignment = { horizontal: 'right' };
    });
  }

  if (v.people) {
    const people = workbook.addWorksheet(v.people.kind === 'managers' ? t.sheetPeople : t.sheetMembers, {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    });
    people.columns = [
      { header: t.name, key: 'name', width: 28 },
      { header: t.email, key: 'email', width: 28 },
      ...kpiKeys.map((k) => ({ header: t.figures[k], key: k, width: 16, style: { numFmt: numFmt(k, sign) } })),
    ];
    people.getRow(1).font = { bold: true };
    people.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    for (const p of v.people.rows) {
      people.addRow({
        name: neutralizeFormula(p.name),
        email: neutralizeFormula(p.manager),
        ...Object.fromEntries(kpiKeys.map((k) => [k, p[k]])),
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- PDF

const WIDTH = 762; // A4 landscape less the margins

export async function renderKpiPdf(v: KpiExportView, compress = true): Promise<Buffer> {
  return renderPdf(kpiPdfDocument(v, compress));
}

export function kpiPdfDocument(v: KpiExportView, compress = true): TDocumentDefinitions {
  const t = textsOf(v.lang);
  const f = formatters(v);
  const meta = (label: string, value: string): Content => ({
    stack: [
      { text: label, style: 'label' },
      { text: value, style: 'metaValue' },
    ],
  });
  const lines = {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
    vLineWidth: () => 0,
    hLineColor: () => RULE,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
  const sectionTable = (id: KpiSectionId): Content => {
    const keys = kpiSection(id);
    return {
      stack: [
        { text: t.sections[id], style: 'h2', margin: [0, 0, 0, 4] },
        {
          table: {
            widths: ['*', 'auto'],
            body: keys.map((k) => [
              { text: t.figures[k] },
              { text: f.figure(k, v.figures[k]), alignment: 'right', bold: true, noWrap: true },
            ]),
          },
          layout: lines,
        },
      ],
      margin: [0, 0, 0, 12],
      unbreakable: true,
    };
  };

  const content: Content[] = [
    { text: t.title.toUpperCase(), style: 'kicker' },
    { text: v.scope, style: 'h1' },
    {
      columns: [
        meta(t.period, `${f.day(v.from)} – ${f.day(v.to)}`),
        meta(t.currency, v.currency),
        meta(t.activityWindow, fill(t.days, { days: v.windowDays })),
        meta(t.generatedLabel, `${f.instant(v.now)} · ${v.generatedBy}`),
      ],
      columnGap: 12,
      margin: [0, 10, 0, 6],
    },
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: WIDTH, y2: 4, lineWidth: 2, lineColor: ACCENT }], margin: [0, 0, 0, 12] },
    {
      columns: [
        { width: '*', stack: [sectionTable('sales')] },
        { width: '*', stack: [sectionTable('clients')] },
        { width: '*', stack: [sectionTable('activity'), sectionTable('receivables'), sectionTable('service')] },
      ],
      columnGap: 18,
    },
  ];

  if (v.people) {
    const header: TableCell[] = [
      { text: t.name, style: 'th' },
      ...pdfPeopleColumns.map((k) => ({ text: t.figures[k], style: 'th', alignment: 'right' as const })),
    ];
    const body: TableCell[][] = v.people.rows.map((p) => [
      {
        stack: [
          { text: p.name, bold: true },
          { text: p.manager, style: 'muted' },
        ],
      },
      ...pdfPeopleColumns.map((k) => ({ text: f.figure(k, p[k]), alignment: 'right' as const, noWrap: true })),
    ]);
    content.push({
      stack: [
        { text: v.people.kind === 'managers' ? t.managers : t.members, style: 'h2', margin: [0, 4, 0, 4] },
        v.people.rows.length
          ? {
              table: {
                headerRows: 1,
                widths: [110, ...pdfPeopleColumns.map(() => '*' as const)],
                body: [header, ...body],
                dontBreakRows: true,
              },
              layout: { ...lines, fillColor: (row: number) => (row === 0 ? HEAD_FILL : null), paddingLeft: () => 3, paddingRight: () => 3 },
              fontSize: 7.5,
            }
          : { text: t.noPeople, style: 'muted' },
      ],
    });
  }

  return {
    compress,
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 36, 40, 44],
    info: { title: `${t.title}: ${v.scope}`, subject: t.title, creator: 'Grove' },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15, color: '#1f2933' },
    styles: {
      kicker: { fontSize: 8, bold: true, color: ACCENT },
      h1: { fontSize: 18, bold: true, margin: [0, 2, 0, 0] },
      h2: { fontSize: 11, bold: true, color: ACCENT },
      th: { bold: true, fontSize: 7.5, color: MUTED },
      label: { fontSize: 7.5, color: MUTED },
      metaValue: { fontSize: 9.5, bold: true },
      muted: { color: MUTED, fontSize: 7.5 },
    },
    content,
    footer: (page, pages) => ({
      columns: [
        { text: `${t.title} · ${v.scope} · ${fill(t.generated, { date: f.instant(v.now), name: v.generatedBy })}`, style: 'muted' },
        { text: fill(t.page, { page, pages }), style: 'muted', alignment: 'right', width: 'auto' },
      ],
      margin: [40, 14, 40, 0],
    }),
  };
}
