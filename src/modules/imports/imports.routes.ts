import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { IdParams } from '../../core/contracts.js';
import { AppError } from '../../core/errors.js';
import type { App, AppDeps } from '../../core/http/types.js';
import { ImportEntity, ImportRun, ImportRunList, ImportUploadQuery } from './imports.contracts.js';
import { checkUpload, confirmRun, getRun, importers, listRuns } from './imports.service.js';

const tags = ['imports'];
const access = { permission: 'imports.run' } as const;

export function registerImportRoutes(app: App, deps: AppDeps) {
  const limits = { maxBytes: deps.config.importMaxBytes };

  app.register(async (scope) => {
    const api = scope as App;
    await api.register(fastifyMultipart, { limits: { fileSize: limits.maxBytes, files: 1, fields: 0, parts: 1 } });
    api.post(
      '/api/imports',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Upload a CSV or XLSX file (multipart, field "file"): it is checked, not stored; confirm to run it',
          querystring: ImportUploadQuery,
          consumes: ['multipart/form-data'],
          response: { 200: ImportRun },
        },
      },
      async (req) => {
        if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415);
        const part = await req.file().catch(() => undefined);
        if (!part) throw new AppError('VALIDATION_FAILED', 400, { fields: 'file' });
        const file = await part.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('IMPORT_FILE_TOO_LARGE', 413, { mb: Math.round(limits.maxBytes / 1024 / 1024) });
          throw new AppError('IMPORT_FILE_UNREADABLE', 400);
        });
        return checkUpload(req.ctx, { entity: req.query.entity, file, fileName: part.filename || 'upload', limits });
      },
    );
  });

  app.post(
    '/api/imports/:id/confirm',
    {
      config: { access },
      schema: { tags, summary: 'Run a checked import (in the background)', params: IdParams, response: { 200: ImportRun } },
    },
    async (req) => confirmRun(req.ctx, req.params.id, limits),
  );
  app.get(
    '/api/imports/:id',
    {
      config: { access },
      schema: { tags, summary: 'One import: its check, progress and result', params: IdParams, response: { 200: ImportRun } },
    },
    async (req) => getRun(req.ctx, req.params.id),
  );
  app.get(
    '/api/imports',
    { config: { access }, schema: { tags, summary: 'Recent imports', response: { 200: ImportRunList } } },
    async (req) => ({ items: await listRuns(req.ctx) }),
  );
  app.get(
    '/api/imports/templates/:entity',
    {
      config: { access },
      schema: {
        tags,
        summary: 'An empty CSV with the columns of an entity (import-format.md)',
        params: z.strictObject({ entity: ImportEntity }),
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const header = importers[req.params.entity].columns.map((c) => c.name).join(',');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.entity}.csv"`)
        .send(`${header}\r\n`);
    },
  );
}
