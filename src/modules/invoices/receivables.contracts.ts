import { z } from 'zod';
import { IsoDate } from '../accounts/accounts.contracts.js';
import { FactPage } from '../orders/account-sales.contracts.js';
import { AgingBucket, agingBuckets } from './invoices.contracts.js';

/** A client's receivables and payment discipline (E6), for the account's commercial tab. */

export const BucketTotals = z.object(
  Object.fromEntries(agingBuckets.map((b) => [b, z.object({ amount: z.string(), count: z.number().int() })])) as Record<
    AgingBucket,
    z.ZodObject<{ amount: z.ZodString; count: z.ZodNumber }>
  >,
);
export type BucketTotals = z.infer<typeof BucketTotals>;

export const Receivables = z.object({
  /** the company's today: what "overdue" is measured against */
  asOf: IsoDate,
  /** Σ max(0, amount − payments) of the invoices issued on or before today */
  outstanding: z.string(),
  /** the part of it past its due date */
  overdue: z.string(),
  openInvoices: z.number().int(),
  buckets: BucketTotals,
  creditLimit: z.string().nullable(),
  /** credit limit − outstanding (negative: over the limit); null without a limit */
  available: z.string().nullable(),
  /** outstanding / credit limit × 100, 2 decimals; null without a positive limit */
  utilisationPct: z.number().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  /** invoices due in the last 12 months (today included) */
  discipline: z.object({
    from: IsoDate,
    to: IsoDate,
    invoices: z.number().int(),
    /** fully paid on or before the due date */
    paidOnTime: z.number().int(),
    /** paidOnTime / invoices, 4 decimals; null without invoices */
    onTimeShare: z.number().nullable(),
    /** mean of max(0, (the day it was paid in full, or today while unpaid) − due date), 1 decimal; null without invoices */
    avgDaysLate: z.number().nullable(),
  }),
});
export type Receivables = z.infer<typeof Receivables>;

export const InvoiceQuery = FactPage.extend({ status: z.enum(['open', 'all']).default('open') });
export type InvoiceQuery = z.infer<typeof InvoiceQuery>;

export const AccountInvoice = z.object({
  invoiceId: z.string(),
  issueDate: IsoDate,
  dueDate: IsoDate,
  amount: z.string(),
  paid: z.string(),
  outstanding: z.string(),
  orderId: z.string().nullable(),
  settledOn: IsoDate.nullable(),
  /** today − due date for an open invoice (0 or less: not due yet); null once paid */
  daysOverdue: z.number().int().nullable(),
  bucket: AgingBucket.nullable(),
});
export type AccountInvoice = z.infer<typeof AccountInvoice>;
export const AccountInvoiceList = z.object({ items: z.array(AccountInvoice), total: z.number().int() });
export type AccountInvoiceList = z.infer<typeof AccountInvoiceList>;
