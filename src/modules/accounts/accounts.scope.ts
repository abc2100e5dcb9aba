import { type SQL, sql } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../core/context.js';
import { accountScope } from '../../core/policy/policy.js';
import { reportingLineOf } from '../users/reporting-line.js';
import { accounts } from './accounts.schema.js';

const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;

/**
 * SQL for the accounts the actor may see (policy.accountScope); `undefined` = every account.
 * Every read path of accounts and of the records that hang off them goes through this.
 */
export async function visibleAccountsSql(ctx: Ctx): Promise<SQL | undefined> {
  const scope = accountScope(actorOf(ctx));
  if (scope.all) return undefined;
  const owners = new Set([...scope.ownerIds, ...(await reportingLineOf(ctx.db, scope.lineOf))]);
  const parts: SQL[] = [];
  if (owners.size) parts.push(sql`${accounts.ownerId} = ANY(${uuids([...owners])})`);
  if (scope.teamUserIds.length)
    parts.push(
      sql`EXISTS (SELECT 1 FROM account_team t WHERE t.account_id = ${accounts.id} AND t.user_id = ANY(${uuids(scope.teamUserIds)}))`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}
