import type { App } from '../../core/http/types.js';
import {
  Accepted,
  AcceptPlan,
  Adherence,
  Cadence,
  Cadences,
  ChecklistKindParams,
  ChecklistTemplate,
  ChecklistTemplates,
  ChecklistTemplateUpdate,
  Coverage,
  CoverageQuery,
  DueList,
  PeriodQuery,
  PlanOwnerQuery,
  SuggestRequest,
  Suggestions,
  Week,
  WeekQuery,
} from './contact-plan.contracts.js';
import {
  accept,
  adherence,
  cadences,
  checklists,
  coverage,
  dueList,
  saveCadences,
  saveChecklist,
  suggest,
  week,
} from './contact-plan.service.js';
import { z } from 'zod';

const tags = ['plan'];
/** whose plan the caller may read is decided in the service: own, a senior's line, everyone for the head */
const read = { access: { permission: 'plan.read' as const } };
const write = { access: { permission: 'interactions.write' as const } };
const configure = { access: { permission: 'plan.configure' as const } };
const signedIn = { access: { signedIn: true as const } };

export function registerContactPlanRoutes(app: App) {
  app.get(
    '/api/plan/week',
    {
      config: read,
      schema: {
        tags,
        summary: 'A person’s planned and done visits and calls in a range of days (at most 62)',
        querystring: WeekQuery,
        response: { 200: Week },
      },
    },
    async (req) => week(req.ctx, req.query),
  );
  app.get(
    '/api/plan/due',
    {
      config: read,
      schema: {
        tags,
        summary: 'Accounts that need contact now, most urgent first, with the reasons',
        querystring: PlanOwnerQuery,
        response: { 200: DueList },
      },
    },
    async (req) => dueList(req.ctx, req.query.userId),
  );
  app.post(
    '/api/plan/suggest',
    {
      config: write,
      schema: {
        tags,
        summary: 'Suggest my week: a draft of visits and calls in free slots (nothing is stored)',
        body: SuggestRequest,
        response: { 200: Suggestions },
      },
    },
    async (req) => suggest(req.ctx, req.body.weekStart, req.body.userId),
  );
  app.post(
    '/api/plan/accept',
    {
      config: write,
      schema: { tags, summary: 'Add accepted suggestions to my plan, all or none', body: AcceptPlan, response: { 200: Accepted } },
    },
    async (req) => accept(req.ctx, req.body),
  );
  app.get(
    '/api/plan/adherence',
    {
      config: read,
      schema: { tags, summary: 'Plan vs done per KAM the caller may see', querystring: PeriodQuery, response: { 200: Adherence } },
    },
    async (req) => adherence(req.ctx, req.query.from, req.query.to),
  );
  app.get(
    '/api/plan/coverage',
    {
      config: read,
      schema: { tags, summary: 'Accounts of a tier without contact for N days', querystring: CoverageQuery, response: { 200: Coverage } },
    },
    async (req) => coverage(req.ctx, req.query),
  );
  app.get(
    '/api/plan/cadences',
    { config: read, schema: { tags, summary: 'The contact cadence per tier', response: { 200: Cadences } } },
    async (req) => cadences(req.ctx),
  );
  app.put(
    '/api/plan/cadences',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Set the contact cadence per tier',
        body: z.object({ items: z.array(Cadence).min(1).max(3) }),
        response: { 200: Cadences },
      },
    },
    async (req) => saveCadences(req.ctx, req.body.items),
  );
  app.get(
    '/api/plan/checklists',
    {
      config: signedIn,
      schema: { tags, summary: 'The checklists of trainings and merchandising checks', response: { 200: ChecklistTemplates } },
    },
    async (req) => checklists(req.ctx),
  );
  app.put(
    '/api/plan/checklists/:kind',
    {
      config: configure,
      schema: {
        tags,
        summary: 'Write a checklist',
        params: ChecklistKindParams,
        body: ChecklistTemplateUpdate,
        response: { 200: ChecklistTemplate },
      },
    },
    async (req) => saveChecklist(req.ctx, req.params.kind, req.body.items),
  );
}
