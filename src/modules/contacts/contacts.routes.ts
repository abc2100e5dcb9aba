import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { VersionBody } from '../accounts/accounts.contracts.js';
import {
  Contact,
  ContactList,
  ContactListQuery,
  CreateContactRequest,
  RelationshipMap,
  SaveRelationshipMapRequest,
  UpdateContactRequest,
} from './contacts.contracts.js';
import { createContact, getContact, listContacts, setContactArchived, updateContact } from './contacts.service.js';
import { getRelationshipMap, saveRelationshipMap } from './relationship-map.service.js';

const tags = ['contacts'];
const read = { access: { permission: 'accounts.read' as const } };
const write = { access: { permission: 'accounts.write' as const } };

export function registerContactRoutes(app: App) {
  app.get(
    '/api/accounts/:id/contacts',
    {
      config: read,
      schema: {
        tags,
        summary: 'The stakeholders of an account, by name',
        params: IdParams,
        querystring: ContactListQuery,
        response: { 200: ContactList },
      },
    },
    async (req) => ({ items: await listContacts(req.ctx, req.params.id, req.query.archived) }),
  );
  app.post(
    '/api/accounts/:id/contacts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a stakeholder to an account',
        params: IdParams,
        body: CreateContactRequest,
        response: { 200: Contact },
      },
    },
    async (req) => createContact(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/contacts/:id',
    { config: read, schema: { tags, summary: 'One stakeholder', params: IdParams, response: { 200: Contact } } },
    async (req) => getContact(req.ctx, req.params.id),
  );
  app.patch(
    '/api/contacts/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a stakeholder (send the version you read; a newer one answers 409)',
        params: IdParams,
        body: UpdateContactRequest,
        response: { 200: Contact },
      },
    },
    async (req) => updateContact(req.ctx, req.params.id, req.body),
  );
  for (const [path, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/api/contacts/:id/${path}`,
      {
        config: write,
        schema: {
          tags,
          summary: archived ? 'Archive a stakeholder (they leave the list and the map)' : 'Restore an archived stakeholder',
          params: IdParams,
          body: VersionBody,
          response: { 200: Contact },
        },
      },
      async (req) => setContactArchived(req.ctx, req.params.id, req.body.version, archived),
    );
  }
  app.get(
    '/api/accounts/:id/relationship-map',
    {
      config: read,
      schema: {
        tags,
        summary: 'The relationship map: current stakeholders, reports-to lines and the risks they show',
        params: IdParams,
        response: { 200: RelationshipMap },
      },
    },
    async (req) => getRelationshipMap(req.ctx, req.params.id),
  );
  app.put(
    '/api/accounts/:id/relationship-map',
    {
      config: write,
      schema: {
        tags,
        summary: 'Save positions and reports-to lines after drag and drop, all or nothing',
        description:
          'Positions: the last save wins (layout only). Reports-to lines: each names the version of the stakeholder it was ' +
          'drawn on; a newer stored version answers 409 CONFLICT. Lines may not go in a circle (400 REPORTS_TO_CYCLE).',
        params: IdParams,
        body: SaveRelationshipMapRequest,
        response: { 200: RelationshipMap },
      },
    },
    async (req) => saveRelationshipMap(req.ctx, req.params.id, req.body),
  );
}
