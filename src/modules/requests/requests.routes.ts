import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { IdParams, Ok } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { readUploadedFile } from '../files/files.upload.js';
import { attachmentMaxBytes, downloadHeaders } from '../files/files.service.js';
import { attachToRequest, checkMayAttachToRequest, downloadRequestAttachment, removeRequestAttachment } from './requests.attachments.js';
import {
  DepartmentSlaList,
  DepartmentSlaUpdate,
  NewRequest,
  NewRequestComment,
  RequestAssign,
  RequestAssignees,
  RequestAttachment,
  RequestDetail,
  RequestList,
  RequestListQuery,
  RequestPatch,
  RequestStatusChange,
} from './requests.contracts.js';
import {
  addRequestComment,
  assignRequest,
  changeRequestStatus,
  createRequest,
  getRequest,
  listDepartmentSla,
  listRequestAssignees,
  listRequests,
  updateDepartmentSla,
  updateRequest,
} from './requests.service.js';

const tags = ['requests'];
/** any signed-in user; the service decides who sees (404) and who may do what (403) */
const access = { signedIn: true } as const;
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** Requests to departments (D2): the KAM raises, the department's queue works them, SLA clocks escalate. */
export function registerRequestRoutes(app: App) {
  app.get(
    '/api/requests',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Requests I raised, my department’s queue, my line’s or all (head)',
        querystring: RequestListQuery,
        response: { 200: RequestList },
      },
    },
    async (req) => listRequests(req.ctx, req.query),
  );
  app.get(
    '/api/requests/sla',
    { config: { access }, schema: { tags, summary: 'Each department’s SLA for requests', response: { 200: DepartmentSlaList } } },
    async (req) => listDepartmentSla(req.ctx),
  );
  app.put(
    '/api/requests/sla',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Set the departments’ SLAs (head, administrator)',
        body: DepartmentSlaUpdate,
        response: { 200: DepartmentSlaList },
      },
    },
    async (req) => updateDepartmentSla(req.ctx, req.body),
  );
  app.post(
    '/api/requests',
    {
      config: { access },
      schema: { tags, summary: 'Raise a request to a department', body: NewRequest, response: { 200: RequestDetail } },
    },
    async (req) => createRequest(req.ctx, req.body),
  );
  app.get(
    '/api/requests/:id',
    {
      config: { access },
      schema: { tags, summary: 'One request with its story and files', params: IdParams, response: { 200: RequestDetail } },
    },
    async (req) => getRequest(req.ctx, req.params.id),
  );
  app.patch(
    '/api/requests/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Edit a request (its requester, while new)',
        params: IdParams,
        body: RequestPatch,
        response: { 200: RequestDetail },
      },
    },
    async (req) => updateRequest(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/requests/:id/status',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Move a request (the department) or cancel it (its requester)',
        params: IdParams,
        body: RequestStatusChange,
        response: { 200: RequestDetail },
      },
    },
    async (req) => changeRequestStatus(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/requests/:id/assignees',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The department members a request may be assigned to',
        params: IdParams,
        response: { 200: RequestAssignees },
      },
    },
    async (req) => listRequestAssignees(req.ctx, req.params.id),
  );
  app.post(
    '/api/requests/:id/assign',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Take a request, or pass it to a colleague of the department',
        params: IdParams,
        body: RequestAssign,
        response: { 200: RequestDetail },
      },
    },
    async (req) => assignRequest(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/requests/:id/comments',
    {
      config: { access },
      schema: { tags, summary: 'Comment on a request', params: IdParams, body: NewRequestComment, response: { 200: RequestDetail } },
    },
    async (req) => addRequestComment(req.ctx, req.params.id, req.body.body),
  );

  const maxBytes = attachmentMaxBytes();
  app.register(async (scope) => {
    const api = scope as App;
    await api.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    api.post(
      '/api/requests/:id/attachments',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Attach a file to a request (multipart, field "file"; its requester or the department)',
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 200: RequestAttachment },
        },
      },
      async (req) => {
        await checkMayAttachToRequest(req.ctx, req.params.id);
        return attachToRequest(req.ctx, req.params.id, await readUploadedFile(req, maxBytes));
      },
    );
  });
  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    { config: { access }, schema: { tags, summary: 'Download a file of a request (whoever sees it)', params: AttachmentParams } },
    async (req, reply) => {
      const file = await downloadRequestAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply.headers(downloadHeaders(file)).send(file.content);
    },
  );
  app.delete(
    '/api/requests/:id/attachments/:attachmentId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delete a file of a request (its uploader or the requester)',
        params: AttachmentParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await removeRequestAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
}
