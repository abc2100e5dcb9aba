import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { Ok } from '../../core/contracts.js';
import {
  Account,
  AccountList,
  AccountListQuery,
  CreateAccountRequest,
  NoteRequest,
  Timeline,
  TimelineQuery,
  UpdateAccountRequest,
  VersionBody,
} from './accounts.contracts.js';
import { createAccount, getAccount, listAccounts, setArchived, updateAccount } from './accounts.service.js';
import { addNote, listTimeline } from './timeline.service.js';

const tags = ['accounts'];

export function registerAccountRoutes(app: App) {
  app.get(
    '/api/accounts',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: {
        tags,
        summary: 'Accounts you may see, filtered, sorted and paged',
        querystring: AccountListQuery,
        response: { 200: AccountList },
      },
    },
    async (req) => listAccounts(req.ctx, req.query),
  );
  app.post(
    '/api/accounts',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: { tags, summary: 'Create an account', body: CreateAccountRequest, response: { 200: Account } },
    },
    async (req) => createAccount(req.ctx, req.body),
  );
  app.get(
    '/api/accounts/:id',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: { tags, summary: 'One account', params: IdParams, response: { 200: Account } },
    },
    async (req) => getAccount(req.ctx, req.params.id),
  );
  app.patch(
    '/api/accounts/:id',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: {
        tags,
        summary: 'Change an account (send the version you read; a newer one answers 409)',
        params: IdParams,
        body: UpdateAccountRequest,
        response: { 200: Account },
      },
    },
    async (req) => updateAccount(req.ctx, req.params.id, req.body),
  );
  for (const [path, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/api/accounts/:id/${path}`,
      {
        config: { access: { permission: 'accounts.write' } },
        schema: {
          tags,
          summary: archived ? 'Archive an account' : 'Restore an archived account',
          params: IdParams,
          body: VersionBody,
          response: { 200: Account },
        },
      },
      async (req) => setArchived(req.ctx, req.params.id, req.body.version, archived),
    );
  }
  app.get(
    '/api/accounts/:id/timeline',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: {
        tags,
        summary: 'The account timeline, newest first',
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: Timeline },
      },
    },
    async (req) => listTimeline(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/accounts/:id/notes',
    {
      config: { access: { permission: 'accounts.write' } },
      schema: { tags, summary: 'Add a note to the timeline', params: IdParams, body: NoteRequest, response: { 200: Ok } },
    },
    async (req) => {
      await addNote(req.ctx, req.params.id, req.body.body);
      return { ok: true as const };
    },
  );
}
