import type { App } from '../../core/http/types.js';
import { DrillQuery, DrillResult, KpiQuery, KpiReport, KpiTeamQuery, KpiTeamReport } from './kpi.contracts.js';
import { kpiDrill } from './drill.service.js';
import { kpiReport, kpiTeamReport } from './kpi.service.js';

const tags = ['kpi'];

export function registerKpiRoutes(app: App) {
  app.get(
    '/api/kpi',
    {
      config: { access: { permission: 'kpi.read' } },
      schema: {
        tags,
        summary: 'The KPI report of kpi.md for a period: every manager the caller may see, and the total',
        querystring: KpiQuery,
        response: { 200: KpiReport },
      },
    },
    async (req) => kpiReport(req.ctx, req.query),
  );
  app.get(
    '/api/kpi/team',
    {
      config: { access: { permission: 'kpi.read' } },
      schema: {
        tags,
        summary: "A senior KAM's team: each member's figures and the team's, counted as one owner",
        querystring: KpiTeamQuery,
        response: { 200: KpiTeamReport },
      },
    },
    async (req) => kpiTeamReport(req.ctx, req.query),
  );
  app.get(
    '/api/kpi/drill',
    {
      config: { access: { permission: 'kpi.drill' } },
      schema: {
        tags,
        summary: 'The rows behind one figure of the report (accounts, lines, invoices, interactions, complaints)',
        querystring: DrillQuery,
        response: { 200: DrillResult },
      },
    },
    async (req) => kpiDrill(req.ctx, req.query),
  );
}
