import { z } from 'zod';
import { IdParams, Ok } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import {
  Account,
  AccountExportQuery,
  AccountFacets,
  AccountList,
  AccountListQuery,
  CreateAccountRequest,
  NoteRequest,
  SavedView,
  SavedViewList,
  SaveViewRequest,
  Timeline,
  TimelineQuery,
  UpdateAccountRequest,
  VersionBody,
} from './accounts.contracts.js';
import { contentDisposition, exportAccounts } from './accounts.export.js';
import { accountFacets, createAccount, getAccount, listAccounts, setArchived, updateAccount } from './accounts.service.js';
import { createView, deleteView, listViews } from './accounts.views.js';
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
  app.get(
    '/api/accounts/facets',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: {
        tags,
        summary: 'Segments, industries and regions of the accounts you may see (for filters)',
        response: { 200: AccountFacets },
      },
    },
    async (req) => accountFacets(req.ctx),
  );
  app.get(
    '/api/accounts/export',
    {
      config: { access: { permission: 'accounts.export' } },
      schema: {
        tags,
        summary: 'The accounts of a list view as a CSV or XLSX file (same filters and sort as the list)',
        description:
          'Column headers and values are in your language; text cells a spreadsheet would run as a formula start with an apostrophe. Audited.',
        querystring: AccountExportQuery,
        response: { 200: z.unknown().describe('the file: text/csv (UTF-8 with BOM) or XLSX') },
      },
    },
    async (req, reply) => {
      const file = await exportAccounts(req.ctx, req.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
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
  registerViewRoutes(app);
}

function registerViewRoutes(app: App) {
  const viewTags = ['account views'];
  app.get(
    '/api/account-views',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: { tags: viewTags, summary: 'The built-in views of the account list, then your own', response: { 200: SavedViewList } },
    },
    async (req) => ({ items: await listViews(req.ctx) }),
  );
  app.post(
    '/api/account-views',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: {
        tags: viewTags,
        summary: 'Save filters and columns as a view of your own',
        body: SaveViewRequest,
        response: { 200: SavedView },
      },
    },
    async (req) => createView(req.ctx, req.body),
  );
  app.delete(
    '/api/account-views/:id',
    {
      config: { access: { permission: 'accounts.read' } },
      schema: { tags: viewTags, summary: 'Delete one of your own views', params: IdParams, response: { 200: Ok } },
    },
    async (req) => {
      await deleteView(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
