import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { attachments } from '../files/files.schema.js';
import type { TaskAttachment, TaskDetail } from './tasks.contracts.js';

let t: TestApp;
let head: TestUser;
let senior: TestUser;
let junior: TestUser;
let stranger: TestUser;
let task: TaskDetail;

const MB = 1024 * 1024;

beforeAll(async () => {
  // 2 MB: above the 1 MB limit of JSON bodies, which must not apply to uploads
  process.env.GROVE_ATTACHMENT_MAX_MB = '2';
  t = await createTestApp();
  const db = t.database.db;
  head = await makeUser(db, { role: 'head' });
  senior = await makeUser(db, { role: 'senior_kam', managerId: head.id, name: 'Sam Senior', locale: 'ru' });
  junior = await makeUser(db, { role: 'kam', managerId: senior.id, name: 'June Junior' });
  stranger = await makeUser(db, { role: 'kam' });
  const s = await signedIn(t.app, senior);
  const res = await s.post('/api/tasks', { title: 'Prepare the offer', assigneeId: junior.id });
  expect(res.statusCode, res.body).toBe(200);
  task = res.json() as TaskDetail;
});
afterAll(async () => {
  delete process.env.GROVE_ATTACHMENT_MAX_MB;
  await t.close();
});

/** A browser-like multipart upload: one part "file" with the name and type given (or no part at all). */
function upload(s: Session, taskId: string, file: { name: string; type?: string; content: Buffer } | null) {
  const boundary = `----grove${Math.random().toString(16).slice(2)}`;
  const parts = file
    ? [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        file.content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]
    : [Buffer.from(`--${boundary}--\r\n`)];
  return s.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/attachments`,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(s.csrf ? { 'x-csrf-token': s.csrf } : {}),
    },
    cookies: s.cookies,
    remoteAddress: s.remoteAddress,
    payload: Buffer.concat(parts),
  });
}

const stored = async () => {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(and(eq(attachments.subjectType, 'task'), eq(attachments.subjectId, task.id)));
  return row?.n ?? 0;
};

const detail = async (s: Session, id = task.id) => {
  const res = await s.get(`/api/tasks/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TaskDetail;
};

describe('task attachments (B2)', () => {
  it('stores a file with a Cyrillic name and gives back exactly its bytes to whoever sees the task', async () => {
    const j = await signedIn(t.app, junior);
    const content = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(40_000)]);
    const name = 'Отчёт за ноябрь (итог).xlsx';
    const res = await upload(j, task.id, { name, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as TaskAttachment;
    expect(saved).toMatchObject({
      fileName: name,
      sizeBytes: content.length,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      uploadedBy: { id: junior.id, name: 'June Junior' },
      canDelete: true,
    });

    // the task's detail lists it (metadata only), for the assignee and for the senior above them
    const seen = await detail(await signedIn(t.app, senior));
    expect(seen.attachments).toEqual([{ ...saved, canDelete: true }]);
    expect(Object.keys(seen.attachments[0] ?? {})).not.toContain('content');
    expect((await detail(j)).attachments.map((a) => a.id)).toEqual([saved.id]);

    const h = await signedIn(t.app, head);
    const down = await h.get(`/api/tasks/${task.id}/attachments/${saved.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(down.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(down.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    // the encoded name decodes back to the original
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '')).toBe(name);

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'task.attachment.add'), eq(auditLog.entityId, task.id)));
    expect(audit?.actorId).toBe(junior.id);
    expect(audit?.after).toMatchObject({ attachmentId: saved.id, fileName: name, sizeBytes: content.length });
  });

  it('verifies the claimed type and cleans the file name', async () => {
    const j = await signedIn(t.app, junior);
    const fake = await upload(j, task.id, { name: 'invoice.pdf', type: 'application/pdf', content: Buffer.from('<html>not a pdf</html>') });
    expect(fake.statusCode, fake.body).toBe(200);
    expect((fake.json() as TaskAttachment).mimeType).toBe('application/octet-stream');
    const page = await upload(j, task.id, { name: 'page.html', type: 'text/html', content: Buffer.from('<script>alert(1)</script>') });
    expect((page.json() as TaskAttachment).mimeType).toBe('application/octet-stream');
    const pdf = await upload(j, task.id, { name: ' ..scan<1>?.pdf ', content: Buffer.from('%PDF-1.7\n%…') });
    expect(pdf.json()).toMatchObject({ fileName: 'scan1.pdf', mimeType: 'application/pdf' });
    for (const r of [fake, page, pdf]) {
      const id = (r.json() as TaskAttachment).id;
      expect((await j.delete(`/api/tasks/${task.id}/attachments/${id}`)).statusCode).toBe(200);
    }
  });

  it('refuses a file above the limit, an empty file and a request without a file, storing nothing', async () => {
    const j = await signedIn(t.app, junior);
    const before = await stored();

    const big = await upload(j, task.id, { name: 'big.bin', content: Buffer.alloc(2 * MB + 1, 7) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE' });
    expect(big.json().error.message).toContain('2 MB');
    // in the uploader's language (the senior reads Russian)
    const bigRu = await upload(await signedIn(t.app, senior), task.id, { name: 'big.bin', content: Buffer.alloc(3 * MB, 7) });
    expect(bigRu.statusCode).toBe(413);
    expect(bigRu.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: expect.stringContaining('2 МБ') });

    const empty = await upload(j, task.id, { name: 'empty.txt', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('ATTACHMENT_EMPTY');

    const none = await upload(j, task.id, null);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('ATTACHMENT_NO_FILE');
    const json = await j.post(`/api/tasks/${task.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('ATTACHMENT_NO_FILE');

    expect(await stored()).toBe(before);

    // exactly the limit is accepted
    const edge = await upload(j, task.id, { name: 'edge.bin', content: Buffer.alloc(2 * MB, 1) });
    expect(edge.statusCode, edge.body).toBe(200);
    expect(await stored()).toBe(before + 1);
    expect((await j.delete(`/api/tasks/${task.id}/attachments/${(edge.json() as TaskAttachment).id}`)).statusCode).toBe(200);
  });

  it('hides the files of a task the caller cannot see (404), like the task itself', async () => {
    const j = await signedIn(t.app, junior);
    const file = (
      await upload(j, task.id, { name: 'secret.txt', type: 'text/plain', content: Buffer.from('secret') })
    ).json() as TaskAttachment;
    const x = await signedIn(t.app, stranger);
    const before = await stored();
    expect((await x.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    const url = `/api/tasks/${task.id}/attachments/${file.id}`;
    const get = await x.get(url);
    expect(get.statusCode).toBe(404);
    expect(get.body).not.toContain('secret');
    expect((await x.delete(url)).statusCode).toBe(404);
    expect((await upload(x, task.id, { name: 'a.txt', content: Buffer.from('a') })).statusCode).toBe(404);
    expect(await stored()).toBe(before);

    // a file is only reached through its own task
    const own = await signedIn(t.app, stranger);
    const mine = (await own.post('/api/tasks', { title: 'Mine', assigneeId: stranger.id })).json() as TaskDetail;
    expect((await x.get(`/api/tasks/${mine.id}/attachments/${file.id}`)).statusCode).toBe(404);
    expect((await x.delete(`/api/tasks/${mine.id}/attachments/${file.id}`)).statusCode).toBe(404);
    expect((await j.delete(url)).statusCode).toBe(200);
  });

  it('lets the uploader and the task’s giver delete a file, nobody else; deletions are audited', async () => {
    const s = await signedIn(t.app, senior);
    const j = await signedIn(t.app, junior);
    const h = await signedIn(t.app, head);
    const byGiver = (await upload(s, task.id, { name: 'brief.txt', content: Buffer.from('brief') })).json() as TaskAttachment;
    const byJunior = (await upload(j, task.id, { name: 'draft.txt', content: Buffer.from('draft') })).json() as TaskAttachment;
    const another = (await upload(j, task.id, { name: 'notes.txt', content: Buffer.from('notes') })).json() as TaskAttachment;

    const seenByJunior = (await detail(j)).attachments;
    expect(seenByJunior.find((a) => a.id === byGiver.id)?.canDelete).toBe(false);
    expect(seenByJunior.find((a) => a.id === byJunior.id)?.canDelete).toBe(true);
    expect((await detail(s)).attachments.every((a) => a.canDelete)).toBe(true);
    expect((await detail(h)).attachments.every((a) => !a.canDelete)).toBe(true);

    // the assignee may not delete the giver's file; the head sees the task but is neither
    const refused = await j.delete(`/api/tasks/${task.id}/attachments/${byGiver.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await h.delete(`/api/tasks/${task.id}/attachments/${byJunior.id}`)).statusCode).toBe(403);
    // the head watches: may download, may not attach
    expect((await upload(h, task.id, { name: 'h.txt', content: Buffer.from('h') })).statusCode).toBe(403);

    expect((await j.delete(`/api/tasks/${task.id}/attachments/${byJunior.id}`)).statusCode).toBe(200);
    expect((await s.delete(`/api/tasks/${task.id}/attachments/${another.id}`)).statusCode).toBe(200);
    expect((await s.delete(`/api/tasks/${task.id}/attachments/${byGiver.id}`)).statusCode).toBe(200);
    expect((await s.delete(`/api/tasks/${task.id}/attachments/${byGiver.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/tasks/${task.id}/attachments/${another.id}`)).statusCode).toBe(404);
    const left = (await detail(s)).attachments.map((a) => a.id);
    for (const gone of [byGiver, byJunior, another]) expect(left).not.toContain(gone.id);

    const deletions = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'task.attachment.delete'), eq(auditLog.entityId, task.id)));
    const byWhom = Object.fromEntries(deletions.map((d) => [(d.before as { attachmentId: string }).attachmentId, d.actorId]));
    expect(byWhom[byJunior.id]).toBe(junior.id);
    expect(byWhom[another.id]).toBe(senior.id);
    expect(deletions.find((d) => (d.before as { attachmentId: string }).attachmentId === another.id)?.before).toMatchObject({
      fileName: 'notes.txt',
      uploadedBy: junior.id,
    });
  });
});
