import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/tx.js';
import type { Actor } from '../../core/policy/policy.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { departmentRequests } from './requests.schema.js';

/**
 * Who sees a department request (D2): its requester (and the deputy covering them), the senior KAMs
 * above the requester, the head and administrators, and the members of the department it is for.
 * To anyone else it does not exist (404).
 */
export interface RequestReach {
  all: boolean;
  /** the requester ids whose requests the caller sees: themselves, whom they cover, a senior's line */
  requesters: string[];
  /** the departments whose queue the caller works */
  departments: string[];
  /** the callers' own ids (themselves and whom they cover) */
  selves: string[];
  /** may raise requests (KAM, senior, head, or a deputy covering one) */
  mayRaise: boolean;
  /** may set the departments' SLAs */
  mayConfigure: boolean;
  isSenior: boolean;
}

const people = (a: Actor) => [{ userId: a.userId, role: a.role }, ...a.actingFor];

export async function reachOf(db: Executor, a: Actor): Promise<RequestReach> {
  const ps = people(a);
  const roles = ps.map((p) => p.role);
  const selves = ps.map((p) => p.userId);
  const seniors = ps.filter((p) => p.role === 'senior_kam').map((p) => p.userId);
  const line = await reportingLineOf(db, seniors);
  const departments = new Set<string>();
  if (a.role === 'department' && a.department) departments.add(a.department);
  const coveredMembers = a.actingFor.filter((p) => p.role === 'department').map((p) => p.userId);
  if (coveredMembers.length) {
    const { rows } = await db.execute<{ department: string | null }>(
      sql`SELECT department::text AS department FROM users WHERE id = ANY(${sql.param(coveredMembers)}::uuid[])`,
    );
    for (const r of rows) if (r.department) departments.add(r.department);
  }
  return {
    all: roles.some((r) => r === 'admin' || r === 'head'),
    requesters: [...selves, ...line],
    departments: [...departments],
    selves,
    mayRaise: roles.some((r) => r === 'kam' || r === 'senior_kam' || r === 'head'),
    mayConfigure: roles.some((r) => r === 'admin' || r === 'head'),
    isSenior: seniors.length > 0,
  };
}

const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;

/** SQL for the requests the caller sees; `undefined` = every request. */
export function visibleRequestsSql(r: RequestReach): SQL | undefined {
  if (r.all) return undefined;
  const parts: SQL[] = [sql`${departmentRequests.requestedById} = ANY(${uuids(r.requesters)})`];
  if (r.departments.length) parts.push(sql`${departmentRequests.department}::text = ANY(${sql.param(r.departments)}::text[])`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}
