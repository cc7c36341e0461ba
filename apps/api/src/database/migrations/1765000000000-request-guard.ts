import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GUARDED_IDS } from '../guarded-ids';

/**
 * The tenant guard's look-up as one function, so that it travels as one prepared statement and
 * PostgreSQL keeps its plans per connection (the guard's statements, planned on every request,
 * cost more than the rest of a cached read). It runs as the caller (SECURITY INVOKER): the person
 * comes from their live session (or the id express-session already read), the scope is set for
 * the rest of the transaction with set_config(..., true), and every id is checked under row-level
 * security in that scope, as before: a statement at a time, so each sees the settings.
 */
export class RequestGuard1765000000000 implements MigrationInterface {
  name = 'RequestGuard1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // The person of a live session, or NULL: the one definition the guards use, here and in
    // sessionUserStatement (routes of a workspace skip express-session's own look-up).
    await q.query(`
      CREATE FUNCTION app_session_user(p_sid text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY INVOKER
      RETURN (SELECT CASE WHEN s.sess->>'userId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (s.sess->>'userId')::uuid END
              FROM sessions s WHERE s.sid = p_sid AND s.expire >= now())`);
    await q.query(`
      CREATE FUNCTION app_resolve_request(p_sid text, p_user uuid, p_ws uuid, ${GUARDED_IDS.map(([, table]) => `p_${table} uuid`).join(', ')})
      RETURNS TABLE (id uuid, email text, name text, membership_id uuid, role text, client_id uuid, ${GUARDED_IDS.map(([name]) => `"${name}" boolean`).join(', ')})
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      DECLARE
        v_user uuid := coalesce(p_user, app_session_user(p_sid));
        v_client uuid;
      BEGIN
        IF v_user IS NULL THEN
          RETURN;
        END IF;
        PERFORM set_config('app.user_id', v_user::text, true), set_config('app.workspace_id', p_ws::text, true), set_config('app.client_id', '', true);
        SELECT m.client_id INTO v_client FROM memberships m WHERE m.user_id = v_user AND m.workspace_id = p_ws;
        PERFORM set_config('app.client_id', coalesce(v_client::text, ''), true);
        RETURN QUERY
          SELECT u.id, u.email::text, u.name::text, m.id, m.role::text, m.client_id,
            ${GUARDED_IDS.map(([, table]) => `p_${table} IS NULL OR EXISTS (SELECT 1 FROM ${table} t WHERE t.workspace_id = p_ws AND t.id = p_${table})`).join(',\n            ')}
          FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.workspace_id = p_ws WHERE u.id = v_user;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS app_resolve_request`);
    await q.query(`DROP FUNCTION IF EXISTS app_session_user`);
  }
}
