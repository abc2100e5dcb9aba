import { IdParams, Ok } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { InteractionList, InteractionListQuery } from './interaction-list.contracts.js';
import {
  CancelInteraction,
  CompleteInteraction,
  InteractionDetail,
  InteractionPatch,
  MoveInteraction,
  NewInteraction,
} from './interaction-write.contracts.js';
import { getInteraction, listInteractions } from './interactions.service.js';
import {
  cancelInteraction,
  completeInteraction,
  createInteraction,
  deleteInteraction,
  moveInteraction,
  updateInteraction,
} from './interactions.write.js';

const tags = ['interactions'];
/** also needs full access to accounts: the interactions of accounts the reader sees in full */
const access = { permission: 'interactions.read' } as const;
/** whose interaction and which account: decided per record in the service */
const write = { permission: 'interactions.write' } as const;

export function registerInteractionRoutes(app: App) {
  app.get(
    '/api/interactions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Meetings, visits, calls… with the clients you may see, filtered and paged, the latest first',
        querystring: InteractionListQuery,
        response: { 200: InteractionList },
      },
    },
    async (req) => listInteractions(req.ctx, req.query),
  );
  app.get(
    '/api/interactions/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One interaction with a client, with who took part and how it moved',
        params: IdParams,
        response: { 200: InteractionDetail },
      },
    },
    async (req) => getInteraction(req.ctx, req.params.id),
  );
  app.post(
    '/api/interactions',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Log an interaction (done, off-plan) or plan one; the next step may become a task or a planned interaction',
        body: NewInteraction,
        response: { 200: InteractionDetail },
      },
    },
    async (req) => createInteraction(req.ctx, req.body),
  );
  app.patch(
    '/api/interactions/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Change the details of one of my interactions',
        params: IdParams,
        body: InteractionPatch,
        response: { 200: InteractionDetail },
      },
    },
    async (req) => updateInteraction(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/interactions/:id/complete',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Mark a planned item done, with its outcome',
        params: IdParams,
        body: CompleteInteraction,
        response: { 200: InteractionDetail },
      },
    },
    async (req) => completeInteraction(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/interactions/:id/move',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Move a planned item to another time (the move is kept)',
        params: IdParams,
        body: MoveInteraction,
        response: { 200: InteractionDetail },
      },
    },
    async (req) => moveInteraction(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/interactions/:id/cancel',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Cancel a planned item with a reason',
        params: IdParams,
        body: CancelInteraction,
        response: { 200: InteractionDetail },
      },
    },
    async (req) => cancelInteraction(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/interactions/:id',
    {
      config: { access: write },
      schema: { tags, summary: 'Take a planned item off the plan before its time', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteInteraction(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
