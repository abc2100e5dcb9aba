import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Locale } from '../../core/contracts.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { type Actor, assertCan, selvesOf } from '../../core/policy/policy.js';
import { accounts } from '../accounts/accounts.schema.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { loadBusinessCalendar } from '../company/business-calendar.service.js';
import type { BusinessCalendar } from '../company/business-clock.js';
import { findCompany } from '../company/company.service.js';
import { contacts } from '../contacts/contacts.schema.js';
import { enqueueMail } from '../mail/mail.service.js';
import { notify } from '../notifications/notifications.service.js';
import { products } from '../products/products.schema.js';
import { sendSurveyIn } from '../surveys/surveys.service.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { users } from '../users/users.schema.js';
import type {
  ComplaintDetail,
  ComplaintPatch,
  ComplaintReply,
  ComplaintWait,
  NewComplaint,
  ReopenComplaint,
  ResolveComplaint,
} from './complaint-workflow.contracts.js';
import type { ComplaintChannel, ComplaintSeverity } from './complaints.contracts.js';
import { deadlines, elapsed, pausesOf, targetsFor } from './complaints.clock.js';
import { acknowledgement, replyToClient, resolvedNotice } from './complaints.mail.js';
import { complaintEvents, complaintPauses, complaints } from './complaints.schema.js';
import { getComplaint } from './complaints.service.js';

/**
 * The service desk's work on a complaint (D1). The KAM who owns the account handles it personally;
 * their senior KAM and the head may step in; a deputy covers an absent handler. Every step is an
 * event of the complaint, audited, and keeps the SLA clocks (complaints.clock.ts) in step.
 */

type Row = typeof complaints.$inferSelect;
const DAY = 86_400_000;

export async function addEvent(
  tx: Executor,
  complaintId: string,
  kind: string,
  actorId: string | null,
  data: Record<string, unknown> = {},
) {
  // clock_timestamp(): several events of one transaction keep their order
  await tx.insert(complaintEvents).values({ complaintId, kind, actorId, data, createdAt: sql`clock_timestamp()` });
}

/** What every intake does (web, API, e-mail): the clocks, the handler, the acknowledgement, the news. */
export async function intake(
  tx: Executor,
  cal: BusinessCalendar,
  input: Omit<NewComplaint, 'severity' | 'legalClaim'> & {
    severity: ComplaintSeverity;
    legalClaim: boolean;
    channel: ComplaintChannel;
    actorId: string | null;
  },
): Promise<Row> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, input.accountId));
  if (!account) throw notFound();
  const company = await findCompany(tx);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  const targets = await targetsFor(tx, cal, account.tier, input.severity);
  const clock = deadlines(
    cal,
    {
      receivedAt,
      firstResponseAt: null,
      resolvedAt: null,
      responseTargetMinutes: targets.responseMinutes,
      resolutionTargetMinutes: targets.resolutionMinutes,
    },
    [],
  );
  const locale: Locale = input.clientLocale ?? company?.defaultLocale ?? 'en';
  const [row] = await tx
    .insert(complaints)
    .values({
      accountId: account.id,
      receivedAt,
      severity: input.severity,
      category: input.category || null,
      channel: input.channel,
      status: 'new',
      subject: input.subject,
      description: input.description || null,
      contactId: input.contactId ?? null,
      contactEmail: input.contactEmail ?? null,
      contactName: input.contactName ?? null,
      clientLocale: locale,
      handlerId: account.ownerId,
      productId: input.productId ?? null,
      orderId: input.orderId || null,
      responseTargetMinutes: targets.responseMinutes,
      resolutionTargetMinutes: targets.resolutionMinutes,
      responseDueAt: clock.responseDueAt,
      resolutionDueAt: clock.resolutionDueAt,
      legalClaim: input.legalClaim,
      legalDueAt: input.legalClaim ? new Date(receivedAt.getTime() + (company?.legalClaimDays ?? 30) * DAY) : null,
      createdById: input.actorId,
    })
    .returning();
  if (!row) throw new Error('complaint not inserted');
  await addEvent(tx, row.id, 'received', input.actorId, { channel: input.channel });
  await recordAccountEvent(tx, {
    accountId: row.accountId,
    kind: 'complaint.received',
    actorId: input.actorId,
    occurredAt: receivedAt,
    data: { complaintId: row.reference, severity: row.severity, category: row.category, subject: row.subject, via: input.channel },
  });
  const [handler] = account.ownerId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, account.ownerId)) : [];
  if (account.ownerId && account.ownerId !== input.actorId)
    await notify(tx, {
      userId: account.ownerId,
      kind: 'complaint_received',
      payload: { complaintId: row.id, reference: row.reference, accountName: account.name, severity: row.severity },
      link: `/service?complaint=${row.id}`,
    });
  if (row.contactEmail) {
    const mail = acknowledgement(locale, {
      reference: row.reference,
      subject: row.subject,
      company: company?.name ?? 'Grove',
      handler: handler?.name ?? null,
    });
    await enqueueMail(tx, { to: row.contactEmail, ...mail, kind: 'complaint_ack', dedupeKey: `complaint_ack:${row.id}` });
    await addEvent(tx, row.id, 'acknowledged', null, { to: row.contactEmail });
  }
  return row;
}

export async function createComplaint(ctx: Ctx, body: NewComplaint): Promise<ComplaintDetail> {
  const a = actorOf(ctx);
  assertCan(a, 'complaints.write');
  await requireAccount(ctx, body.accountId, 'full');
  let contactEmail = body.contactEmail;
  let contactName = body.contactName;
  if (body.contactId) {
    const [c] = await ctx.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, body.contactId), eq(contacts.accountId, body.accountId)));
    if (!c) throw new AppError('COMPLAINT_CONTACT_NOT_ON_ACCOUNT', 422);
    contactEmail ??= c.email ?? undefined;
    contactName ??= c.fullName;
  }
  if (body.productId) {
    const [p] = await ctx.db.select({ id: products.id }).from(products).where(eq(products.id, body.productId));
    if (!p) throw new AppError('COMPLAINT_PRODUCT_UNKNOWN', 422);
  }
  if (body.receivedAt && Date.parse(body.receivedAt) > Date.now() + 60_000) throw new AppError('COMPLAINT_RECEIVED_IN_FUTURE', 422);
  const cal = await loadBusinessCalendar(ctx.db);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await intake(tx, cal, {
      ...body,
      contactEmail,
      contactName,
      channel: a.via === 'token' ? 'api' : 'web',
      actorId: a.userId,
    });
    await recordAudit(ctx, { action: 'complaint.create', entity: 'complaint', entityId: created.id, after: created }, tx);
    return created;
  });
  return getComplaintDetail(ctx, row.id);
}

/** Handler, their deputy, a senior above the handler, the head or an admin. */
async function mayWork(ctx: Ctx, a: Actor, handlerId: string | null): Promise<boolean> {
  const roles = [a.role, ...a.actingFor.map((p) => p.role)];
  if (roles.includes('admin') || roles.includes('head')) return true;
  if (!handlerId) return false;
  if (selvesOf(a).includes(handlerId)) return true;
  const seniors = [{ userId: a.userId, role: a.role }, ...a.actingFor].filter((p) => p.role === 'senior_kam').map((p) => p.userId);
  return seniors.length > 0 && (await reportingLineOf(ctx.db, seniors)).includes(handlerId);
}

async function workable(ctx: Ctx, id: string): Promise<Row> {
  const a = actorOf(ctx);
  assertCan(a, 'complaints.write');
  await getComplaint(ctx, id); // 404 unless the reader sees it
  const [row] = await ctx.db.select().from(complaints).where(eq(complaints.id, id));
  if (!row) throw notFound();
  if (!(await mayWork(ctx, a, row.handlerId))) throw new AppError('COMPLAINT_NOT_YOURS', 403);
  return row;
}

const done = (r: Row) => r.status === 'resolved' || r.status === 'closed';

/** A late first response or resolution is a breach too, recorded at once rather than by the next sweep. */
function lateBreaches(r: Row, now: Date, responding: boolean, resolving: boolean) {
  return {
    ...(responding && !r.responseBreachedAt && r.responseDueAt && r.responseDueAt < now && { responseBreachedAt: now }),
    ...(resolving && !r.resolutionBreachedAt && r.resolutionDueAt && r.resolutionDueAt < now && { resolutionBreachedAt: now }),
  };
}

async function companyName(tx: Executor): Promise<string> {
  return (await findCompany(tx))?.name ?? 'Grove';
}

export async function replyToComplaint(ctx: Ctx, id: string, body: ComplaintReply): Promise<ComplaintDetail> {
  const before = await workable(ctx, id);
  if (done(before)) throw new AppError('COMPLAINT_CLOSED', 409);
  if (body.toClient && !before.contactEmail) throw new AppError('COMPLAINT_NO_CLIENT_EMAIL', 422);
  const a = actorOf(ctx);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(complaints)
      .set({
        firstResponseAt: before.firstResponseAt ?? now,
        responseDueAt: null,
        status: before.status === 'new' ? 'in_progress' : before.status,
        ...lateBreaches(before, now, !before.firstResponseAt, false),
        updatedAt: now,
      })
      .where(eq(complaints.id, id))
      .returning();
    await addEvent(tx, id, 'replied', a.userId, { message: body.message, toClient: body.toClient });
    if (body.toClient && before.contactEmail) {
      const mail = replyToClient(before.clientLocale ?? 'en', {
        reference: before.reference,
        message: body.message,
        company: await companyName(tx),
        author: a.name,
      });
      await enqueueMail(tx, { to: before.contactEmail, ...mail, kind: 'complaint_reply' });
    }
    await recordAudit(ctx, { action: 'complaint.reply', entity: 'complaint', entityId: id, before, after }, tx);
  });
  return getComplaintDetail(ctx, id);
}

/** Waiting for the client stops both clocks (a pause); going back to work starts them again. */
export async function setWaiting(ctx: Ctx, id: string, body: ComplaintWait): Promise<ComplaintDetail> {
  const before = await workable(ctx, id);
  if (done(before)) throw new AppError('COMPLAINT_CLOSED', 409);
  const waiting = before.status === 'waiting_client';
  if (body.waiting === waiting) throw new AppError('COMPLAINT_STATE_UNCHANGED', 409);
  const now = new Date();
  const cal = await loadBusinessCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    let after: Row | undefined;
    if (body.waiting) {
      await tx.insert(complaintPauses).values({ complaintId: id, startedAt: now });
      [after] = await tx
        .update(complaints)
        .set({
          status: 'waiting_client',
          pausedSince: now,
          // asking the client is an answer: the response clock is met
          firstResponseAt: before.firstResponseAt ?? now,
          ...lateBreaches(before, now, !before.firstResponseAt, false),
          responseDueAt: null,
          resolutionDueAt: null,
          updatedAt: now,
        })
        .where(eq(complaints.id, id))
        .returning();
    } else {
      await tx
        .update(complaintPauses)
        .set({ endedAt: now })
        .where(and(eq(complaintPauses.complaintId, id), sql`${complaintPauses.endedAt} IS NULL`));
      const clock = deadlines(cal, before, await pausesOf(tx, id));
      [after] = await tx
        .update(complaints)
        .set({ status: 'in_progress', pausedSince: null, ...clock, updatedAt: now })
        .where(eq(complaints.id, id))
        .returning();
    }
    await addEvent(tx, id, body.waiting ? 'paused' : 'resumed', actorOf(ctx).userId, body.note ? { note: body.note } : {});
    await recordAudit(
      ctx,
      { action: body.waiting ? 'complaint.pause' : 'complaint.resume', entity: 'complaint', entityId: id, before, after },
      tx,
    );
  });
  return getComplaintDetail(ctx, id);
}

export async function resolveComplaint(ctx: Ctx, id: string, body: ResolveComplaint): Promise<ComplaintDetail> {
  const before = await workable(ctx, id);
  if (done(before)) throw new AppError('COMPLAINT_CLOSED', 409);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    if (before.pausedSince)
      await tx
        .update(complaintPauses)
        .set({ endedAt: now })
        .where(and(eq(complaintPauses.complaintId, id), sql`${complaintPauses.endedAt} IS NULL`));
    const [after] = await tx
      .update(complaints)
      .set({
        status: 'resolved',
        resolvedAt: now,
        firstResponseAt: before.firstResponseAt ?? now,
        justified: body.justified,
        rootCause: body.rootCause,
        correctiveAction: body.correctiveAction || null,
        resolution: body.resolution,
        ...lateBreaches(before, now, !before.firstResponseAt, true),
        responseDueAt: null,
        resolutionDueAt: null,
        pausedSince: null,
        updatedAt: now,
      })
      .where(eq(complaints.id, id))
      .returning();
    if (!after) throw notFound();
    await addEvent(tx, id, 'resolved', actorOf(ctx).userId, { justified: body.justified, rootCause: body.rootCause });
    await recordAccountEvent(tx, {
      accountId: after.accountId,
      kind: 'complaint.resolved',
      actorId: actorOf(ctx).userId,
      data: { complaintId: after.reference, justified: body.justified, rootCause: body.rootCause },
    });
    if (after.contactEmail) {
      const mail = resolvedNotice(after.clientLocale ?? 'en', {
        reference: after.reference,
        resolution: body.resolution,
        company: await companyName(tx),
      });
      await enqueueMail(tx, {
        to: after.contactEmail,
        ...mail,
        kind: 'complaint_resolved',
        dedupeKey: `complaint_resolved:${id}:${after.reopenCount}`,
      });
      // D4: how did we do? (once per complaint, not again after a reopening)
      if (after.reopenCount === 0)
        await sendSurveyIn(tx, ctx.publicUrl, {
          accountId: after.accountId,
          contactId: after.contactId,
          email: after.contactEmail,
          locale: after.clientLocale ?? 'en',
          kind: 'complaint',
          complaintId: id,
          reference: after.reference,
          sentById: actorOf(ctx).userId,
        });
    }
    await recordAudit(ctx, { action: 'complaint.resolve', entity: 'complaint', entityId: id, before, after }, tx);
  });
  return getComplaintDetail(ctx, id);
}

/** The client confirmed the resolution. */
export async function confirmComplaint(ctx: Ctx, id: string): Promise<ComplaintDetail> {
  const before = await workable(ctx, id);
  if (before.status !== 'resolved') throw new AppError('COMPLAINT_NOT_RESOLVED', 409);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(complaints)
      .set({ status: 'closed', clientConfirmedAt: new Date(), updatedAt: new Date() })
      .where(eq(complaints.id, id))
      .returning();
    await addEvent(tx, id, 'confirmed', actorOf(ctx).userId);
    await recordAudit(ctx, { action: 'complaint.confirm', entity: 'complaint', entityId: id, before, after }, tx);
  });
  return getComplaintDetail(ctx, id);
}

/** Back to work: the time it stood resolved becomes a pause, so the resolution clock runs on from where it stopped. */
export async function reopenComplaint(ctx: Ctx, id: string, body: ReopenComplaint): Promise<ComplaintDetail> {
  const before = await workable(ctx, id);
  if (!done(before) || !before.resolvedAt) throw new AppError('COMPLAINT_NOT_RESOLVED', 409);
  const now = new Date();
  const cal = await loadBusinessCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(complaintPauses).values({ complaintId: id, startedAt: before.resolvedAt as Date, endedAt: now });
    const reopened = { ...before, resolvedAt: null };
    const clock = deadlines(cal, reopened, await pausesOf(tx, id));
    const [after] = await tx
      .update(complaints)
      .set({
        status: 'in_progress',
        resolvedAt: null,
        clientConfirmedAt: null,
        reopenCount: before.reopenCount + 1,
        ...clock,
        updatedAt: now,
      })
      .where(eq(complaints.id, id))
      .returning();
    await addEvent(tx, id, 'reopened', actorOf(ctx).userId, { reason: body.reason });
    await recordAudit(ctx, { action: 'complaint.reopen', entity: 'complaint', entityId: id, before, after }, tx);
  });
  return getComplaintDetail(ctx, id);
}

export async function updateComplaint(ctx: Ctx, id: string, patch: ComplaintPatch): Promise<ComplaintDetail> {
  const before = await workable(ctx, id);
  const now = new Date();
  if (patch.handlerId) {
    const [u] = await ctx.db.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, patch.handlerId));
    if (!u || u.disabledAt || !['kam', 'senior_kam', 'head'].includes(u.role)) throw new AppError('COMPLAINT_HANDLER_INVALID', 422);
  }
  if (patch.productId) {
    const [p] = await ctx.db.select({ id: products.id }).from(products).where(eq(products.id, patch.productId));
    if (!p) throw new AppError('COMPLAINT_PRODUCT_UNKNOWN', 422);
  }
  const cal = await loadBusinessCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const changes: Partial<typeof complaints.$inferInsert> = { updatedAt: now };
    if (patch.severity && patch.severity !== before.severity) {
      const [account] = await tx.select({ tier: accounts.tier }).from(accounts).where(eq(accounts.id, before.accountId));
      const t = await targetsFor(tx, cal, account?.tier ?? 'regular', patch.severity);
      const next = { ...before, responseTargetMinutes: t.responseMinutes, resolutionTargetMinutes: t.resolutionMinutes };
      Object.assign(changes, {
        severity: patch.severity,
        responseTargetMinutes: t.responseMinutes,
        resolutionTargetMinutes: t.resolutionMinutes,
        ...(before.pausedSince || done(before) ? {} : deadlines(cal, next, await pausesOf(tx, id))),
      });
    }
    if (patch.legalClaim !== undefined && patch.legalClaim !== before.legalClaim) {
      const days = (await findCompany(tx))?.legalClaimDays ?? 30;
      Object.assign(changes, {
        legalClaim: patch.legalClaim,
        legalDueAt: patch.legalClaim ? new Date(before.receivedAt.getTime() + days * DAY) : null,
      });
    }
    if (patch.category !== undefined) changes.category = patch.category || null;
    if (patch.productId !== undefined) changes.productId = patch.productId;
    if (patch.orderId !== undefined) changes.orderId = patch.orderId || null;
    if (patch.handlerId) changes.handlerId = patch.handlerId;
    const [after] = await tx.update(complaints).set(changes).where(eq(complaints.id, id)).returning();
    await addEvent(tx, id, 'updated', actorOf(ctx).userId, { ...patch });
    await recordAudit(ctx, { action: 'complaint.update', entity: 'complaint', entityId: id, before, after }, tx);
  });
  return getComplaintDetail(ctx, id);
}

export async function getComplaintDetail(ctx: Ctx, id: string): Promise<ComplaintDetail> {
  const base = await getComplaint(ctx, id);
  const [row] = await ctx.db
    .select({ c: complaints, product: { id: products.id, name: products.name } })
    .from(complaints)
    .leftJoin(products, eq(products.id, complaints.productId))
    .where(eq(complaints.id, id));
  if (!row) throw notFound();
  const [events, pauses, cal] = await Promise.all([
    ctx.db
      .select({ e: complaintEvents, actor: { id: users.id, name: users.name } })
      .from(complaintEvents)
      .leftJoin(users, eq(users.id, complaintEvents.actorId))
      .where(eq(complaintEvents.complaintId, id))
      .orderBy(complaintEvents.createdAt, complaintEvents.id),
    pausesOf(ctx.db, id),
    loadBusinessCalendar(ctx.db),
  ]);
  const c = row.c;
  const ran = elapsed(cal, c, pauses, new Date());
  const a = actorOf(ctx);
  return {
    ...base,
    description: c.description,
    contact: { id: c.contactId, name: c.contactName, email: c.contactEmail },
    clientLocale: c.clientLocale,
    product: row.product?.id ? row.product : null,
    orderId: c.orderId,
    rootCause: c.rootCause,
    correctiveAction: c.correctiveAction,
    resolution: c.resolution,
    clientConfirmedAt: c.clientConfirmedAt?.toISOString() ?? null,
    reopenCount: c.reopenCount,
    responseTargetMinutes: c.responseTargetMinutes,
    resolutionTargetMinutes: c.resolutionTargetMinutes,
    responseElapsedMinutes: c.responseTargetMinutes === null ? null : ran.response,
    resolutionElapsedMinutes: c.resolutionTargetMinutes === null ? null : ran.resolution,
    events: events.map((e) => ({
      id: e.e.id,
      kind: e.e.kind,
      actor: e.actor?.id ? e.actor : null,
      data: e.e.data,
      createdAt: e.e.createdAt.toISOString(),
    })),
    canWork: c.status !== 'closed' && (await mayWork(ctx, a, c.handlerId)),
  };
}
