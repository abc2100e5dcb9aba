import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { IdParams, Ok } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { readUploadedFile } from '../files/files.upload.js';
import { attachmentMaxBytes, downloadHeaders } from '../files/files.service.js';
import { actAnalysis } from './acts.analysis.js';
import { attachToAct, checkMayAttach, downloadActAttachment, removeActAttachment } from './acts.attachments.js';
import {
  ActAnalysis,
  ActAttachment,
  ActDetail,
  ActList,
  ActListQuery,
  ActPatch,
  ActPdfQuery,
  AnalysisQuery,
  AttachmentQuery,
  NewAct,
  OrderLinesForAct,
  OrderLinesQuery,
} from './acts.contracts.js';
import { exportActPdf } from './acts.pdf.js';
import { createAct, deleteAct, getAct, listActs, orderLinesForAct, signAct, updateAct } from './acts.service.js';

const tags = ['acts'];
/** reading: the accounts the caller sees in full; the service answers 404 for a hidden act */
const read = { permission: 'complaints.read' } as const;
/** recording and working acts: the account's handler, their senior, the head and admins */
const write = { permission: 'complaints.write' } as const;
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** Return, refusal, shortage and mis-sort acts (D3). */
export function registerActRoutes(app: App) {
  app.get(
    '/api/acts',
    {
      config: { access: read },
      schema: { tags, summary: 'Acts of the accounts I see (filters, paged)', querystring: ActListQuery, response: { 200: ActList } },
    },
    async (req) => listActs(req.ctx, req.query),
  );
  app.get(
    '/api/acts/analysis',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Repeat causes by account, product and reason, with prevention notes',
        querystring: AnalysisQuery,
        response: { 200: ActAnalysis },
      },
    },
    async (req) => actAnalysis(req.ctx, req.query),
  );
  app.get(
    '/api/acts/order-lines',
    {
      config: { access: read },
      schema: {
        tags,
        summary: "An account's order with what each line still has to return",
        querystring: OrderLinesQuery,
        response: { 200: OrderLinesForAct },
      },
    },
    async (req) => orderLinesForAct(req.ctx, req.query.account, req.query.order),
  );
  app.post(
    '/api/acts',
    {
      config: { access: write },
      schema: { tags, summary: 'Record an act against an order (a draft)', body: NewAct, response: { 200: ActDetail } },
    },
    async (req) => createAct(req.ctx, req.body),
  );
  app.get(
    '/api/acts/:id',
    {
      config: { access: read },
      schema: { tags, summary: 'One act with its lines and files', params: IdParams, response: { 200: ActDetail } },
    },
    async (req) => getAct(req.ctx, req.params.id),
  );
  app.patch(
    '/api/acts/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Edit a draft act; the prevention note at any time',
        params: IdParams,
        body: ActPatch,
        response: { 200: ActDetail },
      },
    },
    async (req) => updateAct(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/acts/:id',
    { config: { access: write }, schema: { tags, summary: 'Delete a draft act', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await deleteAct(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/acts/:id/sign',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Sign a draft (its signed copy attached): books the returns',
        params: IdParams,
        response: { 200: ActDetail },
      },
    },
    async (req) => signAct(req.ctx, req.params.id),
  );
  app.get(
    '/api/acts/:id/pdf',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'The act document for signature (lang: en or ru; default: your language)',
        params: IdParams,
        querystring: ActPdfQuery,
        produces: ['application/pdf'],
        response: { 200: z.instanceof(Buffer).describe('the PDF document') },
      },
    },
    async (req, reply) => {
      const { pdf, disposition } = await exportActPdf(req.ctx, req.params.id, req.query.lang);
      return reply.type('application/pdf').header('content-disposition', disposition).header('cache-control', 'no-store').send(pdf);
    },
  );

  const maxBytes = attachmentMaxBytes();
  app.register(async (scope) => {
    const api = scope as App;
    await api.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    api.post(
      '/api/acts/:id/attachments',
      {
        config: { access: write },
        schema: {
          tags,
          summary: 'Attach a photo (role=photo) or the signed act (role=signed) (multipart, field "file")',
          params: IdParams,
          querystring: AttachmentQuery,
          consumes: ['multipart/form-data'],
          response: { 200: ActAttachment },
        },
      },
      async (req) => {
        await checkMayAttach(req.ctx, req.params.id);
        return attachToAct(req.ctx, req.params.id, req.query.role, await readUploadedFile(req, maxBytes));
      },
    );
  });
  app.get(
    '/api/acts/:id/attachments/:attachmentId',
    { config: { access: read }, schema: { tags, summary: 'Download a file of an act', params: AttachmentParams } },
    async (req, reply) => {
      const file = await downloadActAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply.headers(downloadHeaders(file)).send(file.content);
    },
  );
  app.delete(
    '/api/acts/:id/attachments/:attachmentId',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Delete a file of an act (not the signed copy of a signed act)',
        params: AttachmentParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await removeActAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
}
