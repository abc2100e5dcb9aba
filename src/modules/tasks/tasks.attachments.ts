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
import type { TaskAttachment } from './tasks.contracts.js';
import { findTask, selves } from './tasks.service.js';

/**
 * Files on a task (B2). Whoever sees the task may download them; its giver and its assignee attach
 * them (like comments); a file's uploader and the task's giver delete it. A task the caller cannot
 * see does not exist (404), nor do its files.
 */
const subject = (taskId: string): Subject => ({ type: 'task', id: taskId });

/** Checks that the caller may attach files to the task, before a byte of the upload is read. */
export async function checkMayAttach(ctx: Ctx, taskId: string): Promise<void> {
  const row = await findTask(ctx, taskId);
  const me = selves(actorOf(ctx));
  if (!me.includes(row.t.giverId) && !me.includes(row.t.assigneeId)) throw forbidden();
}

export async function attachToTask(
  ctx: Ctx,
  taskId: string,
  file: { fileName: string | undefined; mimeType: string | undefined; content: Buffer; maxBytes: number },
): Promise<TaskAttachment> {
  await checkMayAttach(ctx, taskId);
  const a = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const saved = await saveAttachment(tx, { subject: subject(taskId), uploadedBy: a.userId, ...file });
    await recordAudit(
      ctx,
      {
        action: 'task.attachment.add',
        entity: 'task',
        entityId: taskId,
        after: { attachmentId: saved.id, fileName: saved.fileName, mimeType: saved.mimeType, sizeBytes: saved.sizeBytes },
      },
      tx,
    );
    return { ...saved, createdAt: saved.createdAt.toISOString(), canDelete: true };
  });
}

/** The file with its bytes, for whoever sees the task. */
export async function downloadTaskAttachment(ctx: Ctx, taskId: string, attachmentId: string): Promise<AttachmentFile> {
  await findTask(ctx, taskId);
  return readAttachment(ctx.db, subject(taskId), attachmentId);
}

export async function removeTaskAttachment(ctx: Ctx, taskId: string, attachmentId: string): Promise<void> {
  const row = await findTask(ctx, taskId);
  const file = await findAttachment(ctx.db, subject(taskId), attachmentId);
  const me = selves(actorOf(ctx));
  if (!me.includes(row.t.giverId) && !(file.uploadedBy && me.includes(file.uploadedBy.id))) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await deleteAttachment(tx, subject(taskId), attachmentId);
    await recordAudit(
      ctx,
      {
        action: 'task.attachment.delete',
        entity: 'task',
        entityId: taskId,
        before: {
          attachmentId,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          uploadedBy: file.uploadedBy?.id ?? null,
        },
      },
      tx,
    );
  });
}
