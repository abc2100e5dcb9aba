import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import type { Ctx } from '../../core/context.js';
import type { Executor } from '../../core/db/tx.js';
import { AppError } from '../../core/errors.js';
import { requireAccount } from '../accounts/accounts.service.js';
import type { Contact, RelationshipMap, SaveRelationshipMapRequest } from './contacts.contracts.js';
import { contacts } from './contacts.schema.js';
import {
  accountContactRows,
  assertManager,
  assertNoCycle,
  fieldError,
  lockAccountContacts,
  parentsOf,
  recordContactUpdated,
  selectContacts,
} from './contacts.service.js';
import { mapWarnings } from './contacts.warnings.js';

function toMap(nodes: Contact[]): RelationshipMap {
  const present = new Set(nodes.map((n) => n.id));
  const edges = nodes
    .filter((n) => n.reportsTo && present.has(n.reportsTo.id))
    .map((n) => ({ id: `${n.reportsTo!.id}>${n.id}`, source: n.reportsTo!.id, target: n.id }));
  const warnings = mapWarnings(
    nodes.map((n) => ({
      id: n.id,
      buyingRole: n.buyingRole,
      attitude: n.attitude,
      relationOwnerId: n.relationOwner?.id ?? null,
      relationshipStrength: n.relationshipStrength,
    })),
  );
  return { nodes, edges, warnings };
}

async function readMap(tx: Executor, accountId: string): Promise<RelationshipMap> {
  return toMap(await selectContacts(tx, and(eq(contacts.accountId, accountId), isNull(contacts.archivedAt))));
}

/** The org chart of an account's current stakeholders, with the risks it shows. */
export async function getRelationshipMap(ctx: Ctx, accountId: string): Promise<RelationshipMap> {
  await requireAccount(ctx, accountId, 'full');
  return readMap(ctx.db, accountId);
}

/**
 * Saves what a drag and drop changed, all or nothing. Positions are the last writer's (layout, not
 * data: moving a card must not make a colleague's open form stale, so it keeps the version); one
 * audit entry records the moves. A reports-to change is data: it names the version it was made on,
 * bumps it, and goes on the timeline like any other change of the stakeholder.
 */
export async function saveRelationshipMap(ctx: Ctx, accountId: string, input: SaveRelationshipMapRequest): Promise<RelationshipMap> {
  return ctx.db.transaction(async (tx) => {
    await requireAccount(ctx, accountId, 'write', tx);
    await lockAccountContacts(tx, accountId);
    const rows = await accountContactRows(tx, accountId);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const mine = (contactId: string, field: string) => {
      const row = byId.get(contactId);
      if (!row) throw fieldError(ctx, 'CONTACT_NOT_ON_ACCOUNT', 400, field, { id: contactId });
      return row;
    };

    const lineChanges = input.reportsTo.map((line, i) => ({ line, row: mine(line.contactId, `reportsTo.${i}.contactId`), i }));
    const parents = parentsOf(rows);
    for (const { line, row, i } of lineChanges) {
      if (row.version !== line.version) throw new AppError('CONFLICT', 409);
      if (line.reportsToId === row.reportsToId) continue;
      if (row.archivedAt) throw new AppError('CONTACT_ARCHIVED', 409);
      if (line.reportsToId) assertManager(ctx, rows, line.reportsToId, `reportsTo.${i}.reportsToId`);
      parents.set(row.id, line.reportsToId);
    }
    assertNoCycle(ctx, parents, new Map(rows.map((r) => [r.id, r.fullName])), 'reportsTo');

    for (const { line, row } of lineChanges) {
      if (line.reportsToId === row.reportsToId) continue;
      const [after] = await tx
        .update(contacts)
        .set({ reportsToId: line.reportsToId, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(contacts.id, row.id), eq(contacts.version, line.version)))
        .returning();
      if (!after) throw new AppError('CONFLICT', 409);
      await recordContactUpdated(ctx, tx, row, after);
    }

    // whole pixels: `real` columns would otherwise read back a little different from what was sent
    const round = (v: number | null) => (v === null ? null : Math.round(v));
    const moves = input.positions
      .map((p, i) => ({ p: { ...p, x: round(p.x), y: round(p.y) }, row: mine(p.contactId, `positions.${i}.contactId`) }))
      .filter(({ p, row }) => p.x !== row.mapX || p.y !== row.mapY);
    for (const { p } of moves) await tx.update(contacts).set({ mapX: p.x, mapY: p.y }).where(eq(contacts.id, p.contactId));
    if (moves.length > 0)
      await recordAudit(
        ctx,
        {
          action: 'contact.map.layout',
          entity: 'account',
          entityId: accountId,
          before: moves.map(({ row }) => ({ contactId: row.id, x: row.mapX, y: row.mapY })),
          after: moves.map(({ p }) => ({ contactId: p.contactId, x: p.x, y: p.y })),
        },
        tx,
      );
    return readMap(tx, accountId);
  });
}
