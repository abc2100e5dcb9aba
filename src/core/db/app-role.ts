import type pg from 'pg';

/** The role the running application uses: it may read and write data, but only append to the audit log. */
export const APP_ROLE = 'grove_app';

/**
 * Creates (if it can) the application role and grants it what it needs. Returns false when the
 * connecting role may not create roles; the application then runs as that role and the audit log
 * is protected by its triggers alone.
 */
export async function ensureAppRole(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ can: boolean; exists: boolean }>(
    `SELECT (r.rolsuper OR r.rolcreaterole) AS can,
            EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists
       FROM pg_roles r WHERE r.rolname = current_user`,
    [APP_ROLE],
  );
  const { can, exists } = rows[0] ?? { can: false, exists: false };
  if (!exists && !can) return false;
  if (!exists) {
    try {
      await client.query(`CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42710') throw err; // created meanwhile by another process
    }
  }
  await client.query(`GRANT ${APP_ROLE} TO current_user`).catch(() => undefined);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE}`);
  return true;
}
