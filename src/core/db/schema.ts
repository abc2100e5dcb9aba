// Every table of Grove, for drizzle-kit (migrations) and for typed queries.
export * from '../audit/audit.schema.js';
export * from '../../modules/auth/auth.schema.js';
export * from '../../modules/company/company.schema.js';
export * from '../../modules/users/users.schema.js';
