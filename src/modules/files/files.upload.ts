import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { tooLarge } from './files.service.js';

/** The one file of a multipart upload (field `file`): no file → 400, over the limit → 413, nothing stored. */
export async function readUploadedFile(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string; mimeType: string; content: Buffer; maxBytes: number }> {
  if (!req.isMultipart()) throw new AppError('ATTACHMENT_NO_FILE', 400);
  const part = await req.file().catch(() => undefined);
  if (!part) throw new AppError('ATTACHMENT_NO_FILE', 400);
  const content = await part.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw new AppError('ATTACHMENT_NO_FILE', 400);
  });
  return { fileName: part.filename, mimeType: part.mimetype, content, maxBytes };
}
