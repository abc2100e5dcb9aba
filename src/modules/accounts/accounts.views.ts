import { and, asc, eq, sql } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { assertCan } from '../../core/policy/policy.js';
import {
  type AccountColumn,
  type BuiltInViewKey,
  defaultAccountColumns,
  type SavedView,
  type SaveViewRequest,
  type ViewQuery,
} from './accounts.contracts.js';
import { accountTexts } from './accounts.i18n.js';
import { accountViews } from './accounts.schema.js';

/** How many views of their own one user may keep (the list's view bar stays usable). */
export const MAX_OWN_VIEWS = 50;

interface BuiltIn {
  id: string;
  key: BuiltInViewKey;
  query: ViewQuery;
  columns: AccountColumn[];
}

/** The views every user has (A1, A7). Fixed ids, so a client can remember the one last used. */
export const builtInViews: BuiltIn[] = [
  {
    id: 'b0000000-0000-4000-8000-000000000001',
    key: 'myKeyAccounts',
    query: { ownerId: 'me', tier: ['key'], archived: 'false' },
    columns: defaultAccountColumns,
  },
  {
    id: 'b0000000-0000-4000-8000-000000000002',
    key: 'keyWithoutPlan',
    query: { tier: ['key'], hasPlan: 'false', archived: 'false' },
    columns: ['name', 'tier', 'status', 'owner', 'score', 'lastContactAt', 'planUpdatedAt'],
  },
  {
    id: 'b0000000-0000-4000-8000-000000000003',
    key: 'prospects',
    query: { status: ['prospect'], archived: 'false' },
    columns: ['name', 'tier', 'owner', 'source', 'nextStep', 'lastContactAt', 'city'],
  },
  {
    id: 'b0000000-0000-4000-8000-000000000004',
    key: 'atRisk',
    query: { status: ['at_risk'], archived: 'false' },
    columns: ['name', 'tier', 'status', 'owner', 'score', 'lastContactAt', 'creditLimit'],
  },
];

/** The built-in views (named in the reader's language), then the reader's own by name. */
export async function listViews(ctx: Ctx): Promise<SavedView[]> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.read');
  const names = accountTexts(ctx.locale).views;
  const own = await ctx.db
    .select()
    .from(accountViews)
    .where(eq(accountViews.userId, actor.userId))
    .orderBy(asc(sql`lower(${accountViews.name})`), asc(accountViews.id));
  return [
    ...builtInViews.map((v) => ({ id: v.id, key: v.key, name: names[v.key], query: v.query, columns: v.columns, builtIn: true })),
    ...own.map((v) => ({ id: v.id, key: null, name: v.name, query: v.query, columns: v.columns, builtIn: false })),
  ];
}

export async function createView(ctx: Ctx, input: SaveViewRequest): Promise<SavedView> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.read');
  return ctx.db.transaction(async (tx) => {
    // one user's views are created one at a time, so the checks below cannot race each other
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('account_views'), hashtext(${actor.userId}))`);
    const existing = await tx.select({ name: accountViews.name }).from(accountViews).where(eq(accountViews.userId, actor.userId));
    const taken = (name: string) => name.trim().toLocaleLowerCase() === input.name.toLocaleLowerCase();
    const builtInNames = (['en', 'ru'] as const).flatMap((l) => Object.values(accountTexts(l).views));
    if (existing.some((v) => taken(v.name)) || builtInNames.some(taken)) throw new AppError('VIEW_NAME_TAKEN', 409, { name: input.name });
    if (existing.length >= MAX_OWN_VIEWS) throw new AppError('VIEW_LIMIT', 409, { max: MAX_OWN_VIEWS });
    const [row] = await tx
      .insert(accountViews)
      .values({ userId: actor.userId, name: input.name, query: input.query, columns: input.columns })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return { id: row.id, key: null, name: row.name, query: row.query, columns: row.columns, builtIn: false };
  });
}

/** Deletes one of the caller's own views; a built-in view or another user's answers 404. */
export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  const actor = actorOf(ctx);
  assertCan(actor, 'accounts.read');
  const deleted = await ctx.db
    .delete(accountViews)
    .where(and(eq(accountViews.id, id), eq(accountViews.userId, actor.userId)))
    .returning({ id: accountViews.id });
  if (!deleted.length) throw notFound();
}
