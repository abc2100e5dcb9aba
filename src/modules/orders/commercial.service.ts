import type { Ctx } from '../../core/context.js';
import { requireAccount } from '../accounts/accounts.service.js';
import { accountInvoices, accountReceivables } from '../invoices/receivables.service.js';
import { companyToday } from '../plans/plans.service.js';
import type { AccountOrderList, AccountReturnList, FactPage } from './account-sales.contracts.js';
import { accountOrders, accountReturns, accountSales } from './account-sales.service.js';
import type { AccountCommercial } from './commercial.contracts.js';
import type { AccountInvoiceList, InvoiceQuery } from '../invoices/receivables.contracts.js';

/**
 * The account page's commercial tab (E4, E6): only for readers with full access to the account (a
 * hidden account, or one seen at the basic level, answers 404 like a missing one).
 */
export async function getAccountCommercial(ctx: Ctx, accountId: string, months: number): Promise<AccountCommercial> {
  const account = await requireAccount(ctx, accountId, 'full');
  const today = await companyToday(ctx);
  const [sales, receivables] = await Promise.all([
    accountSales(ctx, accountId, months, today),
    accountReceivables(ctx, { id: accountId, creditLimit: account.creditLimit, paymentTermsDays: account.paymentTermsDays }, today),
  ]);
  return { accountId, currency: account.currency, sales, receivables };
}

export async function listAccountOrders(ctx: Ctx, accountId: string, page: FactPage): Promise<AccountOrderList> {
  await requireAccount(ctx, accountId, 'full');
  return accountOrders(ctx, accountId, page);
}

export async function listAccountReturns(ctx: Ctx, accountId: string, page: FactPage): Promise<AccountReturnList> {
  await requireAccount(ctx, accountId, 'full');
  return accountReturns(ctx, accountId, page);
}

export async function listAccountInvoices(ctx: Ctx, accountId: string, q: InvoiceQuery): Promise<AccountInvoiceList> {
  await requireAccount(ctx, accountId, 'full');
  return accountInvoices(ctx, accountId, q, await companyToday(ctx));
}
