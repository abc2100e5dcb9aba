import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import {
  type AttachmentFile,
  deleteAttachment,
  findAttachment,
  readAttachment,
  type Subject,
  saveAttachment,
} from '../files/files.service.js';
import type { RequestAttachment } from './requests.contracts.js';
import { addRequestEvent, findRequest } from './requests.service.js';

/**
 * Files on a department request (D2). Whoever sees the request may download them; its requester and
 * the department's members attach them; a file's uploader and the requester delete it. A request the
 * caller cannot see does not exist (404), nor do its files.
 */
const subject = (requestId: string): Subject => ({ type: 'department_request', id: requestId });

/** Checks that the caller may attach files to the request, before a byte of the upload is read. */
export async function checkMayAttachToRequest(ctx: Ctx, requestId: string): Promise<void> {
  const { row, reach } = await findRequest(ctx, requestId);
  if (!reach.selves.includes(row.r.requestedById) && !reach.departments.includes(row.r.department)) throw forbidden();
}

export async function attachToRequest(
  ctx: Ctx,
  requestId: string,
  file: { fileName: string | undefined; mimeType: string | undefined; content: Buffer; maxBytes: number },
): Promise<RequestAttachment> {
  await checkMayAttachToRequest(ctx, requestId);
  const a = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const saved = await saveAttachment(tx, { subject: subject(requestId), uploadedBy: a.userId, ...file });
    const meta = { attachmentId: saved.id, fileName: saved.fileName, mimeType: saved.mimeType, sizeBytes: saved.sizeBytes };
    await addRequestEvent(tx, requestId, 'attachment', a.userId, { fileName: saved.fileName });
    await recordAudit(ctx, { action: 'request.attachment.add', entity: 'department_request', entityId: requestId, after: meta }, tx);
    return { ...saved, createdAt: saved.createdAt.toISOString(), canDelete: true };
  });
}

/** The file with its bytes, for whoever sees the request. */
export async function downloadRequestAttachment(ctx: Ctx, requestId: string, attachmentId: string): Promise<AttachmentFile> {
  await findRequest(ctx, requestId);
  return readAttachment(ctx.db, subject(requestId), attachmentId);
}

export async function removeRequestAttachment(ctx: Ctx, requestId: string, attachmentId: string): Promise<void> {
  const { row, reach } = await findRequest(ctx, requestId);
  const file = await findAttachment(ctx.db, subject(requestId), attachmentId);
  const me = reach.selves;
  if (!me.includes(row.r.requestedById) && !(file.uploadedBy && me.includes(file.uploadedBy.id))) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await deleteAttachment(tx, subject(requestId), attachmentId);
    await recordAudit(
      ctx,
      {
        action: 'request.attachment.delete',
        entity: 'department_request',
        entityId: requestId,
        before: { attachmentId, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes },
      },
      tx,
    );
  });
}
