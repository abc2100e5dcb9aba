import DecimalDefault from 'decimal.js';
import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Executor, Tx } from '../../core/db/tx.js';
import { AppError, notFound } from '../../core/errors.js';
import { assertCan, can } from '../../core/policy/policy.js';
import { accounts } from '../accounts/accounts.schema.js';
import { visibleAccountsSql } from '../accounts/accounts.scope.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { companyToday } from '../accounts/ownership.js';
import { recordAccountEvent } from '../accounts/timeline.service.js';
import { listAttachments } from '../files/files.service.js';
import { bookReturns } from '../orders/returns.service.js';
import { users } from '../users/users.schema.js';
import {
  type ActAttachment,
  type ActDetail,
  type ActKind,
  type ActLine,
  type ActLineInput,
  type ActList,
  type ActListQuery,
  type ActPatch,
  type ActSummary,
  defaultReason,
  type NewAct,
  type OrderLinesForAct,
} from './acts.contracts.js';
import { serviceActLines, serviceActs } from './acts.schema.js';

/**
 * Return, refusal, shortage and mis-sort acts against an order (D3). An act belongs to an account
 * the reader sees in full (complaints.read); it is recorded and worked by complaints.write. A draft
 * names order lines and quantities; signing it (with the client's signed copy attached) books each
 * line as a return of the KPI facts, in one transaction with the KPI days refreshed.
 */

// decimal.js's default export under NodeNext resolution is the namespace; its class is the constructor
const Decimal = DecimalDefault as unknown as typeof import('decimal.js').Decimal;

export const photoSubject = (actId: string) => ({ type: 'act', id: actId });
export const signedSubject = (actId: string) => ({ type: 'act-signed', id: actId });

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The act row, if the caller sees its account in full; 404 otherwise. */
export async function findAct(ctx: Ctx, id: string, tx: Executor = ctx.db): Promise<typeof serviceActs.$inferSelect> {
  assertCan(actorOf(ctx), 'complaints.read');
  const [row] = await tx
    .select({ act: serviceActs })
    .from(serviceActs)
    .innerJoin(accounts, eq(accounts.id, serviceActs.accountId))
    .where(and(eq(serviceActs.id, id), await visibleAccountsSql(ctx)));
  if (!row) throw notFound();
  return row.act;
}

/** The act, for a writer (complaints.write) who sees its account in full. */
export async function findActToWrite(ctx: Ctx, id: string, tx: Executor = ctx.db) {
  const act = await findAct(ctx, id, tx);
  assertCan(actorOf(ctx), 'complaints.write');
  await requireAccount(ctx, act.accountId, 'full', tx);
  return act;
}

const mayWrite = (ctx: Ctx) => can(actorOf(ctx), 'complaints.write');

type OrderLineRow = {
  line_no: number;
  order_date: string;
  quantity: string;
  status: string;
  product_id: string;
  product_name: string;
  sku: string;
  returned: string;
};

/** The lines of an account's order with what their returns already took; locked when `lock`. */
async function orderLinesOf(tx: Executor, accountId: string, orderId: string, lock = false): Promise<OrderLineRow[]> {
  if (lock) await tx.execute(sql`SELECT 1 FROM order_lines WHERE order_id = ${orderId} AND account_id = ${accountId} FOR UPDATE`);
  const { rows } = await tx.execute<OrderLineRow>(sql`
    SELECT l.line_no, l.order_date::text, l.quantity::text, l.status::text, p.id AS product_id, p.name AS product_name, p.sku,
           coalesce((SELECT sum(r.quantity) FROM order_returns r WHERE r.order_id = l.order_id AND r.line_no = l.line_no), 0)::text AS returned
    FROM order_lines l JOIN products p ON p.id = l.product_id
    WHERE l.order_id = ${orderId} AND l.account_id = ${accountId}
    ORDER BY l.line_no`);
  return rows;
}

interface Checked {
  lineNo: number;
  quantity: string;
  reason: NonNullable<ActLineInput['reason']>;
  note: string | null;
}

/**
 * Checks an act against its order: the order is the account's, the date is within [order date,
 * today], each line exists once, is confirmed, and asks no more than the line's quantity less what
 * was returned already (stored returns, which include the returns of signed acts).
 */
async function checkAct(
  tx: Executor,
  act: { accountId: string; orderId: string; kind: ActKind; actDate: string },
  lines: ActLineInput[],
  lock = false,
): Promise<{ checked: Checked[]; orderDate: string }> {
  const order = await orderLinesOf(tx, act.accountId, act.orderId, lock);
  if (!order.length) throw new AppError('ACT_ORDER_UNKNOWN', 400, { orderId: act.orderId });
  const orderDate = order.map((l) => l.order_date).sort()[0]!;
  if (act.actDate < orderDate) throw new AppError('ACT_DATE_BEFORE_ORDER', 400, { orderDate });
  const [today] = (await tx.execute<{ d: string }>(sql`SELECT ${companyToday}::text AS d`)).rows;
  if (today && act.actDate > today.d) throw new AppError('ACT_DATE_IN_FUTURE', 400, { today: today.d });
  const byNo = new Map(order.map((l) => [l.line_no, l]));
  const seen = new Set<number>();
  const checked: Checked[] = [];
  for (const l of lines) {
    if (seen.has(l.lineNo)) throw new AppError('ACT_LINE_TWICE', 400, { lineNo: l.lineNo });
    seen.add(l.lineNo);
    const line = byNo.get(l.lineNo);
    if (!line) throw new AppError('ACT_LINE_UNKNOWN', 400, { orderId: act.orderId, lineNo: l.lineNo });
    if (line.status !== 'confirmed') throw new AppError('ACT_LINE_NOT_CONFIRMED', 400, { lineNo: l.lineNo });
    const q = new Decimal(l.quantity);
    if (q.lte(0)) throw new AppError('ACT_QUANTITY_INVALID', 400, { lineNo: l.lineNo });
    const available = new Decimal(line.quantity).minus(line.returned);
    if (q.greaterThan(available))
      throw new AppError('ACT_QUANTITY_EXCEEDS', 400, {
        lineNo: l.lineNo,
        quantity: q.toString(),
        available: available.toString(),
        ordered: new Decimal(line.quantity).toString(),
      });
    checked.push({ lineNo: l.lineNo, quantity: q.toFixed(3), reason: l.reason ?? defaultReason[act.kind], note: l.note ?? null });
  }
  return { checked, orderDate };
}

/** The lines of an order an act may name, for the form; the account must be seen in full. */
export async function orderLinesForAct(ctx: Ctx, accountId: string, orderId: string): Promise<OrderLinesForAct> {
  assertCan(actorOf(ctx), 'complaints.read');
  await requireAccount(ctx, accountId, 'full');
  const rows = await orderLinesOf(ctx.db, accountId, orderId);
  if (!rows.length) throw notFound();
  return {
    orderId,
    orderDate: rows.map((l) => l.order_date).sort()[0]!,
    lines: rows.map((l) => {
      const available = Decimal.max(0, new Decimal(l.quantity).minus(l.returned));
      return {
        lineNo: l.line_no,
        product: { id: l.product_id, name: l.product_name, sku: l.sku },
        quantity: new Decimal(l.quantity).toString(),
        status: l.status,
        returned: new Decimal(l.returned).toString(),
        available: l.status === 'confirmed' ? available.toString() : '0',
      };
    }),
  };
}

const summaryColumns = {
  act: serviceActs,
  account: { id: accounts.id, name: accounts.name },
  createdBy: { id: users.id, name: users.name },
  orderDate: sql<
    string | null
  >`(SELECT min(ol.order_date)::text FROM order_lines ol WHERE ol.order_id = ${serviceActs.orderId} AND ol.account_id = ${serviceActs.accountId})`,
  lineCount: sql<number>`(SELECT count(*)::int FROM service_act_lines sl WHERE sl.act_id = ${serviceActs.id})`,
  totalQuantity: sql<string>`(SELECT coalesce(sum(sl.quantity), 0)::text FROM service_act_lines sl WHERE sl.act_id = ${serviceActs.id})`,
};
type SummaryRow = {
  act: typeof serviceActs.$inferSelect;
  account: { id: string; name: string };
  createdBy: { id: string; name: string } | null;
  orderDate: string | null;
  lineCount: number;
  totalQuantity: string;
};

function toSummary(r: SummaryRow): ActSummary {
  return {
    id: r.act.id,
    reference: r.act.reference,
    account: r.account,
    orderId: r.act.orderId,
    orderDate: r.orderDate,
    kind: r.act.kind,
    actDate: r.act.actDate,
    status: r.act.status,
    note: r.act.note,
    preventionNote: r.act.preventionNote,
    createdBy: r.createdBy?.id ? r.createdBy : null,
    signedAt: iso(r.act.signedAt),
    lineCount: Number(r.lineCount),
    totalQuantity: new Decimal(r.totalQuantity).toString(),
    createdAt: r.act.createdAt.toISOString(),
    updatedAt: r.act.updatedAt.toISOString(),
  };
}

export async function listActs(ctx: Ctx, q: ActListQuery): Promise<ActList> {
  assertCan(actorOf(ctx), 'complaints.read');
  const where = and(
    await visibleAccountsSql(ctx),
    q.account ? eq(serviceActs.accountId, q.account) : undefined,
    q.kind ? eq(serviceActs.kind, q.kind) : undefined,
    q.status ? eq(serviceActs.status, q.status) : undefined,
    q.from ? gte(serviceActs.actDate, q.from) : undefined,
    q.to ? lte(serviceActs.actDate, q.to) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(summaryColumns)
      .from(serviceActs)
      .innerJoin(accounts, eq(accounts.id, serviceActs.accountId))
      .leftJoin(users, eq(users.id, serviceActs.createdById))
      .where(where)
      .orderBy(desc(serviceActs.actDate), desc(serviceActs.createdAt))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ n: count() }).from(serviceActs).innerJoin(accounts, eq(accounts.id, serviceActs.accountId)).where(where),
  ]);
  return { items: rows.map(toSummary), total: total?.n ?? 0 };
}

export async function actAttachments(db: Executor, actId: string): Promise<ActAttachment[]> {
  const [photos, signed] = await Promise.all([listAttachments(db, photoSubject(actId)), listAttachments(db, signedSubject(actId))]);
  return [...signed.map((a) => ({ ...a, role: 'signed' as const })), ...photos.map((a) => ({ ...a, role: 'photo' as const }))].map((a) => ({
    ...a,
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function actLines(db: Executor, act: { id: string; orderId: string }): Promise<ActLine[]> {
  const { rows } = await db.execute<{
    line_no: number;
    quantity: string;
    reason: ActLine['reason'];
    note: string | null;
    return_id: string | null;
    ordered: string | null;
    product_id: string | null;
    product_name: string | null;
    sku: string | null;
  }>(sql`
    SELECT sl.line_no, sl.quantity::text, sl.reason::text AS reason, sl.note, sl.return_id,
           ol.quantity::text AS ordered, p.id AS product_id, p.name AS product_name, p.sku
    FROM service_act_lines sl
    LEFT JOIN order_lines ol ON ol.order_id = ${act.orderId} AND ol.line_no = sl.line_no
    LEFT JOIN products p ON p.id = ol.product_id
    WHERE sl.act_id = ${act.id}
    ORDER BY sl.line_no`);
  return rows.map((r) => ({
    lineNo: r.line_no,
    product: { id: r.product_id ?? '', name: r.product_name ?? '', sku: r.sku ?? '' },
    orderedQuantity: new Decimal(r.ordered ?? 0).toString(),
    quantity: new Decimal(r.quantity).toString(),
    reason: r.reason,
    note: r.note,
    returnId: r.return_id,
  }));
}

export async function getAct(ctx: Ctx, id: string): Promise<ActDetail> {
  await findAct(ctx, id);
  const [row] = await ctx.db
    .select(summaryColumns)
    .from(serviceActs)
    .innerJoin(accounts, eq(accounts.id, serviceActs.accountId))
    .leftJoin(users, eq(users.id, serviceActs.createdById))
    .where(eq(serviceActs.id, id));
  if (!row) throw notFound();
  const [lines, files] = await Promise.all([actLines(ctx.db, row.act), actAttachments(ctx.db, id)]);
  return { ...toSummary(row), lines, attachments: files, canWrite: mayWrite(ctx) };
}

const auditable = (
  act: Pick<typeof serviceActs.$inferSelect, 'kind' | 'actDate' | 'note' | 'preventionNote' | 'orderId'>,
  lines?: Checked[],
) => ({
  orderId: act.orderId,
  kind: act.kind,
  actDate: act.actDate,
  note: act.note,
  preventionNote: act.preventionNote,
  ...(lines ? { lines } : {}),
});

async function storeLines(tx: Tx, actId: string, lines: Checked[]) {
  await tx.delete(serviceActLines).where(eq(serviceActLines.actId, actId));
  await tx.insert(serviceActLines).values(lines.map((l) => ({ actId, ...l })));
}

export async function createAct(ctx: Ctx, input: NewAct): Promise<ActDetail> {
  const actor = actorOf(ctx);
  assertCan(actor, 'complaints.write');
  await requireAccount(ctx, input.accountId, 'full');
  const id = await ctx.db.transaction(async (tx) => {
    const { checked } = await checkAct(tx, input, input.lines);
    const [row] = await tx
      .insert(serviceActs)
      .values({
        accountId: input.accountId,
        orderId: input.orderId,
        kind: input.kind,
        actDate: input.actDate,
        note: input.note || null,
        preventionNote: input.preventionNote || null,
        createdById: actor.userId,
      })
      .returning();
    if (!row) throw new Error('act not inserted');
    await storeLines(tx, row.id, checked);
    await recordAudit(
      ctx,
      { action: 'act.create', entity: 'service_act', entityId: row.id, after: { reference: row.reference, ...auditable(row, checked) } },
      tx,
    );
    await recordAccountEvent(tx, {
      accountId: row.accountId,
      kind: 'act.recorded',
      data: { actId: row.id, reference: row.reference, kind: row.kind, orderId: row.orderId },
      actorId: actor.userId,
    });
    return row.id;
  });
  return getAct(ctx, id);
}

export async function updateAct(ctx: Ctx, id: string, patch: ActPatch): Promise<ActDetail> {
  await ctx.db.transaction(async (tx) => {
    // the row lock keeps a concurrent sign or edit out
    await tx.execute(sql`SELECT 1 FROM service_acts WHERE id = ${id} FOR UPDATE`);
    const act = await findActToWrite(ctx, id, tx);
    const onlyPrevention = Object.keys(patch).every((k) => k === 'preventionNote');
    if (act.status !== 'draft' && !onlyPrevention) throw new AppError('ACT_NOT_DRAFT', 409, { reference: act.reference });
    const next = {
      kind: patch.kind ?? act.kind,
      actDate: patch.actDate ?? act.actDate,
      note: patch.note === undefined ? act.note : patch.note || null,
      preventionNote: patch.preventionNote === undefined ? act.preventionNote : patch.preventionNote || null,
    };
    let checked: Checked[] | undefined;
    if (!onlyPrevention) {
      // re-check the lines (given, or the stored ones under a possibly new kind and date)
      const lines: ActLineInput[] =
        patch.lines ??
        (await tx.select().from(serviceActLines).where(eq(serviceActLines.actId, id)).orderBy(asc(serviceActLines.lineNo))).map((l) => ({
          lineNo: l.lineNo,
          quantity: l.quantity,
          // a line that kept its kind's default reason follows a change of kind
          reason: patch.kind && l.reason === defaultReason[act.kind] ? undefined : l.reason,
          note: l.note,
        }));
      checked = (await checkAct(tx, { accountId: act.accountId, orderId: act.orderId, kind: next.kind, actDate: next.actDate }, lines))
        .checked;
      await storeLines(tx, id, checked);
    }
    await tx
      .update(serviceActs)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(serviceActs.id, id));
    await recordAudit(
      ctx,
      {
        action: onlyPrevention ? 'act.prevention_note' : 'act.update',
        entity: 'service_act',
        entityId: id,
        before: auditable(act),
        after: auditable({ ...act, ...next }, checked),
      },
      tx,
    );
  });
  return getAct(ctx, id);
}

export async function deleteAct(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM service_acts WHERE id = ${id} FOR UPDATE`);
    const act = await findActToWrite(ctx, id, tx);
    if (act.status !== 'draft') throw new AppError('ACT_NOT_DRAFT', 409, { reference: act.reference });
    await tx.execute(sql`DELETE FROM attachments WHERE subject_id = ${id} AND subject_type IN ('act', 'act-signed')`);
    await tx.delete(serviceActs).where(eq(serviceActs.id, id));
    await recordAudit(
      ctx,
      { action: 'act.delete', entity: 'service_act', entityId: id, before: { reference: act.reference, ...auditable(act) } },
      tx,
    );
  });
}

/**
 * Signs a draft: the client's signed copy must be attached; each line is booked as a return
 * (`<reference>-<line>`, on the act date) and the KPI days refreshed, all in one transaction, so a
 * line that no longer has the quantity (another act signed, a return imported) fails the whole act.
 */
export async function signAct(ctx: Ctx, id: string): Promise<ActDetail> {
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM service_acts WHERE id = ${id} FOR UPDATE`);
    const act = await findActToWrite(ctx, id, tx);
    if (act.status !== 'draft') throw new AppError('ACT_NOT_DRAFT', 409, { reference: act.reference });
    const signed = await listAttachments(tx, signedSubject(id));
    if (!signed.length) throw new AppError('ACT_SIGNED_COPY_MISSING', 409, { reference: act.reference });
    const stored = await tx.select().from(serviceActLines).where(eq(serviceActLines.actId, id)).orderBy(asc(serviceActLines.lineNo));
    // quantities checked again under a lock of the order's lines; the date may be in the past now
    const { checked } = await checkAct(
      tx,
      act,
      stored.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, reason: l.reason, note: l.note })),
      true,
    );
    const returns = checked.map((l) => ({
      return_id: `${act.reference}-${l.lineNo}`,
      order_id: act.orderId,
      line_no: l.lineNo,
      return_date: act.actDate,
      quantity: l.quantity,
      reason: l.reason,
    }));
    const clash = await tx.execute<{ return_id: string }>(
      sql`SELECT return_id FROM order_returns WHERE return_id = ANY(${sql.param(returns.map((r) => r.return_id))}::text[])`,
    );
    if (clash.rows.length) throw new AppError('ACT_RETURN_EXISTS', 409, { returnId: clash.rows[0]!.return_id });
    await bookReturns(tx, returns);
    for (const r of returns)
      await tx
        .update(serviceActLines)
        .set({ returnId: r.return_id })
        .where(and(eq(serviceActLines.actId, id), eq(serviceActLines.lineNo, r.line_no)));
    const signedAt = new Date();
    await tx.update(serviceActs).set({ status: 'signed', signedAt, updatedAt: signedAt }).where(eq(serviceActs.id, id));
    await recordAudit(
      ctx,
      {
        action: 'act.sign',
        entity: 'service_act',
        entityId: id,
        before: { status: 'draft' },
        after: {
          status: 'signed',
          reference: act.reference,
          returns: returns.map((r) => ({ returnId: r.return_id, quantity: r.quantity })),
        },
      },
      tx,
    );
    await recordAccountEvent(tx, {
      accountId: act.accountId,
      kind: 'act.signed',
      data: { actId: id, reference: act.reference, kind: act.kind, orderId: act.orderId, lines: returns.length },
      actorId: actor.userId,
    });
  });
  return getAct(ctx, id);
}

/** Acts of the accounts the reader sees, for the analysis (acts.analysis.ts). */
export async function scopedActsSql(ctx: Ctx): Promise<SQL> {
  assertCan(actorOf(ctx), 'complaints.read');
  return (await visibleAccountsSql(ctx)) ?? sql`true`;
}
