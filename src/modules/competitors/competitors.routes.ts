import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import {
  AccountCompetitors,
  CompetitorDetail,
  CompetitorList,
  CompetitorListQuery,
  CreateCompetitorRequest,
  CreatePresenceRequest,
  ThreatList,
  ThreatListQuery,
  UpdateCompetitorRequest,
  UpdatePresenceRequest,
} from './competitors.contracts.js';
import { createCompetitor, getCompetitor, listCompetitors, listThreats, updateCompetitor } from './competitors.service.js';
import { addPresence, deletePresence, listAccountCompetitors, updatePresence } from './presence.service.js';

const tags = ['competitors'];

export function registerCompetitorRoutes(app: App) {
  app.get(
    '/api/competitors',
    {
      config: { access: { permission: 'competitors.read' } },
      schema: {
        tags,
        summary: 'The competitor catalogue, searched and paged (active ones unless asked)',
        querystring: CompetitorListQuery,
        response: { 200: CompetitorList },
      },
    },
    async (req) => listCompetitors(req.ctx, req.query),
  );
  app.post(
    '/api/competitors',
    {
      config: { access: { permission: 'competitors.write' } },
      schema: { tags, summary: 'Add a competitor to the catalogue', body: CreateCompetitorRequest, response: { 200: CompetitorDetail } },
    },
    async (req) => createCompetitor(req.ctx, req.body),
  );
  app.get(
    '/api/competitors/threats',
    {
      config: { access: { permission: 'competitors.read' } },
      schema: {
        tags,
        summary: 'Accounts you may see where a competitor is a medium or high threat, the worst first',
        querystring: ThreatListQuery,
        response: { 200: ThreatList },
      },
    },
    async (req) => listThreats(req.ctx, req.query),
  );
  app.get(
    '/api/competitors/:id',
    {
      config: { access: { permission: 'competitors.read' } },
      schema: {
        tags,
        summary: 'A competitor, with its presence at the accounts you may see',
        params: IdParams,
        response: { 200: CompetitorDetail },
      },
    },
    async (req) => getCompetitor(req.ctx, req.params.id),
  );
  app.patch(
    '/api/competitors/:id',
    {
      config: { access: { permission: 'competitors.write' } },
      schema: {
        tags,
        summary: 'Change, archive or restore a competitor (send the version you read; a newer one answers 409)',
        params: IdParams,
        body: UpdateCompetitorRequest,
        response: { 200: CompetitorDetail },
      },
    },
    async (req) => updateCompetitor(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/accounts/:id/competitors',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: { tags, summary: 'Competitors present at an account', params: IdParams, response: { 200: AccountCompetitors } },
    },
    async (req) => listAccountCompetitors(req.ctx, req.params.id),
  );
  app.post(
    '/api/accounts/:id/competitors',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: {
        tags,
        summary: 'Record a competitor at an account',
        params: IdParams,
        body: CreatePresenceRequest,
        response: { 200: AccountCompetitors },
      },
    },
    async (req) => addPresence(req.ctx, req.params.id, req.body),
  );
  app.patch(
    '/api/competitor-presence/:id',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: {
        tags,
        summary: "Change a competitor's presence at an account (send the version you read)",
        params: IdParams,
        body: UpdatePresenceRequest,
        response: { 200: AccountCompetitors },
      },
    },
    async (req) => updatePresence(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/competitor-presence/:id',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: {
        tags,
        summary: 'Remove a competitor from an account',
        params: IdParams,
        response: { 200: AccountCompetitors },
      },
    },
    async (req) => deletePresence(req.ctx, req.params.id),
  );
}
