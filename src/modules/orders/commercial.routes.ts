import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { AccountInvoiceList, InvoiceQuery } from '../invoices/receivables.contracts.js';
import { AccountOrderList, AccountReturnList, FactPage, SalesQuery } from './account-sales.contracts.js';
import { AccountCommercial } from './commercial.contracts.js';
import { getAccountCommercial, listAccountInvoices, listAccountOrders, listAccountReturns } from './commercial.service.js';

const tags = ['commercial'];
/** every route here also needs full access to the account: a hidden one answers 404 */
const access = { permission: 'accounts.read' } as const;

export function registerCommercialRoutes(app: App) {
  app.get(
    '/api/accounts/:id/commercial',
    {
      config: { access },
      schema: {
        tags,
        summary: "An account's revenue and margin by month, receivables with aging, and payment discipline",
        params: IdParams,
        querystring: SalesQuery,
        response: { 200: AccountCommercial },
      },
    },
    async (req) => getAccountCommercial(req.ctx, req.params.id, req.query.months),
  );
  app.get(
    '/api/accounts/:id/orders',
    {
      config: { access },
      schema: {
        tags,
        summary: "An account's orders, newest first, with each order's lines taken together",
        params: IdParams,
        querystring: FactPage,
        response: { 200: AccountOrderList },
      },
    },
    async (req) => listAccountOrders(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/api/accounts/:id/returns',
    {
      config: { access },
      schema: {
        tags,
        summary: "An account's returns, newest first",
        params: IdParams,
        querystring: FactPage,
        response: { 200: AccountReturnList },
      },
    },
    async (req) => listAccountReturns(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/api/accounts/:id/invoices',
    {
      config: { access },
      schema: {
        tags,
        summary: "An account's invoices: the open ones, most overdue first (default), or all, newest first",
        params: IdParams,
        querystring: InvoiceQuery,
        response: { 200: AccountInvoiceList },
      },
    },
    async (req) => listAccountInvoices(req.ctx, req.params.id, req.query),
  );
}
