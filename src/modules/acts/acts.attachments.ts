import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import {
  type AttachmentFile,
  type AttachmentMeta,
  deleteAttachment,
  findAttachment,
  readAttachment,
  type Subject,
  saveAttachment,
} from '../files/files.service.js';
import type { ActAttachment, AttachmentRole } from './acts.contracts.js';
import { findAct, findActToWrite, photoSubject, signedSubject } from './acts.service.js';

/**
 * Files of an act (D3): photos of the goods and the client's signed act. Whoever sees the act reads
 * them; its writers attach them. The signed copy of a signed act stays (it is what the returns rest on).
 */
const subjectOf = (actId: string, role: AttachmentRole): Subject => (role === 'signed' ? signedSubject(actId) : photoSubject(actId));

/** Checks that the caller may attach files to the act, before a byte of the upload is read. */
export async function checkMayAttach(ctx: Ctx, actId: string): Promise<void> {
  await findActToWrite(ctx, actId);
}

export async function attachToAct(
  ctx: Ctx,
  actId: string,
  role: AttachmentRole,
  file: { fileName: string | undefined; mimeType: string | undefined; content: Buffer; maxBytes: number },
): Promise<ActAttachment> {
  await findActToWrite(ctx, actId);
  const a = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const saved = await saveAttachment(tx, { subject: subjectOf(actId, role), uploadedBy: a.userId, ...file });
    await recordAudit(
      ctx,
      {
        action: 'act.attachment.add',
        entity: 'service_act',
        entityId: actId,
        after: { attachmentId: saved.id, role, fileName: saved.fileName, mimeType: saved.mimeType, sizeBytes: saved.sizeBytes },
      },
      tx,
    );
    return { ...saved, role, createdAt: saved.createdAt.toISOString() };
  });
}

/** The file's role and metadata, looked up under both subjects of the act; 404 when it has no such file. */
async function locate(ctx: Ctx, actId: string, attachmentId: string): Promise<{ role: AttachmentRole; meta: AttachmentMeta }> {
  for (const role of ['photo', 'signed'] as const) {
    const meta = await findAttachment(ctx.db, subjectOf(actId, role), attachmentId).catch(() => null);
    if (meta) return { role, meta };
  }
  throw notFound();
}

export async function downloadActAttachment(ctx: Ctx, actId: string, attachmentId: string): Promise<AttachmentFile> {
  await findAct(ctx, actId);
  const { role } = await locate(ctx, actId, attachmentId);
  return readAttachment(ctx.db, subjectOf(actId, role), attachmentId);
}

export async function removeActAttachment(ctx: Ctx, actId: string, attachmentId: string): Promise<void> {
  const act = await findActToWrite(ctx, actId);
  const { role, meta } = await locate(ctx, actId, attachmentId);
  if (role === 'signed' && act.status === 'signed') throw new AppError('ACT_NOT_DRAFT', 409, { reference: act.reference });
  await ctx.db.transaction(async (tx) => {
    await deleteAttachment(tx, subjectOf(actId, role), attachmentId);
    await recordAudit(
      ctx,
      {
        action: 'act.attachment.delete',
        entity: 'service_act',
        entityId: actId,
        before: { attachmentId, role, fileName: meta.fileName, mimeType: meta.mimeType, sizeBytes: meta.sizeBytes },
      },
      tx,
    );
  });
}
