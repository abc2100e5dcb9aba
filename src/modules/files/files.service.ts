import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { users } from '../users/users.schema.js';
import { attachments } from './files.schema.js';

/**
 * A small store of files attached to a record (a task now; complaints and acts later). It has no
 * routes and no policy of its own: the owning module decides who may see the record, then calls
 * these functions with the record's type and id. Listing never reads the bytes.
 */

/** The largest attachment, from GROVE_ATTACHMENT_MAX_MB (default 10 MB). */
export function attachmentMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = z.coerce
    .number()
    .int()
    .min(1)
    .max(1024)
    .catch(10)
    .parse(env.GROVE_ATTACHMENT_MAX_MB ?? 10);
  return mb * 1024 * 1024;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedBy: { id: string; name: string } | null;
  createdAt: Date;
}

export interface AttachmentFile extends AttachmentMeta {
  content: Buffer;
}

export interface Subject {
  type: string;
  id: string;
}

const MAX_NAME = 200;

/**
 * A file name safe to store and to send back: the last path segment, Unicode NFC, no control
 * characters or characters Windows refuses, no leading or trailing dots and spaces, at most 200
 * characters (the extension kept), and "file" when nothing is left.
 */
export function cleanFileName(raw: string | undefined | null): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = Array.from(name.slice(0, name.length - ext.length))
      .slice(0, MAX_NAME - ext.length)
      .join('')
      .trimEnd()
      .concat(ext);
  }
  return name || 'file';
}

/** Types a browser would render or run if one ever displayed the file: stored as plain bytes. */
const active =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript|application\/ecmascript|text\/ecmascript)$/;

const signatures: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

const byExtension: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};

const OCTET = 'application/octet-stream';

/**
 * The type to store, trusting the client (or the extension) but verifying what can be verified:
 * a claimed PDF or image must start like one; a file that starts like one is stored as one; types a
 * browser would render as a page or a script are stored as plain bytes.
 */
export function verifiedMimeType(declared: string | undefined | null, fileName: string, content: Buffer): string {
  const sniffed = signatures.find((s) => s.test(content))?.type;
  if (sniffed) return sniffed;
  let type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type) || type === OCTET) {
    const ext = fileName.includes('.') ? (fileName.split('.').pop()?.toLowerCase() ?? '') : '';
    type = byExtension[ext] ?? OCTET;
  }
  if (signatures.some((s) => s.type === type)) return OCTET; // claimed a PDF or an image, is not one
  if (active.test(type)) return OCTET;
  return type;
}

/** Stores a file on a record; refuses an empty file (400) and one above the limit (413). */
export async function saveAttachment(
  tx: Executor,
  input: {
    subject: Subject;
    fileName: string | undefined;
    mimeType: string | undefined;
    content: Buffer;
    uploadedBy: string;
    maxBytes: number;
  },
): Promise<AttachmentMeta> {
  if (input.content.length === 0) throw new AppError('ATTACHMENT_EMPTY', 400);
  if (input.content.length > input.maxBytes) throw tooLarge(input.maxBytes);
  const fileName = cleanFileName(input.fileName);
  const [row] = await tx
    .insert(attachments)
    .values({
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      fileName,
      mimeType: verifiedMimeType(input.mimeType, fileName, input.content),
      sizeBytes: input.content.length,
      content: input.content,
      uploadedBy: input.uploadedBy,
    })
    .returning(meta);
  if (!row) throw new Error('attachment not inserted');
  const [u] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, input.uploadedBy));
  return { ...row, uploadedBy: u ?? null };
}

export const tooLarge = (maxBytes: number) => new AppError('ATTACHMENT_TOO_LARGE', 413, { mb: Math.round(maxBytes / 1024 / 1024) });

const meta = {
  id: attachments.id,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes,
  createdAt: attachments.createdAt,
};
const uploader = { id: users.id, name: users.name };

/** The files of a record, oldest first, without their bytes. */
export async function listAttachments(db: Executor, subject: Subject): Promise<AttachmentMeta[]> {
  const rows = await db
    .select({ ...meta, uploadedBy: uploader })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.subjectType, subject.type), eq(attachments.subjectId, subject.id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return rows.map((r) => ({ ...r, uploadedBy: r.uploadedBy?.id ? r.uploadedBy : null }));
}

/** One file of a record without its bytes; 404 when the record has no such file. */
export async function findAttachment(db: Executor, subject: Subject, id: string): Promise<AttachmentMeta> {
  const [row] = await db
    .select({ ...meta, uploadedBy: uploader })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.id, id), eq(attachments.subjectType, subject.type), eq(attachments.subjectId, subject.id)));
  if (!row) throw notFound();
  return { ...row, uploadedBy: row.uploadedBy?.id ? row.uploadedBy : null };
}

/** One file of a record, with its bytes; 404 when the record has no such file. */
export async function readAttachment(db: Executor, subject: Subject, id: string): Promise<AttachmentFile> {
  const [row] = await db
    .select({ ...meta, content: attachments.content, uploadedBy: uploader })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.id, id), eq(attachments.subjectType, subject.type), eq(attachments.subjectId, subject.id)));
  if (!row) throw notFound();
  return { ...row, uploadedBy: row.uploadedBy?.id ? row.uploadedBy : null };
}

/** Removes one file of a record (the owning module has checked the right to); false when there was none. */
export async function deleteAttachment(tx: Executor, subject: Subject, id: string): Promise<boolean> {
  const rows = await tx
    .delete(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.subjectType, subject.type), eq(attachments.subjectId, subject.id)))
    .returning({ id: attachments.id });
  return rows.length > 0;
}

const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The headers of a download: always an attachment (never shown in the page), an ASCII name for
 * old clients and the real one in UTF-8 (RFC 5987), no type sniffing, no caching by proxies, and a
 * sandbox should a browser ever render it.
 */
export function downloadHeaders(file: Pick<AttachmentMeta, 'fileName' | 'mimeType' | 'sizeBytes'>): Record<string, string> {
  const dot = file.fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [file.fileName.slice(0, dot), file.fileName.slice(dot)] : [file.fileName, ''];
  const toAscii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^[_.]+|_+$/g, '');
  const ascii = `${toAscii(stem) || 'file'}${toAscii(ext) ? `.${toAscii(ext)}` : ''}`;
  return {
    'content-type': file.mimeType,
    'content-length': String(file.sizeBytes),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}
