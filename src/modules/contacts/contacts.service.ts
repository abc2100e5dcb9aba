import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import type { ErrorCode } from '../../core/i18n/en.js';
import { errorMessage } from '../../core/i18n/translate.js';
import { type Need, requireAccount } from '../accounts/accounts.service.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { users } from '../users/users.schema.js';
import type { Contact, CreateContactRequest, UpdateContactRequest } from './contacts.contracts.js';
import { findCycle, type ParentMap } from './contacts.hierarchy.js';
import { contacts } from './contacts.schema.js';

type Row = typeof contacts.$inferSelect;
const relationOwner = alias(users, 'relation_owner');
const manager = alias(contacts, 'manager');

/** Stakeholders with the names of their relation owner and manager, by name. */
export async function selectContacts(tx: Executor, where: SQL | undefined): Promise<Contact[]> {
  const rows = await tx
    .select({ c: contacts, owner: { id: relationOwner.id, name: relationOwner.name }, manager: { id: manager.id, name: manager.fullName } })
    .from(contacts)
    .leftJoin(relationOwner, eq(relationOwner.id, contacts.relationOwnerId))
    .leftJoin(manager, eq(manager.id, contacts.reportsToId))
    .where(where)
    .orderBy(asc(sql`lower(${contacts.fullName})`), asc(contacts.id));
  return rows.map(({ c, owner, manager: boss }) => ({
    id: c.id,
    accountId: c.accountId,
    externalId: c.externalId,
    fullName: c.fullName,
    title: c.title,
    email: c.email,
    phone: c.phone,
    buyingRole: c.buyingRole,
    influence: c.influence,
    attitude: c.attitude,
    relationshipStrength: c.relationshipStrength,
    relationOwner: owner?.id ? owner : null,
    reportsTo: boss?.id ? boss : null,
    lastContactOn: c.lastContactOn,
    notes: c.notes,
    mapX: c.mapX,
    mapY: c.mapY,
    archived: c.archivedAt !== null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}

/** An expected failure that names the field it is about, so a form can show it there. */
export function fieldError(ctx: Ctx, code: ErrorCode, status: number, field: string, params: Record<string, string> = {}): AppError {
  return new AppError(code, status, params, [{ path: field, message: errorMessage(ctx.locale, code, params) }]);
}

/**
 * Serialises changes to the reports-to lines of one account, so two people drawing lines at once
 * cannot close a circle between them.
 */
export async function lockAccountContacts(tx: Executor, accountId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`contacts:${accountId}`}, 0))`);
}

/** Every stakeholder of the account (archived too: their lines still count for circles). */
export async function accountContactRows(tx: Executor, accountId: string): Promise<Row[]> {
  return tx.select().from(contacts).where(eq(contacts.accountId, accountId));
}

export function parentsOf(rows: Row[]): Map<string, string | null> {
  return new Map(rows.map((r) => [r.id, r.reportsToId]));
}

/** Refuses a circle of reports-to lines, naming the people on it. */
export function assertNoCycle(ctx: Ctx, parents: ParentMap, names: Map<string, string>, field = 'reportsToId'): void {
  const cycle = findCycle(parents);
  if (cycle) throw fieldError(ctx, 'REPORTS_TO_CYCLE', 400, field, { names: cycle.map((id) => names.get(id) ?? id).join(' → ') });
}

async function assertRelationOwner(ctx: Ctx, tx: Executor, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const [u] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!u) throw fieldError(ctx, 'CONTACT_OWNER_INVALID', 400, 'relationOwnerId');
}

/** A manager must be a current stakeholder of the same account. */
export function assertManager(ctx: Ctx, rows: Row[], managerId: string, field = 'reportsToId'): Row {
  const boss = rows.find((r) => r.id === managerId);
  if (!boss || boss.archivedAt) throw fieldError(ctx, 'REPORTS_TO_INVALID', 400, field);
  return boss;
}

/** Allows the last contact to be "today" in any time zone, but not a day that has not come anywhere. */
function assertNotFuture(ctx: Ctx, day: string | null | undefined): void {
  if (!day) return;
  const latest = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
  if (day > latest) throw fieldError(ctx, 'LAST_CONTACT_IN_FUTURE', 400, 'lastContactOn');
}

/** The gate for one stakeholder: their account's gate (a hidden account's contact is a 404). */
async function requireContact(ctx: Ctx, id: string, need: Need, tx: Executor = ctx.db): Promise<Row> {
  const [row] = await tx.select().from(contacts).where(eq(contacts.id, id));
  if (!row) throw notFound();
  await requireAccount(ctx, row.accountId, need, tx);
  return row;
}

export async function listContacts(ctx: Ctx, accountId: string, archived: 'true' | 'false' | 'all'): Promise<Contact[]> {
  await requireAccount(ctx, accountId, 'full');
  const state = archived === 'all' ? undefined : archived === 'true' ? isNotNull(contacts.archivedAt) : isNull(contacts.archivedAt);
  return selectContacts(ctx.db, and(eq(contacts.accountId, accountId), state));
}

export async function getContact(ctx: Ctx, id: string, tx: Executor = ctx.db): Promise<Contact> {
  await requireContact(ctx, id, 'full', tx);
  const [contact] = await selectContacts(tx, eq(contacts.id, id));
  if (!contact) throw notFound();
  return contact;
}

export async function createContact(ctx: Ctx, accountId: string, input: CreateContactRequest): Promise<Contact> {
  const actor = actorOf(ctx);
  assertNotFuture(ctx, input.lastContactOn);
  return ctx.db.transaction(async (tx) => {
    await requireAccount(ctx, accountId, 'write', tx);
    await assertRelationOwner(ctx, tx, input.relationOwnerId);
    if (input.reportsToId) {
      await lockAccountContacts(tx, accountId);
      assertManager(ctx, await accountContactRows(tx, accountId), input.reportsToId);
    }
    const [created] = await tx
      .insert(contacts)
      .values({ ...input, accountId })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordAccountEvent(tx, {
      accountId,
      kind: 'contact.added',
      actorId: actor.userId,
      data: { contactId: created.id, name: created.fullName },
    });
    await recordAudit(ctx, { action: 'contact.create', entity: 'contact', entityId: created.id, after: created }, tx);
    return getContact(ctx, created.id, tx);
  });
}

/** Fields whose change goes on the timeline with the values; the others are named only. */
const shownFields = ['fullName', 'title', 'buyingRole', 'influence', 'attitude', 'relationshipStrength', 'lastContactOn'] as const;
const namedFields = ['email', 'phone', 'notes'] as const;

export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

async function describeChanges(tx: Executor, before: Row, after: Row): Promise<FieldChange[]> {
  const changes: FieldChange[] = [];
  for (const field of shownFields) if (before[field] !== after[field]) changes.push({ field, from: before[field], to: after[field] });
  for (const field of namedFields) if (before[field] !== after[field]) changes.push({ field });
  const nameOf = async (table: 'users' | 'contacts', id: string | null) => {
    if (!id) return null;
    const [r] =
      table === 'users'
        ? await tx.select({ name: users.name }).from(users).where(eq(users.id, id))
        : await tx.select({ name: contacts.fullName }).from(contacts).where(eq(contacts.id, id));
    return r?.name ?? null;
  };
  if (before.relationOwnerId !== after.relationOwnerId)
    changes.push({
      field: 'relationOwner',
      from: await nameOf('users', before.relationOwnerId),
      to: await nameOf('users', after.relationOwnerId),
    });
  if (before.reportsToId !== after.reportsToId)
    changes.push({
      field: 'reportsTo',
      from: await nameOf('contacts', before.reportsToId),
      to: await nameOf('contacts', after.reportsToId),
    });
  return changes;
}

export async function recordContactUpdated(ctx: Ctx, tx: Executor, before: Row, after: Row): Promise<void> {
  const changes = await describeChanges(tx, before, after);
  if (changes.length === 0) return;
  await recordAccountEvent(tx, {
    accountId: after.accountId,
    kind: 'contact.updated',
    actorId: actorOf(ctx).userId,
    data: { contactId: after.id, name: after.fullName, changes },
  });
  await recordAudit(ctx, { action: 'contact.update', entity: 'contact', entityId: after.id, before, after }, tx);
}

export async function updateContact(ctx: Ctx, id: string, input: UpdateContactRequest): Promise<Contact> {
  const { version, ...changes } = input;
  assertNotFuture(ctx, changes.lastContactOn);
  return ctx.db.transaction(async (tx) => {
    const before = await requireContact(ctx, id, 'write', tx);
    if (before.version !== version) throw new AppError('CONFLICT', 409);
    if (before.archivedAt) throw new AppError('CONTACT_ARCHIVED', 409);
    if (changes.relationOwnerId !== undefined && changes.relationOwnerId !== before.relationOwnerId)
      await assertRelationOwner(ctx, tx, changes.relationOwnerId);
    if (changes.reportsToId !== undefined && changes.reportsToId !== before.reportsToId && changes.reportsToId !== null) {
      await lockAccountContacts(tx, before.accountId);
      const rows = await accountContactRows(tx, before.accountId);
      assertManager(ctx, rows, changes.reportsToId);
      const parents = parentsOf(rows).set(id, changes.reportsToId);
      assertNoCycle(ctx, parents, new Map(rows.map((r) => [r.id, r.fullName])));
    }
    const [after] = await tx
      .update(contacts)
      .set({ ...changes, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(contacts.id, id), eq(contacts.version, version)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 409);
    await recordContactUpdated(ctx, tx, before, after);
    return getContact(ctx, id, tx);
  });
}

export async function setContactArchived(ctx: Ctx, id: string, version: number, archived: boolean): Promise<Contact> {
  const actor = actorOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await requireContact(ctx, id, 'write', tx);
    if (before.version !== version) throw new AppError('CONFLICT', 409);
    if ((before.archivedAt !== null) === archived) return getContact(ctx, id, tx);
    const [after] = await tx
      .update(contacts)
      .set({ archivedAt: archived ? sql`now()` : null, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(contacts.id, id), eq(contacts.version, version)))
      .returning();
    if (!after) throw new AppError('CONFLICT', 409);
    await recordAccountEvent(tx, {
      accountId: after.accountId,
      kind: archived ? 'contact.archived' : 'contact.restored',
      actorId: actor.userId,
      data: { contactId: id, name: after.fullName },
    });
    await recordAudit(
      ctx,
      { action: archived ? 'contact.archive' : 'contact.restore', entity: 'contact', entityId: id, before, after },
      tx,
    );
    return getContact(ctx, id, tx);
  });
}
