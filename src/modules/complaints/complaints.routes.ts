import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { Complaint, ComplaintList, ComplaintListQuery } from './complaint-list.contracts.js';
import { getComplaint, listComplaints } from './complaints.service.js';

const tags = ['complaints'];
/** also needs full access to accounts: the complaints of accounts the reader sees in full */
const access = { permission: 'complaints.read' } as const;

export function registerComplaintRoutes(app: App) {
  app.get(
    '/api/complaints',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Complaints of the clients you may see, filtered and paged, the latest first',
        querystring: ComplaintListQuery,
        response: { 200: ComplaintList },
      },
    },
    async (req) => listComplaints(req.ctx, req.query),
  );
  app.get(
    '/api/complaints/:id',
    {
      config: { access },
      schema: { tags, summary: 'One complaint, with its response and resolution times', params: IdParams, response: { 200: Complaint } },
    },
    async (req) => getComplaint(req.ctx, req.params.id),
  );
}
