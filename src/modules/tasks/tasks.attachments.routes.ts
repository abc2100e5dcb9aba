import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { IdParams, Ok } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { readUploadedFile } from '../files/files.upload.js';
import { attachmentMaxBytes, downloadHeaders } from '../files/files.service.js';
import { attachToTask, checkMayAttach, downloadTaskAttachment, removeTaskAttachment } from './tasks.attachments.js';
import { TaskAttachment } from './tasks.contracts.js';

const tags = ['tasks'];
/** any signed-in user; the service applies the task's visibility (404) and who may change its files */
const access = { signedIn: true } as const;
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** Files on a task: upload (multipart, field "file"), download, delete. */
export function registerTaskAttachmentRoutes(app: App) {
  const maxBytes = attachmentMaxBytes();

  app.register(async (scope) => {
    const api = scope as App;
    await api.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    api.post(
      '/api/tasks/:id/attachments',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Attach a file to a task (multipart, field "file"; its giver or assignee)',
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 200: TaskAttachment },
        },
      },
      async (req) => {
        // who may attach is decided before the upload is read
        await checkMayAttach(req.ctx, req.params.id);
        return attachToTask(req.ctx, req.params.id, await readUploadedFile(req, maxBytes));
      },
    );
  });

  app.get(
    '/api/tasks/:id/attachments/:attachmentId',
    {
      config: { access },
      schema: { tags, summary: 'Download a file of a task (whoever sees the task)', params: AttachmentParams },
    },
    async (req, reply) => {
      const file = await downloadTaskAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply.headers(downloadHeaders(file)).send(file.content);
    },
  );
  app.delete(
    '/api/tasks/:id/attachments/:attachmentId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delete a file of a task (its uploader or the task’s giver)',
        params: AttachmentParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await removeTaskAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
}
