import type { Role } from '../contracts.js';
import type { Db } from '../db/database.js';

export type RowRequest = { url?: string; body?: unknown };

/**
 * The access matrix: for every API route, every role (and an anonymous caller) and every ownership
 * case, the status the server must answer. `access-matrix.int.test.ts` runs it against a real
 * database and fails when a route has no row or a row leaves a caller out. Every new route adds rows.
 */
export type Who = Role | 'anonymous';
export const everyone: readonly Who[] = [
  'anonymous',
  'admin',
  'executive',
  'head',
  'senior_kam',
  'kam',
  'sales_support',
  'department',
  'hr',
];

/** The records a case can point at, made fresh for each caller. */
export interface Targets {
  /** the caller themselves (absent for anonymous) */
  self?: string;
  /** a user who reports to the caller */
  report: string;
  /** a user with no relation to the caller */
  other: string;
  /** a unique number for bodies that must not collide */
  n: number;
  /** an account owned by the caller (for anonymous: by `other`) */
  ownAccount: string;
  /** an account owned by `report` */
  reportAccount: string;
  /** an account owned by `other`, with the caller on its team */
  teamAccount: string;
  /** an account owned by `other`, unrelated to the caller */
  otherAccount: string;
}

export interface MatrixRow {
  route: string;
  case: string;
  /** may create what the case needs (a contact on `t.ownAccount`…) before answering the request */
  request?: (t: Targets, db: Db) => RowRequest | Promise<RowRequest>;
  /** a separate session, for requests that end it */
  freshSession?: boolean;
  expect: Partial<Record<Who, number>> & { signedIn?: number; default?: number };
}

export const signedInOnly = (status: number) => ({ anonymous: 401, signedIn: status });
export const only = (roles: Who[], ok: number, otherwise: number) => ({
  anonymous: 401,
  ...Object.fromEntries(roles.map((r) => [r, ok])),
  default: otherwise,
});
export const seesAll: Who[] = ['admin', 'executive', 'head', 'hr'];
export const NIL = '00000000-0000-4000-8000-000000000000';
