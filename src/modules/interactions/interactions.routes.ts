import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { Interaction, InteractionList, InteractionListQuery } from './interaction-list.contracts.js';
import { getInteraction, listInteractions } from './interactions.service.js';

const tags = ['interactions'];
/** also needs full access to accounts: the interactions of accounts the reader sees in full */
const access = { permission: 'interactions.read' } as const;

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
      schema: { tags, summary: 'One interaction with a client', params: IdParams, response: { 200: Interaction } },
    },
    async (req) => getInteraction(req.ctx, req.params.id),
  );
}
