import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signedIn, type TestApp } from '../../../test/helpers/api.js';
import { makeAccount, makeOrderLine, makeProduct, makeUser, type TestUser } from '../../../test/helpers/factories.js';
import { auditLog } from '../../core/audit/audit.schema.js';
import { accountEvents } from '../accounts/accounts.schema.js';
import type { KpiReport } from '../kpi/kpi.contracts.js';
import { pdfText } from '../plans/pdf-text.js';
import type { ActAnalysis, ActDetail, ActList } from './acts.contracts.js';

let t: TestApp;
let head: TestUser;
let kam: TestUser;
let stranger: TestUser;
let kamS: Session;
let strangerS: Session;
let headS: Session;
let account: { id: string; name: string };
let hidden: { id: string; name: string };
let skuA: string;

const ORDER = 'SO-1001';
const ORDER_DATE = '2026-03-02';
const ACT_DATE = '2026-03-10';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  head = await makeUser(db, { role: 'head' });
  kam = await makeUser(db, { role: 'kam', managerId: head.id, name: 'Kate Kam' });
  stranger = await makeUser(db, { role: 'kam', managerId: head.id });
  account = await makeAccount(db, { ownerId: kam.id, name: 'Vkusno Market', tier: 'key' });
  hidden = await makeAccount(db, { ownerId: stranger.id });
  const a = await makeProduct(db, { name: 'Cherry jam 300 g' });
  const b = await makeProduct(db, { name: 'Apricot jam 300 g' });
  skuA = a.sku;
  // line 1: 10 × 100; line 2: 5 × 50; line 3 cancelled
  await makeOrderLine(db, {
    orderId: ORDER,
    lineNo: 1,
    accountId: account.id,
    productId: a.id,
    orderDate: ORDER_DATE,
    quantity: '10',
    unitPrice: '100',
  });
  await makeOrderLine(db, {
    orderId: ORDER,
    lineNo: 2,
    accountId: account.id,
    productId: b.id,
    orderDate: ORDER_DATE,
    quantity: '5',
    unitPrice: '50',
  });
  await makeOrderLine(db, {
    orderId: ORDER,
    lineNo: 3,
    accountId: account.id,
    productId: b.id,
    orderDate: ORDER_DATE,
    quantity: '4',
    unitPrice: '50',
    status: 'cancelled',
  });
  await makeOrderLine(db, {
    orderId: 'SO-H',
    accountId: hidden.id,
    productId: a.id,
    orderDate: ORDER_DATE,
    quantity: '3',
    unitPrice: '10',
  });
  // 3 pieces of line 1 were returned before (the returns import)
  await db.execute(sql`
    INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, reason, owner_id)
    VALUES ('R-OLD', ${ORDER}, 1, ${account.id}, '2026-03-05', 3, 'defect', ${kam.id})`);
  await db.execute(sql`SELECT kpi_refresh_days(ARRAY['2026-03-05']::date[])`);
  kamS = await signedIn(t.app, kam);
  strangerS = await signedIn(t.app, stranger);
  headS = await signedIn(t.app, head);
});
afterAll(() => t.close());

const draft = (patch: Record<string, unknown> = {}) => ({
  accountId: account.id,
  orderId: ORDER,
  kind: 'shortage',
  actDate: ACT_DATE,
  note: 'Pallet 2 arrived short',
  lines: [{ lineNo: 1, quantity: 2 }],
  ...patch,
});

async function create(s: Session, body: Record<string, unknown>): Promise<ActDetail> {
  const res = await s.post('/api/acts', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ActDetail;
}

function upload(s: Session, actId: string, role: 'photo' | 'signed', file: { name: string; type: string; content: Buffer }) {
  const boundary = `----grove${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return s.app.inject({
    method: 'POST',
    url: `/api/acts/${actId}/attachments?role=${role}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(s.csrf ? { 'x-csrf-token': s.csrf } : {}) },
    cookies: s.cookies,
    remoteAddress: s.remoteAddress,
    payload,
  });
}
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const SIGNED = Buffer.from('%PDF-1.4\n% signed scan\n');

async function revenueOn(day: string): Promise<number> {
  const res = await headS.get(`/api/kpi?from=${day}&to=${day}&manager=${kam.email}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as KpiReport).total.revenue as number;
}

describe('recording an act', () => {
  it('refuses what the order does not allow, with stable codes', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ orderId: 'SO-NOPE' }, 'ACT_ORDER_UNKNOWN'],
      [{ orderId: 'SO-H' }, 'ACT_ORDER_UNKNOWN'],
      [{ actDate: '2026-03-01' }, 'ACT_DATE_BEFORE_ORDER'],
      [{ actDate: '2099-01-01' }, 'ACT_DATE_IN_FUTURE'],
      [{ lines: [{ lineNo: 9, quantity: 1 }] }, 'ACT_LINE_UNKNOWN'],
      [{ lines: [{ lineNo: 3, quantity: 1 }] }, 'ACT_LINE_NOT_CONFIRMED'],
      [{ lines: [{ lineNo: 1, quantity: 0 }] }, 'ACT_QUANTITY_INVALID'],
      [
        {
          lines: [
            { lineNo: 1, quantity: 1 },
            { lineNo: 1, quantity: 1 },
          ],
        },
        'ACT_LINE_TWICE',
      ],
      // 10 ordered, 3 returned already: 7 are left
      [{ lines: [{ lineNo: 1, quantity: 8 }] }, 'ACT_QUANTITY_EXCEEDS'],
      [{ lines: [] }, 'VALIDATION_FAILED'],
      [{ lines: [{ lineNo: 1, quantity: '1.0001' }] }, 'VALIDATION_FAILED'],
      [{ kind: 'theft' }, 'VALIDATION_FAILED'],
    ];
    for (const [patch, code] of cases) {
      const res = await kamS.post('/api/acts', draft(patch));
      expect(res.statusCode, `${JSON.stringify(patch)}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const headRu = await signedIn(t.app, await makeUser(t.database.db, { role: 'head', locale: 'ru' }));
    const ru = await headRu.post('/api/acts', draft({ lines: [{ lineNo: 1, quantity: 8 }] }));
    expect(ru.json().error.message).toContain('осталось к возврату (7 из 10');
    expect((await headS.get('/api/acts')).json().total).toBe(0);
  });

  it('takes exactly what is left and defaults each reason to the kind', async () => {
    const act = await create(
      kamS,
      draft({
        kind: 'mis_sort',
        lines: [
          { lineNo: 1, quantity: 7 },
          { lineNo: 2, quantity: '1.5', reason: 'defect' },
        ],
      }),
    );
    expect(act).toMatchObject({
      status: 'draft',
      kind: 'mis_sort',
      orderDate: ORDER_DATE,
      lineCount: 2,
      totalQuantity: '8.5',
      canWrite: true,
    });
    expect(act.reference).toMatch(/^A-\d{6}$/);
    expect(act.lines.map((l) => [l.lineNo, l.quantity, l.reason, l.product.sku])).toEqual([
      [1, '7', 'mis_sort', skuA],
      [2, '1.5', 'defect', expect.any(String)],
    ]);
    // drafts do not hold quantities: a second draft may name the same pieces
    await create(kamS, draft({ lines: [{ lineNo: 1, quantity: 7 }] }));
    // a change of kind moves the default reasons with it
    const patched = (await kamS.patch(`/api/acts/${act.id}`, { kind: 'refusal' })).json() as ActDetail;
    expect(patched.lines.map((l) => l.reason)).toEqual(['refusal', 'defect']);
    expect((await kamS.delete(`/api/acts/${act.id}`)).statusCode).toBe(200);
    expect((await kamS.get(`/api/acts/${act.id}`)).statusCode).toBe(404);
  });

  it('shows the order lines with what is left to return', async () => {
    const res = await kamS.get(`/api/acts/order-lines?account=${account.id}&order=${ORDER}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines.map((l: { lineNo: number; available: string }) => [l.lineNo, l.available])).toEqual([
      [1, '7'],
      [2, '5'],
      [3, '0'],
    ]);
    expect((await strangerS.get(`/api/acts/order-lines?account=${account.id}&order=${ORDER}`)).statusCode).toBe(404);
  });
});

describe('signing', () => {
  let act: ActDetail;

  it('needs the signed copy; a photo is not one', async () => {
    act = await create(kamS, draft({ lines: [{ lineNo: 1, quantity: 2, note: 'two boxes missing' }] }));
    const photo = await upload(kamS, act.id, 'photo', { name: 'pallet.png', type: 'image/png', content: PNG });
    expect(photo.statusCode, photo.body).toBe(200);
    expect(photo.json()).toMatchObject({ role: 'photo', mimeType: 'image/png' });
    const refused = await kamS.post(`/api/acts/${act.id}/sign`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ACT_SIGNED_COPY_MISSING');
  });

  it('books the returns on the act date and the KPI revenue of that day drops by their value', async () => {
    const before = await revenueOn(ACT_DATE);
    const copy = await upload(kamS, act.id, 'signed', { name: 'act-signed.pdf', type: 'application/pdf', content: SIGNED });
    expect(copy.statusCode, copy.body).toBe(200);
    const res = await kamS.post(`/api/acts/${act.id}/sign`);
    expect(res.statusCode, res.body).toBe(200);
    const signed = res.json() as ActDetail;
    expect(signed.status).toBe('signed');
    expect(signed.signedAt).not.toBeNull();
    expect(signed.lines[0]?.returnId).toBe(`${act.reference}-1`);
    expect(signed.attachments.map((a) => a.role).sort()).toEqual(['photo', 'signed']);

    const { rows } = await t.database.db.execute<{ return_date: string; quantity: string; reason: string; owner_id: string }>(
      sql`SELECT return_date::text, quantity::text, reason::text, owner_id FROM order_returns WHERE return_id = ${`${act.reference}-1`}`,
    );
    expect(rows).toEqual([{ return_date: ACT_DATE, quantity: '2.000', reason: 'shortage', owner_id: kam.id }]);
    // 2 pieces at 100
    expect(await revenueOn(ACT_DATE)).toBe(before - 200);

    const [event] = await t.database.db
      .select()
      .from(accountEvents)
      .where(and(eq(accountEvents.accountId, account.id), eq(accountEvents.kind, 'act.signed')));
    expect(event?.data).toMatchObject({ reference: act.reference });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, act.id), eq(auditLog.action, 'act.sign')));
    expect(audits).toHaveLength(1);
  });

  it('counts the signed act against later acts; a signed act keeps all but its prevention note', async () => {
    // 10 − 3 returned − 2 signed = 5
    const over = await kamS.post('/api/acts', draft({ lines: [{ lineNo: 1, quantity: 6 }] }));
    expect(over.json().error).toMatchObject({ code: 'ACT_QUANTITY_EXCEEDS' });
    await create(kamS, draft({ lines: [{ lineNo: 1, quantity: 5 }] }));

    const edit = await kamS.patch(`/api/acts/${act.id}`, { note: 'changed' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ACT_NOT_DRAFT');
    expect((await kamS.delete(`/api/acts/${act.id}`)).statusCode).toBe(409);
    expect((await kamS.post(`/api/acts/${act.id}/sign`)).statusCode).toBe(409);
    const note = await kamS.patch(`/api/acts/${act.id}`, { preventionNote: 'Count pallets at loading with the driver' });
    expect(note.statusCode, note.body).toBe(200);
    expect(note.json().preventionNote).toBe('Count pallets at loading with the driver');
    const copy = signedCopyOf(note.json() as ActDetail);
    expect((await kamS.delete(`/api/acts/${act.id}/attachments/${copy}`)).statusCode).toBe(409);
  });

  it('is all or nothing: a line short at signing time books none of the act', async () => {
    const two = await create(
      kamS,
      draft({
        lines: [
          { lineNo: 1, quantity: 1 },
          { lineNo: 2, quantity: 5 },
        ],
      }),
    );
    await upload(kamS, two.id, 'signed', { name: 'scan.pdf', type: 'application/pdf', content: SIGNED });
    // meanwhile the returns import books one piece of line 2
    await t.database.db.execute(sql`
      INSERT INTO order_returns (return_id, order_id, line_no, account_id, return_date, quantity, owner_id)
      VALUES ('R-LATE', ${ORDER}, 2, ${account.id}, ${ACT_DATE}, 1, ${kam.id})`);
    await t.database.db.execute(sql`SELECT kpi_refresh_days(ARRAY[${ACT_DATE}]::date[])`);
    const before = await revenueOn(ACT_DATE);
    const res = await kamS.post(`/api/acts/${two.id}/sign`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ACT_QUANTITY_EXCEEDS' });
    const booked = await t.database.db.execute(sql`SELECT 1 FROM order_returns WHERE return_id LIKE ${`${two.reference}-%`}`);
    expect(booked.rows).toHaveLength(0);
    expect(((await kamS.get(`/api/acts/${two.id}`)).json() as ActDetail).status).toBe('draft');
    expect(await revenueOn(ACT_DATE)).toBe(before);
  });
});

const signedCopyOf = (a: ActDetail) => a.attachments.find((f) => f.role === 'signed')?.id;

describe('the act document', () => {
  it('is a PDF in either language with the reference, title, client and lines; audited as an export', async () => {
    const act = await create(kamS, draft({ note: 'Недостача двух коробок' }));
    const ru = await kamS.get(`/api/acts/${act.id}/pdf?lang=ru`);
    expect(ru.statusCode).toBe(200);
    expect(ru.headers['content-type']).toBe('application/pdf');
    expect(String(ru.headers['content-disposition'])).toContain(`act-${act.reference}.pdf`);
    expect(ru.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(ru.rawPayload);
    for (const s of [
      'Акт о недостаче',
      act.reference,
      'Vkusno Market',
      ORDER,
      'Cherry jam 300 g',
      skuA,
      'Недостача двух коробок',
      'От покупателя',
    ])
      expect(text).toContain(s);
    const en = pdfText((await kamS.get(`/api/acts/${act.id}/pdf`)).rawPayload);
    expect(en).toContain('Shortage act');
    expect(en).toContain('For the client');
    expect((await kamS.get(`/api/acts/${act.id}/pdf?lang=de`)).statusCode).toBe(400);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, act.id), eq(auditLog.action, 'act.export'), like(auditLog.entity, 'service_act')));
    expect(audit).toMatchObject({ actorId: kam.id, after: { format: 'pdf', lang: 'ru' } });
  });
});

describe('repeat causes', () => {
  it('counts acts by account, product and reason with the latest prevention notes', async () => {
    const res = await kamS.get('/api/acts/analysis?from=2026-03-01&to=2026-03-31');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as ActAnalysis;
    const list = (await kamS.get('/api/acts?from=2026-03-01&to=2026-03-31')).json() as ActList;
    expect(a.totals.acts).toBe(list.total);
    expect(a.byAccount).toHaveLength(1);
    expect(a.byAccount[0]).toMatchObject({ account: { id: account.id }, acts: list.total });
    const shortage = a.byReason.find((r) => r.reason === 'shortage');
    expect(shortage?.latestPrevention.map((n) => n.note)).toEqual(['Count pallets at loading with the driver']);
    expect(a.byProduct[0]?.product.sku).toBe(skuA);
    // the stranger sees none of it
    const theirs = (await strangerS.get('/api/acts/analysis')).json() as ActAnalysis;
    expect(theirs.totals.acts).toBe(0);
    expect((await headS.get('/api/acts/analysis?from=2026-04-01&to=2026-03-01')).statusCode).toBe(400);
  });
});

describe('a hidden account', () => {
  it('answers 404 for its acts and refuses to record one', async () => {
    const act = await create(headS, { ...draft(), accountId: hidden.id, orderId: 'SO-H' });
    for (const url of [`/api/acts/${act.id}`, `/api/acts/${act.id}/pdf`]) expect((await kamS.get(url)).statusCode).toBe(404);
    expect((await kamS.post(`/api/acts/${act.id}/sign`)).statusCode).toBe(404);
    expect((await kamS.patch(`/api/acts/${act.id}`, { preventionNote: 'x' })).statusCode).toBe(404);
    expect((await kamS.post('/api/acts', { ...draft(), accountId: hidden.id, orderId: 'SO-H' })).statusCode).toBe(404);
    const mine = (await kamS.get('/api/acts?limit=200')).json() as ActList;
    expect(mine.items.every((i) => i.account.id === account.id)).toBe(true);
    const filtered = (await headS.get(`/api/acts?account=${hidden.id}&kind=shortage&status=draft`)).json() as ActList;
    expect(filtered.items.map((i) => i.id)).toEqual([act.id]);
  });
});
