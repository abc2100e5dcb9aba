import { z } from 'zod';
import type { App } from '../../core/http/types.js';
import { exportKpi, KpiExportQuery } from './kpi.export.js';

const tags = ['kpi'];

export function registerKpiExportRoutes(app: App) {
  app.get(
    '/api/kpi/export',
    {
      config: { access: { permission: 'kpi.read' } },
      schema: {
        tags,
        summary: 'The KPI view of the dashboard as an XLSX workbook or a PDF, in your language',
        description:
          'The same figures as GET /api/kpi (or /api/kpi/team with lead): the figures of the department, a team or one manager, ' +
          'the managers or members with theirs, the period and when it was made. Audited as kpi.export.',
        querystring: KpiExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
        response: { 200: z.instanceof(Buffer).describe('the XLSX or PDF file') },
      },
    },
    async (req, reply) => {
      const file = await exportKpi(req.ctx, req.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', file.disposition)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
