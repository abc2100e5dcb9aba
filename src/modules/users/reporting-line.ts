import { sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/tx.js';

/**
 * Everyone in the reporting line below `userIds` (their reports, their reports' reports…), not the
 * users themselves: one recursive query over `users.manager_id`. The senior KAM's reach in the
 * account, KPI and plan scopes.
 */
export async function reportingLineOf(db: Executor, userIds: readonly string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const { rows } = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE line AS (
      SELECT id FROM users WHERE manager_id = ANY(${sql.param([...userIds])}::uuid[])
      UNION SELECT u.id FROM users u JOIN line ON u.manager_id = line.id)
    SELECT id FROM line`);
  return rows.map((r) => r.id);
}
