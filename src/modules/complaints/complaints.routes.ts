import type { ZodType, z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { ComplaintList, ComplaintListQuery } from './complaint-list.contracts.js';
import {
  ComplaintDetail,
  ComplaintPatch,
  ComplaintReply,
  ComplaintWait,
  NewComplaint,
  ReopenComplaint,
  ResolveComplaint,
  SlaSettings,
  SlaSummary,
  SlaSummaryQuery,
} from './complaint-workflow.contracts.js';
import { listComplaints } from './complaints.service.js';
import { saveSlaSettings, slaSettings, slaSummary } from './complaints.sla.js';
import {
  confirmComplaint,
  createComplaint,
  getComplaintDetail,
  reopenComplaint,
  replyToComplaint,
  resolveComplaint,
  setWaiting,
  updateComplaint,
} from './complaints.workflow.js';

const tags = ['complaints'];
/** also needs full access to accounts: the complaints of accounts the reader sees in full */
const access = { permission: 'complaints.read' } as const;
/** who may work a complaint is decided per record: its handler (or deputy), their senior, the head */
const write = { permission: 'complaints.write' } as const;

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
      schema: { tags, summary: 'One complaint with its clocks and story', params: IdParams, response: { 200: ComplaintDetail } },
    },
    async (req) => getComplaintDetail(req.ctx, req.params.id),
  );
  app.post(
    '/api/complaints',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Take a complaint in (web or API): the SLA clocks start, the handler is told, the client gets an acknowledgement',
        body: NewComplaint,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => createComplaint(req.ctx, req.body),
  );
  app.patch(
    '/api/complaints/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Change severity, legal claim, category, product, order or handler',
        params: IdParams,
        body: ComplaintPatch,
        response: { 200: ComplaintDetail },
      },
    },
    async (req) => updateComplaint(req.ctx, req.params.id, req.body),
  );
  const step = <B extends ZodType>(
    path: string,
    summary: string,
    body: B | undefined,
    run: (ctx: Ctx, id: string, b: z.infer<B>) => Promise<ComplaintDetail>,
  ) =>
    app.post(
      `/api/complaints/:id/${path}`,
      { config: { access: write }, schema: { tags, summary, params: IdParams, ...(body && { body }), response: { 200: ComplaintDetail } } },
      async (req) => run(req.ctx, (req.params as { id: string }).id, req.body as z.infer<B>),
    );
  step('reply', 'Answer (the first answer stops the response clock); optionally e-mail it to the client', ComplaintReply, replyToComplaint);
  step('waiting', 'Wait for the client (the clocks stop) or go back to work (they run again)', ComplaintWait, setWaiting);
  step('resolve', 'Resolve with root cause, justified or not, corrective action', ResolveComplaint, resolveComplaint);
  step('confirm', 'The client confirmed the resolution', undefined, (ctx, id) => confirmComplaint(ctx, id));
  step('reopen', 'Reopen a resolved complaint', ReopenComplaint, reopenComplaint);
  app.get(
    '/api/complaints/sla/settings',
    {
      config: { access },
      schema: { tags, summary: 'SLA targets per tier and severity, and the legal claim period', response: { 200: SlaSettings } },
    },
    async (req) => slaSettings(req.ctx),
  );
  app.put(
    '/api/complaints/sla/settings',
    {
      config: { access: { permission: 'sla.configure' } },
      schema: {
        tags,
        summary: 'Set the SLA targets and the legal claim period (new complaints use them)',
        body: SlaSettings,
        response: { 200: SlaSettings },
      },
    },
    async (req) => saveSlaSettings(req.ctx, req.body),
  );
  app.get(
    '/api/complaints/sla/summary',
    {
      config: { access },
      schema: {
        tags,
        summary: 'SLA compliance, breaches and repeat causes of complaints received in a period',
        querystring: SlaSummaryQuery,
        response: { 200: SlaSummary },
      },
    },
    async (req) => slaSummary(req.ctx, req.query.from, req.query.to),
  );
}
