import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity, tenancy and the audit chain, with isolation in the database itself (DESIGN.md
 * section 3): every tenant table carries workspace_id, foreign keys include it, and row-level
 * security is enabled and FORCED with policies that fail closed when no tenant is set.
 */
export class IdentityTenancyAudit1764400000000 implements MigrationInterface {
  name = 'IdentityTenancyAudit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // The request's tenant, read from settings that die with the transaction. NULL when unset,
    // so `workspace_id = app_workspace_id()` is never true outside a tenant transaction.
    for (const [fn, setting] of [
      ['app_workspace_id', 'app.workspace_id'],
      ['app_client_id', 'app.client_id'],
      ['app_user_id', 'app.user_id'],
    ]) {
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT nullif(current_setting('${setting}', true), '')::uuid $$`);
    }

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await q.query(`
      CREATE TABLE sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expire_idx ON sessions (expire)`);

    await q.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at)`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at)`);

    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE clients (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX clients_name_key ON clients (workspace_id, lower(name))`);

    await q.query(`
      CREATE TABLE memberships (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('msp_admin', 'msp_engineer', 'client_it_admin', 'client_owner', 'client_viewer')),
        client_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        UNIQUE (workspace_id, user_id),
        FOREIGN KEY (workspace_id, client_id) REFERENCES clients (workspace_id, id),
        CHECK ((role LIKE 'client\\_%') = (client_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await q.query(`CREATE INDEX memberships_client_idx ON memberships (workspace_id, client_id)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('msp_admin', 'msp_engineer', 'client_it_admin', 'client_owner', 'client_viewer')),
        client_id uuid,
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, client_id) REFERENCES clients (workspace_id, id),
        CHECK ((role LIKE 'client\\_%') = (client_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX invitations_client_idx ON invitations (workspace_id, client_id)`);

    await q.query(`
      CREATE TABLE audit_chain_heads (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0,
        hash text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_name text,
        actor_role text,
        actor_party text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        client_id uuid,
        matrix_id uuid,
        before jsonb,
        after jsonb,
        ip text,
        user_agent text,
        request_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (workspace_id, seq),
        FOREIGN KEY (workspace_id, client_id) REFERENCES clients (workspace_id, id)
      )`);
    await q.query(`CREATE INDEX audit_events_client_idx ON audit_events (workspace_id, client_id, seq)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (workspace_id, actor_user_id, seq)`);
    await q.query(`CREATE INDEX audit_events_occurred_idx ON audit_events (workspace_id, occurred_at)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);

    // Row-level security, forced so that not even the owner escapes it by accident.
    for (const table of ['users', 'workspaces', 'clients', 'memberships', 'invitations', 'audit_chain_heads', 'audit_events']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    const inTenant = `workspace_id = app_workspace_id()`;
    const inClient = `(app_client_id() IS NULL OR client_id = app_client_id())`;

    await q.query(`CREATE POLICY workspaces_tenant ON workspaces USING (id = app_workspace_id()) WITH CHECK (id = app_workspace_id())`);
    // "Which workspaces am I in?" comes before a tenant is chosen.
    await q.query(`
      CREATE POLICY workspaces_mine ON workspaces FOR SELECT
      USING (EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = workspaces.id AND m.user_id = app_user_id()))`);

    await q.query(`
      CREATE POLICY clients_tenant ON clients
      USING (${inTenant} AND (app_client_id() IS NULL OR id = app_client_id()))
      WITH CHECK (${inTenant} AND (app_client_id() IS NULL OR id = app_client_id()))`);

    await q.query(`CREATE POLICY memberships_tenant ON memberships USING (${inTenant} AND ${inClient}) WITH CHECK (${inTenant} AND ${inClient})`);
    await q.query(`CREATE POLICY memberships_mine ON memberships FOR SELECT USING (user_id = app_user_id())`);

    await q.query(`CREATE POLICY invitations_tenant ON invitations USING (${inTenant} AND ${inClient}) WITH CHECK (${inTenant} AND ${inClient})`);

    await q.query(`CREATE POLICY audit_chain_heads_tenant ON audit_chain_heads USING (${inTenant}) WITH CHECK (${inTenant})`);
    await q.query(`CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (${inTenant} AND ${inClient})`);
    await q.query(`CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (${inTenant} AND ${inClient})`);

    // A person sees themself, and the people of the workspace (or client) they are working in.
    await q.query(`CREATE POLICY users_self ON users USING (id = app_user_id()) WITH CHECK (id = app_user_id())`);
    await q.query(`
      CREATE POLICY users_colleagues ON users FOR SELECT
      USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.workspace_id = app_workspace_id()))`);

    // Look-ups that must happen before anyone is known, each narrowed to one row and to the
    // columns the caller needs. Owned by the owner (BYPASSRLS); the app may only execute them.
    await q.query(`
      CREATE FUNCTION auth_user_by_email(p_email text)
      RETURNS TABLE (id uuid, name text, password_hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT u.id, u.name, u.password_hash FROM users u WHERE u.email = lower(p_email) $$`);
    await q.query(`
      CREATE FUNCTION invitation_by_token_hash(p_token_hash text)
      RETURNS TABLE (id uuid, workspace_id uuid, workspace_name text, email text, role text, client_id uuid,
                     client_name text, expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT i.id, i.workspace_id, w.name, i.email, i.role, i.client_id, c.name, i.expires_at, i.accepted_at, i.revoked_at
         FROM invitations i JOIN workspaces w ON w.id = i.workspace_id
         LEFT JOIN clients c ON c.workspace_id = i.workspace_id AND c.id = i.client_id
         WHERE i.token_hash = p_token_hash $$`);
    for (const fn of ['auth_user_by_email(text)', 'invitation_by_token_hash(text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
    }

    await q.query(`
      DO $$
      DECLARE app text := current_setting('accord.app_role');
      BEGIN
        EXECUTE format('GRANT EXECUTE ON FUNCTION auth_user_by_email(text), invitation_by_token_hash(text) TO %I', app);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM %I', app);
        EXECUTE format('REVOKE DELETE, TRUNCATE ON audit_chain_heads FROM %I', app);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS invitation_by_token_hash(text)`);
    await q.query(`DROP FUNCTION IF EXISTS auth_user_by_email(text)`);
    for (const table of ['audit_events', 'audit_chain_heads', 'invitations', 'memberships', 'clients', 'workspaces', 'login_attempts', 'sessions', 'users']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_append_only()`);
    for (const fn of ['app_workspace_id', 'app_client_id', 'app_user_id']) await q.query(`DROP FUNCTION IF EXISTS ${fn}()`);
  }
}
