import { z } from 'zod';
import { Page } from '../../core/contracts.js';
import { IsoDate } from '../accounts/accounts.contracts.js';
import { ReturnReason } from './orders.contracts.js';

/** What an account bought and sent back (E4, D3; kpi.md definitions), for the account's commercial tab. */

export const SalesQuery = z.strictObject({
  /** how many months back, the current month included */
  months: z.coerce.number().int().min(1).max(60).default(24),
});
export type SalesQuery = z.infer<typeof SalesQuery>;

/** Money is an exact decimal string rounded to 2 places. */
export const SalesMonth = z.object({
  /** YYYY-MM */
  month: z.string(),
  /** net amount of confirmed lines less returns at the returned line's net unit price */
  revenue: z.string(),
  /** revenue less the cost of the lines (returns at net unit price less unit cost) */
  margin: z.string(),
  /** the returns of the month, at net unit price (already taken off revenue) */
  returned: z.string(),
  orders: z.number().int(),
});
export type SalesMonth = z.infer<typeof SalesMonth>;

export const AccountSales = z.object({
  from: IsoDate,
  to: IsoDate,
  months: z.array(SalesMonth),
  totals: z.object({ revenue: z.string(), margin: z.string(), returned: z.string(), orders: z.number().int() }),
  /** margin / revenue over the period × 100, 2 decimals; null when revenue is 0 */
  marginPct: z.number().nullable(),
  firstOrderDate: IsoDate.nullable(),
  lastOrderDate: IsoDate.nullable(),
  /** every order and return of the account, not just of the period */
  orderCount: z.number().int(),
  returnCount: z.number().int(),
});
export type AccountSales = z.infer<typeof AccountSales>;

export const orderStatuses = ['confirmed', 'partly_cancelled', 'cancelled'] as const;
export const OrderStatus = z.enum(orderStatuses);

export const AccountOrder = z.object({
  orderId: z.string(),
  orderDate: IsoDate,
  lines: z.number().int(),
  status: OrderStatus,
  /** net amount of the confirmed lines */
  amount: z.string(),
  margin: z.string(),
  /** returned from this order so far, at net unit price */
  returned: z.string(),
});
export type AccountOrder = z.infer<typeof AccountOrder>;
export const AccountOrderList = z.object({ items: z.array(AccountOrder), total: z.number().int() });
export type AccountOrderList = z.infer<typeof AccountOrderList>;

export const AccountReturn = z.object({
  returnId: z.string(),
  returnDate: IsoDate,
  orderId: z.string(),
  lineNo: z.number().int(),
  product: z.object({ id: z.uuid(), sku: z.string(), name: z.string() }),
  quantity: z.string(),
  reason: ReturnReason.nullable(),
  /** quantity × the returned line's net unit price */
  amount: z.string(),
});
export type AccountReturn = z.infer<typeof AccountReturn>;
export const AccountReturnList = z.object({ items: z.array(AccountReturn), total: z.number().int() });
export type AccountReturnList = z.infer<typeof AccountReturnList>;

export const FactPage = Page.extend({ limit: z.coerce.number().int().min(1).max(200).default(10) });
export type FactPage = z.infer<typeof FactPage>;
