import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Who } from '../../core/policy/matrix-kit.js';
import { attachments } from '../files/files.schema.js';
import { serviceActLines, serviceActs } from './acts.schema.js';

/** Acts follow complaints: readers see the acts of the accounts they see in full; basic-level roles and HR: 403. */
const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
const sees = (who: Who[]) => ({ ...only(who, 200, 404), sales_support: 403, department: 403, hr: 403 });
/** writers who see the account get `ok`, the other writers 404, everyone else 403 */
const works = (ok: Who[], status = 200) => ({
  ...only(ok, status, 403),
  ...Object.fromEntries(writers.filter((w) => !ok.includes(w)).map((w) => [w, 404])),
});

/** An order of one line (10 pieces, 15 January 2026) on the account; its id. */
async function orderAt(db: Db, accountId: string): Promise<string> {
  const orderId = `MX-${randomBytes(5).toString('hex')}`;
  const sku = `MX-${randomBytes(5).toString('hex')}`;
  await db.execute(sql`
    WITH p AS (INSERT INTO products (sku, name, type, unit_cost, base_price) VALUES (${sku}, 'Matrix product', 'product', 1, 2) RETURNING id)
    INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, unit_cost, status)
    SELECT ${orderId}, 1, ${accountId}, '2026-01-15', p.id, 10, 2, 1, 'confirmed' FROM p`);
  return orderId;
}

/** A draft act of 1 piece on such an order; with `signedCopy`, its signed copy attached. */
async function actAt(db: Db, accountId: string, signedCopy = false): Promise<string> {
  const orderId = await orderAt(db, accountId);
  const [act] = await db
    .insert(serviceActs)
    .values({ accountId, orderId, kind: 'shortage', actDate: '2026-01-16' })
    .returning({ id: serviceActs.id });
  if (!act) return NIL;
  await db.insert(serviceActLines).values({ actId: act.id, lineNo: 1, quantity: '1', reason: 'shortage' });
  if (signedCopy) await fileOn(db, act.id, 'act-signed');
  return act.id;
}

async function fileOn(db: Db, actId: string, subjectType = 'act'): Promise<string> {
  const [row] = await db
    .insert(attachments)
    .values({ subjectType, subjectId: actId, fileName: 'matrix.txt', mimeType: 'text/plain', sizeBytes: 6, content: Buffer.from('matrix') })
    .returning({ id: attachments.id });
  return row?.id ?? NIL;
}

const newAct = async (db: Db, accountId: string) => ({
  url: '/api/acts',
  body: { accountId, orderId: await orderAt(db, accountId), kind: 'shortage', actDate: '2026-01-20', lines: [{ lineNo: 1, quantity: 2 }] },
});

export const actAccessRows: MatrixRow[] = [
  { route: 'GET /api/acts', case: 'list', expect: only(readers, 200, 403) },
  {
    route: 'GET /api/acts/analysis',
    case: 'repeat causes',
    request: () => ({ url: '/api/acts/analysis?from=2026-01-01' }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/acts/order-lines',
    case: 'own account',
    request: async (t, db) => ({ url: `/api/acts/order-lines?account=${t.ownAccount}&order=${await orderAt(db, t.ownAccount)}` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/acts/order-lines',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/acts/order-lines?account=${t.otherAccount}&order=${await orderAt(db, t.otherAccount)}` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  { route: 'POST /api/acts', case: 'own account', request: (t, db) => newAct(db, t.ownAccount), expect: works(writers) },
  {
    route: 'POST /api/acts',
    case: "a report's account",
    request: (t, db) => newAct(db, t.reportAccount),
    expect: works(['admin', 'head', 'senior_kam']),
  },
  { route: 'POST /api/acts', case: 'unrelated account', request: (t, db) => newAct(db, t.otherAccount), expect: works(['admin', 'head']) },
  {
    route: 'GET /api/acts/:id',
    case: 'own account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.ownAccount)}` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/acts/:id',
    case: "a report's account",
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.reportAccount)}` }),
    expect: sees(['admin', 'executive', 'head', 'senior_kam']),
  },
  {
    route: 'GET /api/acts/:id',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.otherAccount)}` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  { route: 'GET /api/acts/:id', case: 'missing', request: () => ({ url: `/api/acts/${NIL}` }), expect: sees([]) },
  {
    route: 'PATCH /api/acts/:id',
    case: 'own draft',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.ownAccount)}`, body: { note: 'Matrix' } }),
    expect: works(writers),
  },
  {
    route: 'PATCH /api/acts/:id',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.otherAccount)}`, body: { preventionNote: 'Matrix' } }),
    expect: works(['admin', 'head']),
  },
  {
    route: 'DELETE /api/acts/:id',
    case: 'own draft',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.ownAccount)}` }),
    expect: works(writers),
  },
  {
    route: 'DELETE /api/acts/:id',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.otherAccount)}` }),
    expect: works(['admin', 'head']),
  },
  {
    route: 'POST /api/acts/:id/sign',
    case: 'own draft without its signed copy',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.ownAccount)}/sign` }),
    expect: works(writers, 409),
  },
  {
    route: 'POST /api/acts/:id/sign',
    case: 'own draft with its signed copy',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.ownAccount, true)}/sign` }),
    expect: works(writers),
  },
  {
    route: 'POST /api/acts/:id/sign',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.otherAccount, true)}/sign` }),
    expect: works(['admin', 'head']),
  },
  {
    route: 'GET /api/acts/:id/pdf',
    case: 'own account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.ownAccount)}/pdf?lang=ru` }),
    expect: sees(readers),
  },
  {
    route: 'GET /api/acts/:id/pdf',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.otherAccount)}/pdf` }),
    expect: sees(['admin', 'executive', 'head']),
  },
  {
    route: 'POST /api/acts/:id/attachments',
    case: 'own act, no file sent: allowed, then refused for the missing file',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.ownAccount)}/attachments?role=signed` }),
    expect: works(writers, 400),
  },
  {
    route: 'POST /api/acts/:id/attachments',
    case: 'unrelated account',
    request: async (t, db) => ({ url: `/api/acts/${await actAt(db, t.otherAccount)}/attachments` }),
    expect: works(['admin', 'head'], 400),
  },
  {
    route: 'GET /api/acts/:id/attachments/:attachmentId',
    case: 'own account',
    request: async (t, db) => {
      const id = await actAt(db, t.ownAccount);
      return { url: `/api/acts/${id}/attachments/${await fileOn(db, id)}` };
    },
    expect: sees(readers),
  },
  {
    route: 'GET /api/acts/:id/attachments/:attachmentId',
    case: 'unrelated account',
    request: async (t, db) => {
      const id = await actAt(db, t.otherAccount);
      return { url: `/api/acts/${id}/attachments/${await fileOn(db, id, 'act-signed')}` };
    },
    expect: sees(['admin', 'executive', 'head']),
  },
  {
    route: 'DELETE /api/acts/:id/attachments/:attachmentId',
    case: 'own act',
    request: async (t, db) => {
      const id = await actAt(db, t.ownAccount);
      return { url: `/api/acts/${id}/attachments/${await fileOn(db, id)}` };
    },
    expect: works(writers),
  },
  {
    route: 'DELETE /api/acts/:id/attachments/:attachmentId',
    case: 'unrelated account',
    request: async (t, db) => {
      const id = await actAt(db, t.otherAccount);
      return { url: `/api/acts/${id}/attachments/${await fileOn(db, id)}` };
    },
    expect: works(['admin', 'head']),
  },
];
