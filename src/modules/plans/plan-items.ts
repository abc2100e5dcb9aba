import { and, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../core/db/tx.js';
import type { Goal, ItemSection, Need, Opportunity, Solution, SwotItem } from './plans.contracts.js';
import { goalOverdue, weightedAmount } from './plans.rules.js';
import { planGoals, planNeeds, planOpportunities, planSolutions, planSwotItems } from './plans.schema.js';

/** Fields of an item as the routes validated them (each section's zod contract). */
export type ItemValues = Record<string, unknown>;
export type ItemRow = { id: string; version: number } & Record<string, unknown>;

/**
 * How each list of a plan is stored. The five tables share the columns of `item()` in plans.schema;
 * each spec runs its queries on its own table so that every query stays typed by Drizzle.
 */
export interface ItemSpec {
  table: PgTable;
  /** audit entity, and the middle word of the audit action (`plan.need.create`) */
  entity: 'need' | 'solution' | 'goal' | 'swot' | 'opportunity';
  /** what the timeline shows to name the item */
  label(row: ItemRow): string;
  insert(tx: Executor, values: ItemValues): Promise<ItemRow | undefined>;
  update(tx: Executor, accountId: string, itemId: string, version: number, patch: ItemValues): Promise<ItemRow | undefined>;
  find(tx: Executor, accountId: string, itemId: string): Promise<ItemRow | undefined>;
  remove(tx: Executor, accountId: string, itemId: string): Promise<void>;
}

const bumped = { version: sql`version + 1`, updatedAt: sql`now()` };
const first = <T>(rows: T[]) => rows[0];

export const itemSpecs: Record<ItemSection, ItemSpec> = {
  needs: {
    table: planNeeds,
    entity: 'need',
    label: (r) => String(r.title),
    insert: async (tx, v) =>
      first(
        await tx
          .insert(planNeeds)
          .values(v as typeof planNeeds.$inferInsert)
          .returning(),
      ),
    update: async (tx, accountId, id, version, patch) =>
      first(
        await tx
          .update(planNeeds)
          .set({ ...patch, ...bumped })
          .where(and(eq(planNeeds.id, id), eq(planNeeds.accountId, accountId), eq(planNeeds.version, version)))
          .returning(),
      ),
    find: async (tx, accountId, id) =>
      first(
        await tx
          .select()
          .from(planNeeds)
          .where(and(eq(planNeeds.id, id), eq(planNeeds.accountId, accountId))),
      ),
    remove: async (tx, accountId, id) => {
      await tx.delete(planNeeds).where(and(eq(planNeeds.id, id), eq(planNeeds.accountId, accountId)));
    },
  },
  solutions: {
    table: planSolutions,
    entity: 'solution',
    label: (r) => String(r.title),
    insert: async (tx, v) =>
      first(
        await tx
          .insert(planSolutions)
          .values(v as typeof planSolutions.$inferInsert)
          .returning(),
      ),
    update: async (tx, accountId, id, version, patch) =>
      first(
        await tx
          .update(planSolutions)
          .set({ ...patch, ...bumped })
          .where(and(eq(planSolutions.id, id), eq(planSolutions.accountId, accountId), eq(planSolutions.version, version)))
          .returning(),
      ),
    find: async (tx, accountId, id) =>
      first(
        await tx
          .select()
          .from(planSolutions)
          .where(and(eq(planSolutions.id, id), eq(planSolutions.accountId, accountId))),
      ),
    remove: async (tx, accountId, id) => {
      await tx.delete(planSolutions).where(and(eq(planSolutions.id, id), eq(planSolutions.accountId, accountId)));
    },
  },
  goals: {
    table: planGoals,
    entity: 'goal',
    label: (r) => String(r.title),
    insert: async (tx, v) =>
      first(
        await tx
          .insert(planGoals)
          .values(v as typeof planGoals.$inferInsert)
          .returning(),
      ),
    update: async (tx, accountId, id, version, patch) =>
      first(
        await tx
          .update(planGoals)
          .set({ ...patch, ...bumped })
          .where(and(eq(planGoals.id, id), eq(planGoals.accountId, accountId), eq(planGoals.version, version)))
          .returning(),
      ),
    find: async (tx, accountId, id) =>
      first(
        await tx
          .select()
          .from(planGoals)
          .where(and(eq(planGoals.id, id), eq(planGoals.accountId, accountId))),
      ),
    remove: async (tx, accountId, id) => {
      await tx.delete(planGoals).where(and(eq(planGoals.id, id), eq(planGoals.accountId, accountId)));
    },
  },
  swot: {
    table: planSwotItems,
    entity: 'swot',
    label: (r) => String(r.text),
    insert: async (tx, v) =>
      first(
        await tx
          .insert(planSwotItems)
          .values(v as typeof planSwotItems.$inferInsert)
          .returning(),
      ),
    update: async (tx, accountId, id, version, patch) =>
      first(
        await tx
          .update(planSwotItems)
          .set({ ...patch, ...bumped })
          .where(and(eq(planSwotItems.id, id), eq(planSwotItems.accountId, accountId), eq(planSwotItems.version, version)))
          .returning(),
      ),
    find: async (tx, accountId, id) =>
      first(
        await tx
          .select()
          .from(planSwotItems)
          .where(and(eq(planSwotItems.id, id), eq(planSwotItems.accountId, accountId))),
      ),
    remove: async (tx, accountId, id) => {
      await tx.delete(planSwotItems).where(and(eq(planSwotItems.id, id), eq(planSwotItems.accountId, accountId)));
    },
  },
  opportunities: {
    table: planOpportunities,
    entity: 'opportunity',
    label: (r) => String(r.title),
    insert: async (tx, v) =>
      first(
        await tx
          .insert(planOpportunities)
          .values(v as typeof planOpportunities.$inferInsert)
          .returning(),
      ),
    update: async (tx, accountId, id, version, patch) =>
      first(
        await tx
          .update(planOpportunities)
          .set({ ...patch, ...bumped })
          .where(and(eq(planOpportunities.id, id), eq(planOpportunities.accountId, accountId), eq(planOpportunities.version, version)))
          .returning(),
      ),
    find: async (tx, accountId, id) =>
      first(
        await tx
          .select()
          .from(planOpportunities)
          .where(and(eq(planOpportunities.id, id), eq(planOpportunities.accountId, accountId))),
      ),
    remove: async (tx, accountId, id) => {
      await tx.delete(planOpportunities).where(and(eq(planOpportunities.id, id), eq(planOpportunities.accountId, accountId)));
    },
  },
};

/** How many items a list holds, and the position a new one takes (last). */
export async function listSlot(tx: Executor, table: PgTable, accountId: string): Promise<{ count: number; next: number }> {
  const { rows } = await tx.execute<{ count: number; next: number }>(
    sql`SELECT count(*)::int AS count, (coalesce(max(position), 0) + 1)::int AS next FROM ${table} WHERE account_id = ${accountId}`,
  );
  return rows[0] ?? { count: 0, next: 1 };
}

/** Reads every list of one plan, in display order, as the contract shapes them. */
export async function readItems(tx: Executor, accountId: string, today: string) {
  const [needs, solutions, goals, swot, opportunities] = await Promise.all([
    tx.select().from(planNeeds).where(eq(planNeeds.accountId, accountId)).orderBy(planNeeds.position, planNeeds.createdAt),
    tx.select().from(planSolutions).where(eq(planSolutions.accountId, accountId)).orderBy(planSolutions.position, planSolutions.createdAt),
    tx.select().from(planGoals).where(eq(planGoals.accountId, accountId)).orderBy(planGoals.position, planGoals.createdAt),
    tx.select().from(planSwotItems).where(eq(planSwotItems.accountId, accountId)).orderBy(planSwotItems.position, planSwotItems.createdAt),
    tx
      .select()
      .from(planOpportunities)
      .where(eq(planOpportunities.accountId, accountId))
      .orderBy(planOpportunities.position, planOpportunities.createdAt),
  ]);
  const meta = (r: { id: string; version: number; createdAt: Date; updatedAt: Date }) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  });
  return {
    needs: needs.map((r): Need => ({ ...meta(r), title: r.title, detail: r.detail, status: r.status })),
    solutions: solutions.map((r): Solution => ({ ...meta(r), title: r.title, description: r.description, status: r.status })),
    goals: goals.map(
      (r): Goal => ({
        ...meta(r),
        title: r.title,
        description: r.description,
        deadline: r.deadline,
        progress: r.progress,
        overdue: goalOverdue(r.deadline, r.progress, today),
      }),
    ),
    swot: swot.map((r): SwotItem => ({ ...meta(r), quadrant: r.quadrant, text: r.text })),
    opportunities: opportunities.map(
      (r): Opportunity => ({
        ...meta(r),
        title: r.title,
        kind: r.kind,
        amount: r.amount,
        probability: r.probability,
        weighted: r.status === 'open' ? weightedAmount(r.amount, r.probability) : null,
        expectedCloseDate: r.expectedCloseDate,
        status: r.status,
        notes: r.notes,
      }),
    ),
  };
}
