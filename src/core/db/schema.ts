// Every table of Grove, for drizzle-kit (migrations) and for typed queries.
export * from '../audit/audit.schema.js';
export * from '../../modules/auth/auth.schema.js';
export * from '../../modules/company/company.schema.js';
export * from '../../modules/users/users.schema.js';
export * from '../../modules/accounts/accounts.schema.js';
export * from '../../modules/contacts/contacts.schema.js';
export * from '../../modules/plans/plans.schema.js';
export * from '../../modules/competitors/competitors.schema.js';
export * from '../../modules/tiering/tiering.schema.js';
export * from '../../modules/imports/imports.schema.js';
export * from '../../modules/products/products.schema.js';
export * from '../../modules/orders/orders.schema.js';
export * from '../../modules/invoices/invoices.schema.js';
export * from '../../modules/interactions/interactions.schema.js';
export * from '../../modules/complaints/complaints.schema.js';
export * from '../../modules/targets/targets.schema.js';
export * from '../../modules/kpi/kpi.schema.js';
