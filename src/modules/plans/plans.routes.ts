import { z } from 'zod';
import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { exportPlanPdf } from './plan-export.js';
import {
  CreateGoalRequest,
  CreateNeedRequest,
  CreateOpportunityRequest,
  CreateSolutionRequest,
  CreateSwotRequest,
  type ItemSection,
  Plan,
  PlanItemParams,
  PlanPdfQuery,
  ReviewPlanRequest,
  UpdateGoalRequest,
  UpdateNeedRequest,
  UpdateOpportunityRequest,
  UpdatePlanRequest,
  UpdateSolutionRequest,
  UpdateSwotRequest,
} from './plans.contracts.js';
import { createItem, deleteItem, getPlan, reviewPlan, updateItem, updatePlan } from './plans.service.js';

const tags = ['account plans'];
const read = { access: { permission: 'accounts.read' as const } };
const write = { access: { permission: 'accounts.write' as const } };

/** The lists of a plan: what each one's item routes accept. */
const lists: Record<ItemSection, { noun: string; create: z.ZodType; update: z.ZodType }> = {
  needs: { noun: 'a need of the client', create: CreateNeedRequest, update: UpdateNeedRequest },
  solutions: { noun: 'an individual solution', create: CreateSolutionRequest, update: UpdateSolutionRequest },
  goals: { noun: 'a long-term goal', create: CreateGoalRequest, update: UpdateGoalRequest },
  swot: { noun: 'a SWOT line', create: CreateSwotRequest, update: UpdateSwotRequest },
  opportunities: { noun: 'an opportunity', create: CreateOpportunityRequest, update: UpdateOpportunityRequest },
};

export function registerPlanRoutes(app: App) {
  app.get(
    '/api/accounts/:id/plan',
    {
      config: read,
      schema: { tags, summary: 'The account plan with all its lists and totals', params: IdParams, response: { 200: Plan } },
    },
    async (req) => getPlan(req.ctx, req.params.id),
  );
  app.put(
    '/api/accounts/:id/plan',
    {
      config: write,
      schema: {
        tags,
        summary: "Change the plan's business goals or next review date (send the version you read; 0 starts the plan)",
        params: IdParams,
        body: UpdatePlanRequest,
        response: { 200: Plan },
      },
    },
    async (req) => updatePlan(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/accounts/:id/plan/review',
    {
      config: write,
      schema: {
        tags,
        summary: 'Mark the plan reviewed and schedule the next review (default: in three months)',
        params: IdParams,
        body: ReviewPlanRequest,
        response: { 200: Plan },
      },
    },
    async (req) => reviewPlan(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/accounts/:id/plan.pdf',
    {
      config: { access: { permission: 'accounts.export' } },
      schema: {
        tags,
        summary: 'The account plan as a printable PDF (lang: en or ru; default: your language)',
        params: IdParams,
        querystring: PlanPdfQuery,
        produces: ['application/pdf'],
        response: { 200: z.instanceof(Buffer).describe('the PDF document') },
      },
    },
    async (req, reply) => {
      const { pdf, disposition } = await exportPlanPdf(req.ctx, req.params.id, req.query.lang);
      return reply.type('application/pdf').header('content-disposition', disposition).header('cache-control', 'no-store').send(pdf);
    },
  );

  for (const [section, list] of Object.entries(lists) as [ItemSection, (typeof lists)[ItemSection]][]) {
    app.post(
      `/api/accounts/:id/plan/${section}`,
      {
        config: write,
        schema: { tags, summary: `Add ${list.noun}`, params: IdParams, body: list.create, response: { 200: Plan } },
      },
      async (req) => createItem(req.ctx, req.params.id, section, req.body as Record<string, unknown>),
    );
    app.patch(
      `/api/accounts/:id/plan/${section}/:itemId`,
      {
        config: write,
        schema: {
          tags,
          summary: `Change ${list.noun} (send the version you read; a newer one answers 409)`,
          params: PlanItemParams,
          body: list.update,
          response: { 200: Plan },
        },
      },
      async (req) =>
        updateItem(req.ctx, req.params.id, section, req.params.itemId, req.body as Record<string, unknown> & { version: number }),
    );
    app.delete(
      `/api/accounts/:id/plan/${section}/:itemId`,
      {
        config: write,
        schema: { tags, summary: `Remove ${list.noun}`, params: PlanItemParams, response: { 200: Plan } },
      },
      async (req) => deleteItem(req.ctx, req.params.id, section, req.params.itemId),
    );
  }
}
