import { ACCENT, HEAD_FILL, MUTED, pdfFormats, pdfSafe, RULE, renderPdf } from '../../core/pdf.js';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AccountStatus, AccountTier } from '../accounts/accounts.contracts.js';
import type { ItemSection, Plan, swotQuadrants } from './plans.contracts.js';
import { fill, type PlanPdfTexts, planPdfEn, planPdfRu } from './plan-pdf.texts.js';

export interface PlanPdfInput {
  plan: Plan;
  account: { name: string; owner: string | null; tier: AccountTier; status: AccountStatus };
  lang: 'en' | 'ru';
  timeZone: string;
  generatedBy: string;
  now?: Date;
  /** uncompressed streams, for tests that read the text */
  compress?: boolean;
}

const swotFill = { strength: '#eaf6ef', weakness: '#fdf1e7', opportunity: '#e9f1fb', threat: '#fcebec' } as const;
const swotColor = { strength: '#2f7d59', weakness: '#b4641b', opportunity: '#2b62a8', threat: '#b3323a' } as const;

function formatters(lang: 'en' | 'ru', timeZone: string, currency: string) {
  const f = pdfFormats(lang, currency);
  const instant = new Intl.DateTimeFormat(f.tag, { ...f.dateOptions, timeZone });
  return {
    /** a business day, YYYY-MM-DD */
    date: f.day,
    instant: (iso: string | Date) => pdfSafe(instant.format(typeof iso === 'string' ? new Date(iso) : iso)),
    money: f.money,
  };
}

export async function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  return renderPdf(planDocument(input));
}

export function planDocument({
  plan,
  account,
  lang,
  timeZone,
  generatedBy,
  now = new Date(),
  compress = true,
}: PlanPdfInput): TDocumentDefinitions {
  const t: PlanPdfTexts = lang === 'ru' ? planPdfRu : planPdfEn;
  const f = formatters(lang, timeZone, plan.currency);
  const text = (s: string | null | undefined) => s?.trim() || t.none;
  const empty: Content = { text: t.empty, style: 'muted', margin: [0, 2, 0, 0] };

  const heading = (section: keyof PlanPdfTexts['sections']): Content => ({
    stack: [
      { text: t.sections[section], style: 'h2', headlineLevel: 1 },
      { canvas: [{ type: 'line', x1: 0, y1: 2, x2: 515, y2: 2, lineWidth: 0.75, lineColor: RULE }] },
    ],
    margin: [0, 16, 0, 6],
    unbreakable: true,
  });
  const headerRow = (cells: string[], right: number[] = []): TableCell[] =>
    cells.map((c, i) => ({ text: c, style: 'th', alignment: right.includes(i) ? 'right' : 'left' }));
  const table = (widths: (string | number)[], body: TableCell[][]): Content => ({
    table: { headerRows: 1, keepWithHeaderRows: 1, widths, body, dontBreakRows: true },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      fillColor: (row) => (row === 0 ? HEAD_FILL : null),
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  });
  /** A heading and its body; a short section moves to the next page whole rather than split. */
  const section = (name: keyof PlanPdfTexts['sections'], body: Content[], short: boolean): Content => ({
    stack: [heading(name), ...body],
    unbreakable: short,
  });
  const list = <K extends ItemSection>(name: K, build: () => Content[]): Content =>
    section(name, plan[name].length ? build() : [empty], plan[name].length <= 12);

  const reviewLine = (() => {
    if (!plan.nextReviewDate) return t.review.unscheduled;
    const base = fill(t.review.next, { date: f.date(plan.nextReviewDate) });
    const days = plan.review.daysLeft ?? 0;
    if (plan.review.state === 'overdue') return `${base} (${fill(t.review.overdue, { days: -days })})`;
    if (plan.review.state === 'due_soon') return `${base} (${fill(t.review.dueSoon, { days })})`;
    return base;
  })();

  const weightedSummary: Content = {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          body: [
            [
              { text: t.totals.weighted, style: 'label', margin: [0, 2, 12, 0] },
              { text: f.money(plan.pipeline.weighted), style: 'big', color: ACCENT },
            ],
          ],
        },
        layout: 'noBorders',
      },
    ],
    margin: [0, 8, 0, 0],
  };

  const meta = (label: string, value: string, color?: string): Content => ({
    stack: [
      { text: label, style: 'label' },
      { text: value, style: 'metaValue', ...(color ? { color } : {}) },
    ],
  });

  const content: Content[] = [
    { text: t.title.toUpperCase(), style: 'kicker' },
    { text: account.name, style: 'h1' },
    {
      columns: [
        meta(t.meta.owner, text(account.owner)),
        meta(t.meta.tier, t.tiers[account.tier]),
        meta(t.meta.status, t.accountStatuses[account.status]),
      ],
      columnGap: 12,
      margin: [0, 10, 0, 6],
    },
    {
      columns: [
        meta(
          t.meta.nextReview,
          plan.nextReviewDate ? f.date(plan.nextReviewDate) : t.none,
          plan.review.state === 'overdue' ? swotColor.threat : undefined,
        ),
        meta(t.meta.lastReviewed, plan.lastReviewedAt ? f.instant(plan.lastReviewedAt) : t.never),
        meta(t.meta.updated, plan.updatedAt ? f.instant(plan.updatedAt) : t.none),
      ],
      columnGap: 12,
      margin: [0, 0, 0, 4],
    },
    { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 2, lineColor: ACCENT }] },

    section(
      'businessGoals',
      [plan.businessGoals ? { text: plan.businessGoals, lineHeight: 1.25 } : empty],
      (plan.businessGoals?.length ?? 0) < 1200,
    ),

    list('needs', () => [
      table(
        ['*', '*', 80],
        [
          headerRow([t.columns.need, t.columns.details, t.columns.status]),
          ...plan.needs.map((n) => [{ text: n.title, bold: true }, text(n.detail), t.needStatuses[n.status]]),
        ],
      ),
    ]),

    list('solutions', () => [
      table(
        ['*', '*', 80],
        [
          headerRow([t.columns.solution, t.columns.description, t.columns.status]),
          ...plan.solutions.map((s) => [{ text: s.title, bold: true }, text(s.description), t.solutionStatuses[s.status]]),
        ],
      ),
    ]),

    list('goals', () => [
      table(
        ['*', 85, 120],
        [
          headerRow([t.columns.goal, t.columns.deadline, t.columns.progress]),
          ...plan.goals.map((g) => [
            { stack: [{ text: g.title, bold: true }, ...(g.description ? [{ text: g.description, style: 'muted' }] : [])] },
            {
              stack: [
                { text: f.date(g.deadline), ...(g.overdue ? { color: swotColor.threat } : {}) },
                ...(g.overdue ? [{ text: t.goalOverdue, fontSize: 7.5, color: swotColor.threat }] : []),
              ],
            },
            progressBar(g.progress),
          ]),
        ],
      ),
    ]),

    section(
      'swot',
      [
        plan.swot.length
          ? {
              table: {
                widths: ['*', '*'],
                body: [
                  [swotCell('strength'), swotCell('weakness')],
                  [swotCell('opportunity'), swotCell('threat')],
                ],
              },
              layout: {
                hLineWidth: () => 2,
                vLineWidth: () => 2,
                hLineColor: () => '#ffffff',
                vLineColor: () => '#ffffff',
                paddingLeft: () => 8,
                paddingRight: () => 8,
                paddingTop: () => 6,
                paddingBottom: () => 8,
              },
            }
          : empty,
      ],
      true,
    ),

    list('opportunities', () => [
      table(
        ['*', 58, 60, 48, 76, 30, 76],
        [
          headerRow(
            [
              t.columns.opportunity,
              t.columns.kind,
              t.columns.closeDate,
              t.columns.status,
              t.columns.amount,
              t.columns.probability,
              t.columns.weighted,
            ],
            [4, 5, 6],
          ),
          ...plan.opportunities.map((o) => [
            { text: o.title, bold: true },
            t.opportunityKinds[o.kind],
            o.expectedCloseDate ? f.date(o.expectedCloseDate) : t.none,
            t.opportunityStatuses[o.status],
            { text: f.money(o.amount), alignment: 'right' as const, noWrap: true },
            { text: `${o.probability}%`, alignment: 'right' as const },
            { text: o.weighted ? f.money(o.weighted) : t.none, alignment: 'right' as const, noWrap: true },
          ]),
          totalRow(
            fill(t.totals.open, { count: plan.pipeline.openCount }),
            f.money(plan.pipeline.openAmount),
            f.money(plan.pipeline.weighted),
          ),
          totalRow(t.totals.won, f.money(plan.pipeline.wonAmount), ''),
        ],
      ),
      weightedSummary,
    ]),

    section(
      'review',
      [
        {
          text: reviewLine,
          ...(plan.review.state === 'overdue' ? { color: swotColor.threat, bold: true } : {}),
        },
        {
          text:
            plan.lastReviewedAt && plan.lastReviewedBy
              ? fill(t.review.last, { date: f.instant(plan.lastReviewedAt), name: plan.lastReviewedBy.name })
              : t.review.neverReviewed,
          style: 'muted',
          margin: [0, 2, 0, 0],
        },
      ],
      true,
    ),
  ];

  function swotCell(q: (typeof swotQuadrants)[number]): TableCell {
    const items = plan.swot.filter((s) => s.quadrant === q);
    return {
      fillColor: swotFill[q],
      stack: [
        { text: t.swot[q], bold: true, color: swotColor[q], margin: [0, 0, 0, 4] },
        items.length ? { ul: items.map((i) => i.text), markerColor: swotColor[q] } : { text: t.none, style: 'muted' },
      ],
    };
  }

  return {
    compress,
    pageSize: 'A4',
    pageMargins: [40, 44, 40, 50],
    info: { title: `${t.title}: ${account.name}`, subject: t.title, creator: 'Grove' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, color: '#1f2933' },
    styles: {
      kicker: { fontSize: 8, bold: true, color: ACCENT },
      h1: { fontSize: 20, bold: true, margin: [0, 2, 0, 0] },
      h2: { fontSize: 12, bold: true, color: ACCENT },
      th: { bold: true, fontSize: 8.5, color: MUTED },
      label: { fontSize: 7.5, color: MUTED },
      metaValue: { fontSize: 9.5, bold: true },
      muted: { color: MUTED, fontSize: 8.5 },
      big: { fontSize: 13, bold: true },
    },
    content,
    // a section heading never ends a page alone
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length < 3,
    footer: (page, pages) => ({
      columns: [
        { text: `${account.name} · ${t.confidential} · ${fill(t.generated, { date: f.instant(now), name: generatedBy })}`, style: 'muted' },
        { text: fill(t.page, { page, pages }), style: 'muted', alignment: 'right', width: 'auto' },
      ],
      margin: [40, 16, 40, 0],
    }),
  };
}

function progressBar(progress: number): Content {
  const width = 80;
  const done = Math.max(0, Math.min(100, progress)) / 100;
  return {
    columns: [
      {
        width,
        canvas: [
          { type: 'rect', x: 0, y: 4, w: width, h: 6, r: 3, color: '#e5e9ec' },
          ...(done > 0 ? [{ type: 'rect' as const, x: 0, y: 4, w: Math.max(6, width * done), h: 6, r: 3, color: ACCENT }] : []),
        ],
      },
      { text: `${progress}%`, width: 'auto', margin: [6, 0, 0, 0] },
    ],
  };
}

function totalRow(label: string, amount: string, weighted: string): TableCell[] {
  const fillColor = HEAD_FILL;
  return [
    { text: label, bold: true, colSpan: 4, fillColor },
    {},
    {},
    {},
    { text: amount, bold: true, alignment: 'right', noWrap: true, fillColor },
    { text: '', fillColor },
    { text: weighted, bold: true, alignment: 'right', noWrap: true, fillColor },
  ];
}
