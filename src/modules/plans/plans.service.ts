import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor, Tx } from '../../core/db/tx.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import { can } from '../../core/policy/policy.js';
import { markPlanUpdated, requireAccount } from '../accounts/accounts.service.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { findCompany } from '../company/company.service.js';
import { users } from '../users/users.schema.js';
import { type ItemValues, itemSpecs, listSlot, readItems } from './plan-items.js';
import {
  type ItemSection,
  MAX_SECTION_ITEMS,
  type Plan,
  type PlanSection,
  type ReviewPlanRequest,
  type UpdatePlanRequest,
} from './plans.contracts.js';
import { addMonths, pipelineTotals, REVIEW_INTERVAL_MONTHS, reviewStatus, todayIn } from './plans.rules.js';
import { accountPlans } from './plans.schema.js';

/** The company's calendar day (dates of plans are business days in the company's time zone). */
export async function companyToday(ctx: Ctx): Promise<string> {
  const company = await findCompany(ctx.db);
  return todayIn(company?.timeZone ?? 'UTC');
}

const reviewer = alias(users, 'reviewer');
const editor = alias(users, 'editor');

export async function getPlan(ctx: Ctx, accountId: string): Promise<Plan> {
  const account = await requireAccount(ctx, accountId, 'full');
  const today = await companyToday(ctx);
  const [[head], items] = await Promise.all([
    ctx.db
      .select({ p: accountPlans, reviewer: { id: reviewer.id, name: reviewer.name }, editor: { id: editor.id, name: editor.name } })
      .from(accountPlans)
      .leftJoin(reviewer, eq(reviewer.id, accountPlans.lastReviewedBy))
      .leftJoin(editor, eq(editor.id, accountPlans.updatedBy))
      .where(eq(accountPlans.accountId, accountId)),
    readItems(ctx.db, accountId, today),
  ]);
  const p = head?.p;
  return {
    accountId,
    accountName: account.name,
    currency: account.currency,
    started: !!p,
    version: p?.version ?? 0,
    businessGoals: p?.businessGoals ?? null,
    nextReviewDate: p?.nextReviewDate ?? null,
    lastReviewedAt: p?.lastReviewedAt?.toISOString() ?? null,
    lastReviewedBy: head?.reviewer?.id ? head.reviewer : null,
    review: reviewStatus(p?.nextReviewDate ?? null, today),
    updatedAt: p?.updatedAt.toISOString() ?? null,
    updatedBy: head?.editor?.id ? head.editor : null,
    ...items,
    pipeline: pipelineTotals(items.opportunities),
    can: { edit: can(actorOf(ctx), 'accounts.write') },
  };
}

interface Change {
  section: PlanSection;
  /** what the timeline says happened */
  action: 'started' | 'changed' | 'added' | 'removed' | 'reviewed';
  audit: { action: string; entity: string; entityId: string; before?: unknown; after?: unknown };
  /** more for the timeline event (the item's title, the new review date…) */
  data?: Record<string, unknown>;
}

/**
 * Every change to a plan: one transaction that checks write access, makes the change, stamps the
 * plan (and the account's "plan updated"), audits it and puts one `plan.updated` on the timeline.
 */
async function changePlan(ctx: Ctx, accountId: string, change: (tx: Tx, userId: string) => Promise<Change>): Promise<Plan> {
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await requireAccount(ctx, accountId, 'write', tx);
    const c = await change(tx, actor.userId);
    await tx
      .insert(accountPlans)
      .values({ accountId, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: accountPlans.accountId, set: { updatedAt: sql`now()`, updatedBy: actor.userId } });
    await markPlanUpdated(tx, accountId);
    await recordAudit(ctx, c.audit, tx);
    await recordAccountEvent(tx, {
      accountId,
      kind: 'plan.updated',
      actorId: actor.userId,
      data: { section: c.section, action: c.action, ...c.data },
    });
  });
  return getPlan(ctx, accountId);
}

function assertNotPast(date: string | null | undefined, today: string) {
  if (date && date < today) throw new AppError('PLAN_REVIEW_DATE_PAST', 400, { date });
}

async function lockHead(tx: Executor, accountId: string) {
  const [row] = await tx.select().from(accountPlans).where(eq(accountPlans.accountId, accountId)).for('update');
  return row;
}

/** The plan's head (business goals, next review date); version 0 starts the plan. */
export async function updatePlan(ctx: Ctx, accountId: string, input: UpdatePlanRequest): Promise<Plan> {
  const { version, ...changes } = input;
  const today = await companyToday(ctx);
  return changePlan(ctx, accountId, async (tx) => {
    const before = await lockHead(tx, accountId);
    if ((before?.version ?? 0) !== version) throw conflict();
    if (changes.nextReviewDate !== undefined && changes.nextReviewDate !== before?.nextReviewDate)
      assertNotPast(changes.nextReviewDate, today);
    const [after] = before
      ? await tx
          .update(accountPlans)
          .set({ ...changes, version: sql`${accountPlans.version} + 1` })
          .where(and(eq(accountPlans.accountId, accountId), eq(accountPlans.version, version)))
          .returning()
      : await tx
          .insert(accountPlans)
          .values({ accountId, ...changes })
          .onConflictDoNothing()
          .returning();
    if (!after) throw conflict();
    const goalsChanged = changes.businessGoals !== undefined && changes.businessGoals !== (before?.businessGoals ?? null);
    const dateChanged = changes.nextReviewDate !== undefined && changes.nextReviewDate !== (before?.nextReviewDate ?? null);
    return {
      section: goalsChanged || !dateChanged ? 'businessGoals' : 'review',
      action: before ? 'changed' : 'started',
      audit: { action: before ? 'plan.update' : 'plan.start', entity: 'account_plan', entityId: accountId, before, after },
      data: dateChanged ? { nextReviewDate: after.nextReviewDate } : {},
    };
  });
}

/** "Mark reviewed": stamps who reviewed it and when, and schedules the next review. */
export async function reviewPlan(ctx: Ctx, accountId: string, input: ReviewPlanRequest): Promise<Plan> {
  const today = await companyToday(ctx);
  assertNotPast(input.nextReviewDate, today);
  const next = input.nextReviewDate ?? addMonths(today, REVIEW_INTERVAL_MONTHS);
  return changePlan(ctx, accountId, async (tx, userId) => {
    const before = await lockHead(tx, accountId);
    const values = { nextReviewDate: next, lastReviewedAt: new Date(), lastReviewedBy: userId };
    const [after] = before
      ? await tx
          .update(accountPlans)
          .set({ ...values, version: sql`${accountPlans.version} + 1` })
          .where(eq(accountPlans.accountId, accountId))
          .returning()
      : await tx
          .insert(accountPlans)
          .values({ accountId, ...values })
          .returning();
    return {
      section: 'review',
      action: 'reviewed',
      audit: { action: 'plan.review', entity: 'account_plan', entityId: accountId, before, after: { ...after, note: input.note ?? null } },
      data: { nextReviewDate: next, ...(input.note ? { note: input.note } : {}) },
    };
  });
}

export async function createItem(ctx: Ctx, accountId: string, section: ItemSection, input: ItemValues): Promise<Plan> {
  const spec = itemSpecs[section];
  return changePlan(ctx, accountId, async (tx) => {
    // one list at a time per account: two people adding at once get distinct positions
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`plan:${section}:${accountId}`}))`);
    const slot = await listSlot(tx, spec.table, accountId);
    if (slot.count >= MAX_SECTION_ITEMS) throw new AppError('PLAN_SECTION_FULL', 400, { max: MAX_SECTION_ITEMS });
    const row = await spec.insert(tx, { ...input, accountId, position: slot.next });
    if (!row) throw new Error('insert returned nothing');
    return {
      section,
      action: 'added',
      audit: { action: `plan.${spec.entity}.create`, entity: `plan_${spec.entity}`, entityId: row.id, after: row },
      data: { title: spec.label(row) },
    };
  });
}

export async function updateItem(
  ctx: Ctx,
  accountId: string,
  section: ItemSection,
  itemId: string,
  input: ItemValues & { version: number },
): Promise<Plan> {
  const spec = itemSpecs[section];
  const { version, ...patch } = input;
  return changePlan(ctx, accountId, async (tx) => {
    const before = await spec.find(tx, accountId, itemId);
    if (!before) throw notFound();
    if (before.version !== version) throw conflict();
    const after = await spec.update(tx, accountId, itemId, version, patch);
    if (!after) throw conflict();
    return {
      section,
      action: 'changed',
      audit: { action: `plan.${spec.entity}.update`, entity: `plan_${spec.entity}`, entityId: itemId, before, after },
      data: { title: spec.label(after) },
    };
  });
}

export async function deleteItem(ctx: Ctx, accountId: string, section: ItemSection, itemId: string): Promise<Plan> {
  const spec = itemSpecs[section];
  return changePlan(ctx, accountId, async (tx) => {
    const before = await spec.find(tx, accountId, itemId);
    if (!before) throw notFound();
    await spec.remove(tx, accountId, itemId);
    return {
      section,
      action: 'removed',
      audit: { action: `plan.${spec.entity}.delete`, entity: `plan_${spec.entity}`, entityId: itemId, before },
      data: { title: spec.label(before) },
    };
  });
}

/** Open renewal opportunities closing from today to `until`, per account; callers have scoped the accounts. */
export async function renewalsDue(
  ctx: Ctx,
  accountIds: string[],
  today: string,
  until: string,
): Promise<Map<string, { title: string; date: string }[]>> {
  if (!accountIds.length) return new Map();
  const { rows } = await ctx.db.execute<{ account_id: string; title: string; date: string }>(sql`
    SELECT account_id, title, expected_close_date::text AS date FROM plan_opportunities
    WHERE account_id = ANY(${sql.param(accountIds)}::uuid[]) AND kind = 'renewal' AND status = 'open'
      AND expected_close_date BETWEEN ${today}::date AND ${until}::date
    ORDER BY expected_close_date`);
  const out = new Map<string, { title: string; date: string }[]>();
  for (const r of rows) out.set(r.account_id, [...(out.get(r.account_id) ?? []), { title: r.title, date: r.date }]);
  return out;
}
