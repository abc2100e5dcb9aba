import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { handOver, listOwners } from './handover.service.js';
import { AccountTeam, CandidateList, CandidateQuery, HandoverRequest, OwnershipHistory, UpdateTeamRequest } from './team.contracts.js';
import { getTeam, replaceTeam, teamCandidates } from './team.service.js';

const tags = ['accounts'];

/** The account team (B2), the ownership history and the hand-over (A2). */
export function registerTeamRoutes(app: App) {
  app.get(
    '/api/accounts/:id/team',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: { tags, summary: 'The owner and the team of an account', params: IdParams, response: { 200: AccountTeam } },
    },
    async (req) => getTeam(req.ctx, req.params.id),
  );
  app.put(
    '/api/accounts/:id/team',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: {
        tags,
        summary: "Replace the account team (admin, head, the owner, or the owner's senior KAM; send the version you read)",
        params: IdParams,
        body: UpdateTeamRequest,
        response: { 200: AccountTeam },
      },
    },
    async (req) => replaceTeam(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/accounts/:id/team/candidates',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: {
        tags,
        summary: 'People who could join the team, or take the account over (purpose=owner), by name',
        params: IdParams,
        querystring: CandidateQuery,
        response: { 200: CandidateList },
      },
    },
    async (req) => teamCandidates(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/api/accounts/:id/owners',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: {
        tags,
        summary: 'The ownership history of an account, newest first',
        params: IdParams,
        response: { 200: OwnershipHistory },
      },
    },
    async (req) => listOwners(req.ctx, req.params.id),
  );
  app.post(
    '/api/accounts/:id/handover',
    {
      config: { access: { permission: 'accounts.assign' } },
      schema: {
        tags,
        summary: 'Hand an account over to a new owner from a date (today, past or future)',
        params: IdParams,
        body: HandoverRequest,
        response: { 200: OwnershipHistory },
      },
    },
    async (req) => handOver(req.ctx, req.params.id, req.body),
  );
}
