import { z } from 'zod';
import { Receivables } from '../invoices/receivables.contracts.js';
import { AccountSales } from './account-sales.contracts.js';

/** The account page's commercial tab at a glance: sales by month, receivables and payment discipline. */
export const AccountCommercial = z.object({
  accountId: z.uuid(),
  currency: z.string(),
  sales: AccountSales,
  receivables: Receivables,
});
export type AccountCommercial = z.infer<typeof AccountCommercial>;
