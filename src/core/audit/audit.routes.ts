import type { App } from '../http/types.js';
import { AuditList, AuditQuery } from './audit.contracts.js';
import { listAudit } from './audit.service.js';

export function registerAuditRoutes(app: App) {
  app.get(
    '/api/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: { tags: ['audit'], summary: 'Browse the audit log', querystring: AuditQuery, response: { 200: AuditList } },
    },
    async (req) => listAudit(req.ctx, req.query),
  );
}
