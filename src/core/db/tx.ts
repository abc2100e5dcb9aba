import type { Db } from './database.js';

/** A transaction handle (or the database itself) to run a use case's statements in. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** `%text%` for ILIKE, with the pattern characters of the user's text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
