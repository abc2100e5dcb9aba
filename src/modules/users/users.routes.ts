import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { CreatedUser, CreateUserRequest, InvitationLink, UpdateUserRequest, User, UserList, UserListQuery } from './users.contracts.js';
import { createUser, getUser, listUsers, newInvitationLink, updateUser } from './users.service.js';

const tags = ['users'];

export function registerUserRoutes(app: App) {
  app.get(
    '/api/users',
    {
      config: { access: { permission: 'users.read' } },
      schema: { tags, summary: 'Users you may see', querystring: UserListQuery, response: { 200: UserList } },
    },
    async (req) => listUsers(req.ctx, req.query),
  );
  app.get(
    '/api/users/:id',
    { config: { access: { permission: 'users.read' } }, schema: { tags, summary: 'One user', params: IdParams, response: { 200: User } } },
    async (req) => getUser(req.ctx, req.params.id),
  );
  app.post(
    '/api/users',
    {
      config: { access: { permission: 'users.manage' } },
      schema: { tags, summary: 'Create a user (answers an invitation link)', body: CreateUserRequest, response: { 200: CreatedUser } },
    },
    async (req) => {
      const { user, invitationUrl } = await createUser(req.ctx, req.body);
      return { user, invitationUrl: invitationUrl ?? '' };
    },
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: { permission: 'users.manage' } },
      schema: {
        tags,
        summary: 'Change role, manager, department, language; disable or enable',
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: User },
      },
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/invitation',
    {
      config: { access: { permission: 'users.manage' } },
      schema: { tags, summary: 'A new invitation link', params: IdParams, response: { 200: InvitationLink } },
    },
    async (req) => ({ invitationUrl: await newInvitationLink(req.ctx, req.params.id) }),
  );
}
