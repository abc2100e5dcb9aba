import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLine, makeProduct } from '../../../test/helpers/commercial.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeUser } from '../../../test/helpers/factories.js';

/* Order lines keep their references by statement-level checks (migration 0012), not row-level keys. */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let accountId: string;
let productId: string;
let ownerId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await makeCompany(database.db);
  ownerId = (await makeUser(database.db)).id;
  accountId = (await makeAccount(database.db, { ownerId })).id;
  productId = (await makeProduct(database.db)).id;
  await addLine(database.db, { accountId, productId, date: '2026-01-10', quantity: '1', unitPrice: '10', unitCost: '5' });
});
afterAll(() => database.close());

const insertLine = (account: string, product: string) =>
  database.db.execute(sql`
    INSERT INTO order_lines (order_id, line_no, account_id, order_date, product_id, quantity, unit_price, unit_cost)
    VALUES (${`X-${crypto.randomUUID()}`}, 1, ${account}, '2026-01-11', ${product}, 1, 1, 1)`);

describe('order line references', () => {
  it('refuses a line of an account or product that does not exist', async () => {
    await expect(insertLine(crypto.randomUUID(), productId)).rejects.toMatchObject({ cause: { code: '23503' } });
    await expect(insertLine(accountId, crypto.randomUUID())).rejects.toMatchObject({ cause: { code: '23503' } });
    await expect(
      database.db.execute(sql`UPDATE order_lines SET product_id = ${crypto.randomUUID()} WHERE account_id = ${accountId}`),
    ).rejects.toMatchObject({ cause: { code: '23503' } });
    await insertLine(accountId, productId);
  });

  it('refuses to delete an account, product or owner that lines refer to', async () => {
    await expect(database.db.execute(sql`DELETE FROM products WHERE id = ${productId}`)).rejects.toMatchObject({
      cause: { code: '23503' },
    });
    await expect(database.db.execute(sql`DELETE FROM accounts WHERE id = ${accountId}`)).rejects.toMatchObject({
      cause: { code: '23503' },
    });
    await expect(database.db.execute(sql`DELETE FROM users WHERE id = ${ownerId}`)).rejects.toMatchObject({ cause: { code: '23503' } });
    const unused = await makeProduct(database.db);
    await database.db.execute(sql`DELETE FROM products WHERE id = ${unused.id}`);
  });
});
