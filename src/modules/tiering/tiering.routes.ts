import { z } from 'zod';
import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { registerTeamRoutes } from '../accounts/team.routes.js';
import {
  approveDemotions,
  approveProposal,
  listProposals,
  listRuns,
  rejectProposal,
  retieringSummary,
  startRun,
} from './retiering.service.js';
import { getScorecard, updateScorecard } from './scorecard.service.js';
import { getScoringSettings, previewScoring, updateScoringSettings } from './scoring.service.js';
import {
  BulkApproveRequest,
  BulkApproveResult,
  DecisionRequest,
  DecisionResult,
  ProposalList,
  ProposalListQuery,
  RetieringSummary,
  RetierRun,
  RunList,
  Scorecard,
  ScoringPreview,
  ScoringPreviewRequest,
  ScoringSettings,
  UpdateScorecard,
  UpdateScoringSettings,
} from './tiering.contracts.js';

const tags = ['tiering'];
const retier = { access: { permission: 'accounts.retier' as const } };

export function registerTieringRoutes(app: App) {
  registerTeamRoutes(app);

  app.get(
    '/api/scoring/settings',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: { tags, summary: 'Criterion weights and tier thresholds of the key-account score', response: { 200: ScoringSettings } },
    },
    async (req) => getScoringSettings(req.ctx),
  );
  app.put(
    '/api/scoring/settings',
    {
      config: retier,
      schema: {
        tags,
        summary: 'Set the weights and thresholds (recomputes every score; send the version you read)',
        body: UpdateScoringSettings,
        response: { 200: ScoringSettings },
      },
    },
    async (req) => updateScoringSettings(req.ctx, req.body),
  );
  app.post(
    '/api/scoring/preview',
    {
      config: retier,
      schema: {
        tags,
        summary: 'How your visible accounts would land in the tiers under other weights and thresholds (saves nothing)',
        body: ScoringPreviewRequest,
        response: { 200: ScoringPreview },
      },
    },
    async (req) => previewScoring(req.ctx, req.body),
  );
  app.get(
    '/api/accounts/:id/scorecard',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: { tags, summary: "An account's score, criterion by criterion", params: IdParams, response: { 200: Scorecard } },
    },
    async (req) => getScorecard(req.ctx, req.params.id),
  );
  app.put(
    '/api/accounts/:id/scorecard',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: {
        tags,
        summary: "Assess an account's criteria (0..5 each; recomputes its score)",
        params: IdParams,
        body: UpdateScorecard,
        response: { 200: Scorecard },
      },
    },
    async (req) => updateScorecard(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/retiering/summary',
    { config: retier, schema: { tags, summary: 'Re-tiering proposals waiting for a decision', response: { 200: RetieringSummary } } },
    async (req) => retieringSummary(req.ctx),
  );
  app.get(
    '/api/retiering/runs',
    { config: retier, schema: { tags, summary: 'The latest re-tiering runs', response: { 200: RunList } } },
    async (req) => ({ items: await listRuns(req.ctx) }),
  );
  app.post(
    '/api/retiering/runs',
    {
      config: retier,
      schema: {
        tags,
        summary: 'Run re-tiering now: propose promotions and demotions',
        body: z.strictObject({}),
        response: { 200: RetierRun },
      },
    },
    async (req) => startRun(req.ctx),
  );
  app.get(
    '/api/retiering/proposals',
    {
      config: retier,
      schema: {
        tags,
        summary: 'Re-tiering proposals, filtered and paged',
        querystring: ProposalListQuery,
        response: { 200: ProposalList },
      },
    },
    async (req) => listProposals(req.ctx, req.query),
  );
  app.post(
    '/api/retiering/proposals/approve-demotions',
    {
      config: retier,
      schema: {
        tags,
        summary: 'Approve several pending demotions at once (anything else among the ids is skipped)',
        body: BulkApproveRequest,
        response: { 200: BulkApproveResult },
      },
    },
    async (req) => approveDemotions(req.ctx, req.body.ids),
  );
  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/retiering/proposals/:id/${decision}`,
      {
        config: retier,
        schema: {
          tags,
          summary: decision === 'approve' ? 'Approve a proposal: the account gets the proposed tier' : 'Reject a proposal',
          params: IdParams,
          body: DecisionRequest,
          response: { 200: DecisionResult },
        },
      },
      async (req) =>
        decision === 'approve'
          ? approveProposal(req.ctx, req.params.id, req.body.note ?? null)
          : rejectProposal(req.ctx, req.params.id, req.body.note ?? null),
    );
  }
}
