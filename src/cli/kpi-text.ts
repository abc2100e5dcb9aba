import { type KpiFigures, type KpiReport, kpiKeys } from '../modules/kpi/kpi.contracts.js';

const show = (v: number | null) => (v === null ? '—' : String(v));

/** The report as a table for a terminal: one row per figure, one column for the total and each manager. */
export function formatKpiReport(report: KpiReport): string {
  const columns: { title: string; figures: KpiFigures }[] = [
    { title: 'total', figures: report.total },
    ...report.managers.map((m) => ({ title: m.manager, figures: m })),
  ];
  const keyWidth = Math.max(...kpiKeys.map((k) => k.length));
  const widths = columns.map((c) => Math.max(c.title.length, ...kpiKeys.map((k) => show(c.figures[k]).length)));
  const line = (first: string, cells: string[]) => [first.padEnd(keyWidth), ...cells.map((c, i) => c.padStart(widths[i] ?? 0))].join('  ');
  return [
    `KPI ${report.from} … ${report.to} · activity window ${report.activity_window_days} days · ${report.currency}`,
    line(
      '',
      columns.map((c) => c.title),
    ),
    ...kpiKeys.map((k) =>
      line(
        k,
        columns.map((c) => show(c.figures[k])),
      ),
    ),
  ].join('\n');
}
