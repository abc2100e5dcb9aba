import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError } from '../../core/errors.js';
import { assertCan, selvesOf } from '../../core/policy/policy.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { contacts } from '../contacts/contacts.schema.js';
import { createTask } from '../tasks/tasks.service.js';
import { users } from '../users/users.schema.js';
import type {
  CancelInteraction,
  CompleteInteraction,
  InteractionDetail,
  InteractionPatch,
  MoveInteraction,
  NewInteraction,
} from './interaction-write.contracts.js';
import type { ChecklistAnswer, ChecklistKind, InteractionType } from './interactions.contracts.js';
import { checklistFits, defaultDurationMinutes, impliedChecklist } from './interactions.rules.js';
import { interactionContacts, interactionMoves, interactions } from './interactions.schema.js';
import { getInteraction, visibleInteraction } from './interactions.service.js';

/**
 * Logging and planning interactions (C1, C2, C4). Everyone writes their own interactions (or those of
 * the colleague they cover, B3) on accounts they see in full; a planned item is completed, moved or
 * cancelled with a reason, never silently rewritten, so plan adherence stays honest.
 */

type Row = typeof interactions.$inferSelect;

function ownerFor(ctx: Ctx, userId: string | undefined): string {
  const a = actorOf(ctx);
  assertCan(a, 'interactions.write');
  const owner = userId ?? a.userId;
  if (!selvesOf(a).includes(owner)) throw new AppError('INTERACTION_OWNER_NOT_ALLOWED', 403);
  return owner;
}

async function checkContacts(ctx: Ctx, accountId: string, ids: string[] | undefined) {
  if (!ids?.length) return;
  const unique = [...new Set(ids)];
  const found = await ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(inArray(contacts.id, unique), eq(contacts.accountId, accountId)));
  if (found.length !== unique.length) throw new AppError('INTERACTION_CONTACT_NOT_ON_ACCOUNT', 422);
}

function checklistOf(type: InteractionType, kind: ChecklistKind | null | undefined) {
  if (!checklistFits(type, kind)) throw new AppError('INTERACTION_CHECKLIST_MISMATCH', 422);
  return impliedChecklist(type, kind);
}

async function setContacts(tx: Executor, interactionId: string, ids: string[] | undefined) {
  if (ids === undefined) return;
  await tx.delete(interactionContacts).where(eq(interactionContacts.interactionId, interactionId));
  const unique = [...new Set(ids)];
  if (unique.length) await tx.insert(interactionContacts).values(unique.map((contactId) => ({ interactionId, contactId })));
}

/** What was done appears on the account's timeline, when it happened; plans stay in the plan. */
async function timeline(tx: Executor, row: Row, actorId: string) {
  const [u] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.userId));
  await recordAccountEvent(tx, {
    accountId: row.accountId,
    kind: 'interaction.logged',
    actorId,
    occurredAt: row.occurredAt,
    data: {
      interactionId: row.id,
      type: row.type,
      status: row.status,
      subject: row.subject,
      outcome: row.outcome,
      nextStep: row.nextStep,
      at: row.occurredAt.toISOString(),
      allDay: row.allDay,
      origin: row.origin,
      user: u ?? null,
      via: 'app',
    },
  });
}

function notInFuture(status: string, at: Date) {
  // a minute of grace for clocks that disagree
  if (status === 'done' && at.getTime() > Date.now() + 60_000) throw new AppError('INTERACTION_DONE_IN_FUTURE', 422);
}

/** The next step as a task (given by the caller) and/or as a planned interaction of the same owner. */
async function followUps(
  ctx: Ctx,
  row: Row,
  next: Pick<NewInteraction, 'nextTask' | 'nextInteraction'>,
): Promise<{ taskTitle?: string; nextId?: string }> {
  const out: { taskTitle?: string; nextId?: string } = {};
  if (next.nextInteraction) {
    const [planned] = await ctx.db
      .insert(interactions)
      .values({
        accountId: row.accountId,
        userId: row.userId,
        type: next.nextInteraction.type,
        status: 'planned',
        origin: 'plan',
        occurredAt: new Date(next.nextInteraction.occurredAt),
        plannedFor: new Date(next.nextInteraction.occurredAt),
        durationMinutes: next.nextInteraction.durationMinutes ?? defaultDurationMinutes(next.nextInteraction.type),
        subject: row.nextStep,
        checklistKind: impliedChecklist(next.nextInteraction.type, null),
      })
      .returning();
    out.nextId = planned?.id;
  }
  if (next.nextTask) {
    await createTask(ctx, {
      title: next.nextTask.title,
      description: row.nextStep ?? undefined,
      assigneeId: next.nextTask.assigneeId ?? actorOf(ctx).userId,
      accountId: row.accountId,
      dueDate: next.nextTask.dueDate,
      priority: next.nextTask.priority,
    });
    out.taskTitle = next.nextTask.title;
  }
  return out;
}

export async function createInteraction(ctx: Ctx, body: NewInteraction): Promise<InteractionDetail> {
  const owner = ownerFor(ctx, body.userId);
  await requireAccount(ctx, body.accountId, 'full');
  await checkContacts(ctx, body.accountId, body.contactIds);
  const checklistKind = checklistOf(body.type, body.checklistKind);
  const at = new Date(body.occurredAt);
  notInFuture(body.status, at);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(interactions)
      .values({
        accountId: body.accountId,
        userId: owner,
        type: body.type,
        status: body.status,
        origin: body.status === 'planned' ? 'plan' : 'off_plan',
        occurredAt: at,
        plannedFor: body.status === 'planned' ? at : null,
        allDay: body.allDay,
        durationMinutes: body.durationMinutes ?? defaultDurationMinutes(body.type),
        subject: body.subject || null,
        outcome: body.outcome || null,
        nextStep: body.nextStep || null,
        checklistKind,
        checklist: body.checklist ?? null,
        completedAt: body.status === 'done' ? new Date() : null,
      })
      .returning();
    if (!created) throw new Error('interaction not inserted');
    await setContacts(tx, created.id, body.contactIds);
    if (created.status === 'done') await timeline(tx, created, actorOf(ctx).userId);
    await recordAudit(ctx, { action: 'interaction.create', entity: 'interaction', entityId: created.id, after: created }, tx);
    return created;
  });
  await followUps(ctx, row, body);
  return getInteraction(ctx, row.id);
}

/** Plans several items at once (the accepted suggestions of "Suggest my week"), all or none. */
export async function planInteractions(
  ctx: Ctx,
  items: { accountId: string; type: InteractionType; occurredAt: string; durationMinutes?: number; subject?: string }[],
  userId?: string,
): Promise<string[]> {
  const owner = ownerFor(ctx, userId);
  for (const accountId of new Set(items.map((i) => i.accountId))) await requireAccount(ctx, accountId, 'full');
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(interactions)
      .values(
        items.map((i) => ({
          accountId: i.accountId,
          userId: owner,
          type: i.type,
          status: 'planned' as const,
          origin: 'plan' as const,
          occurredAt: new Date(i.occurredAt),
          plannedFor: new Date(i.occurredAt),
          durationMinutes: i.durationMinutes ?? defaultDurationMinutes(i.type),
          subject: i.subject || null,
          checklistKind: impliedChecklist(i.type, null),
        })),
      )
      .returning();
    await recordAudit(ctx, { action: 'interaction.plan', entity: 'interaction', after: { ids: rows.map((r) => r.id) } }, tx);
    return rows.map((r) => r.id);
  });
}

/** The interaction, if the caller sees it (404 otherwise) and it is theirs to change (403 otherwise). */
async function mine(ctx: Ctx, id: string): Promise<Row> {
  const a = actorOf(ctx);
  assertCan(a, 'interactions.write');
  const row = await visibleInteraction(ctx, id);
  if (!selvesOf(a).includes(row.userId)) throw new AppError('INTERACTION_NOT_YOURS', 403);
  return row;
}

function mustBePlanned(row: Row) {
  if (row.status !== 'planned') throw new AppError('INTERACTION_NOT_PLANNED', 409);
}

export async function updateInteraction(ctx: Ctx, id: string, patch: InteractionPatch): Promise<InteractionDetail> {
  const before = await mine(ctx, id);
  const type = patch.type ?? before.type;
  const checklistKind = patch.checklistKind !== undefined ? patch.checklistKind : before.checklistKind;
  checklistOf(type, checklistKind);
  await checkContacts(ctx, before.accountId, patch.contactIds);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(interactions)
      .set({
        type,
        checklistKind: impliedChecklist(type, checklistKind),
        ...(patch.subject !== undefined && { subject: patch.subject || null }),
        ...(patch.outcome !== undefined && { outcome: patch.outcome || null }),
        ...(patch.nextStep !== undefined && { nextStep: patch.nextStep || null }),
        ...(patch.durationMinutes !== undefined && { durationMinutes: patch.durationMinutes }),
        ...(patch.checklist !== undefined && { checklist: patch.checklist }),
        updatedAt: new Date(),
      })
      .where(eq(interactions.id, id))
      .returning();
    await setContacts(tx, id, patch.contactIds);
    await recordAudit(ctx, { action: 'interaction.update', entity: 'interaction', entityId: id, before, after }, tx);
  });
  return getInteraction(ctx, id);
}

/** Done: the planned item becomes an interaction that counts (kpi.md meetings and calls). */
export async function completeInteraction(ctx: Ctx, id: string, body: CompleteInteraction): Promise<InteractionDetail> {
  const before = await mine(ctx, id);
  mustBePlanned(before);
  const type = before.type;
  const checklistKind = checklistOf(type, body.checklistKind ?? before.checklistKind);
  await checkContacts(ctx, before.accountId, body.contactIds);
  const at = body.occurredAt ? new Date(body.occurredAt) : before.occurredAt;
  notInFuture('done', at);
  const row = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(interactions)
      .set({
        status: 'done',
        occurredAt: at,
        outcome: body.outcome,
        ...(body.subject !== undefined && { subject: body.subject || null }),
        ...(body.nextStep !== undefined && { nextStep: body.nextStep || null }),
        ...(body.durationMinutes !== undefined && { durationMinutes: body.durationMinutes }),
        checklistKind,
        ...(body.checklist !== undefined && { checklist: body.checklist as ChecklistAnswer[] }),
        completedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(interactions.id, id), eq(interactions.status, 'planned')))
      .returning();
    if (!after) throw new AppError('INTERACTION_NOT_PLANNED', 409);
    await setContacts(tx, id, body.contactIds);
    await timeline(tx, after, actorOf(ctx).userId);
    await recordAudit(ctx, { action: 'interaction.complete', entity: 'interaction', entityId: id, before, after }, tx);
    return after;
  });
  await followUps(ctx, row, body);
  return getInteraction(ctx, id);
}

export async function moveInteraction(ctx: Ctx, id: string, body: MoveInteraction): Promise<InteractionDetail> {
  const before = await mine(ctx, id);
  mustBePlanned(before);
  const to = new Date(body.occurredAt);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(interactions)
      .set({ occurredAt: to, ...(body.durationMinutes && { durationMinutes: body.durationMinutes }), updatedAt: new Date() })
      .where(and(eq(interactions.id, id), eq(interactions.status, 'planned')))
      .returning();
    if (!after) throw new AppError('INTERACTION_NOT_PLANNED', 409);
    // resizing only (same start) is not a move
    if (to.getTime() !== before.occurredAt.getTime())
      await tx
        .insert(interactionMoves)
        .values({ interactionId: id, fromAt: before.occurredAt, toAt: to, reason: body.reason || null, movedBy: actorOf(ctx).userId });
    await recordAudit(ctx, { action: 'interaction.move', entity: 'interaction', entityId: id, before, after }, tx);
  });
  return getInteraction(ctx, id);
}

export async function cancelInteraction(ctx: Ctx, id: string, body: CancelInteraction): Promise<InteractionDetail> {
  const before = await mine(ctx, id);
  mustBePlanned(before);
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(interactions)
      .set({ status: 'cancelled', cancelReason: body.reason, updatedAt: new Date() })
      .where(and(eq(interactions.id, id), eq(interactions.status, 'planned')))
      .returning();
    if (!after) throw new AppError('INTERACTION_NOT_PLANNED', 409);
    await recordAudit(ctx, { action: 'interaction.cancel', entity: 'interaction', entityId: id, before, after }, tx);
  });
  return getInteraction(ctx, id);
}

/** Takes a planned item off the plan before its time (a suggestion added by mistake); afterwards: cancel. */
export async function deleteInteraction(ctx: Ctx, id: string): Promise<void> {
  const before = await mine(ctx, id);
  mustBePlanned(before);
  if (before.occurredAt.getTime() <= Date.now()) throw new AppError('INTERACTION_PAST_DUE', 409);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(interactions).where(and(eq(interactions.id, id), eq(interactions.status, 'planned')));
    await recordAudit(ctx, { action: 'interaction.delete', entity: 'interaction', entityId: id, before }, tx);
  });
}
