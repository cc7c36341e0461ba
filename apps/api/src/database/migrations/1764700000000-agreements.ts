import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agreement: claims on rows, frozen versions with their hash, signatures bound to that hash,
 * in-app notifications, and how often an agreement must be reviewed. A version's content and
 * hash can never change once written (a trigger refuses it), and signatures are append-only for
 * the application role: what was signed stays provable.
 */
export class Agreements1764700000000 implements MigrationInterface {
  name = 'Agreements1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workspaces ADD COLUMN review_interval_days integer NOT NULL DEFAULT 365 CHECK (review_interval_days BETWEEN 1 AND 3650)`);

    await q.query(`
      CREATE TABLE claims (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        matrix_id uuid NOT NULL,
        responsibility_id uuid NOT NULL,
        proposed_for text NOT NULL CHECK (proposed_for IN ('msp', 'internal_it')),
        letters jsonb NOT NULL CHECK (jsonb_typeof(letters) = 'object'),
        letters_before jsonb NOT NULL CHECK (jsonb_typeof(letters_before) = 'object'),
        row_version integer NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'declined')),
        proposed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        proposed_by_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_by_name text,
        decided_at timestamptz,
        decision_reason text CHECK (length(decision_reason) <= 2000),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (workspace_id, id),
        FOREIGN KEY (workspace_id, client_id, matrix_id) REFERENCES matrices (workspace_id, client_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, responsibility_id) REFERENCES responsibilities (workspace_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX claims_matrix_idx ON claims (workspace_id, matrix_id, state, created_at DESC)`);

    await q.query(`
      CREATE TABLE matrix_versions (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        matrix_id uuid NOT NULL,
        number integer NOT NULL CHECK (number >= 1),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
        snapshot jsonb NOT NULL,
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        requested_by_name text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        UNIQUE (workspace_id, id),
        UNIQUE (workspace_id, matrix_id, number),
        FOREIGN KEY (workspace_id, client_id, matrix_id) REFERENCES matrices (workspace_id, client_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE FUNCTION matrix_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.hash IS DISTINCT FROM OLD.hash OR NEW.number IS DISTINCT FROM OLD.number
           OR NEW.matrix_id IS DISTINCT FROM OLD.matrix_id OR NEW.workspace_id IS DISTINCT FROM OLD.workspace_id THEN
          RAISE EXCEPTION 'a version''s content is frozen' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER matrix_versions_frozen BEFORE UPDATE ON matrix_versions FOR EACH ROW EXECUTE FUNCTION matrix_versions_frozen()`);

    await q.query(`
      CREATE TABLE signatures (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        matrix_id uuid NOT NULL,
        version_id uuid NOT NULL,
        party_key text NOT NULL,
        party_name text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('signed', 'rejected')),
        reason text CHECK (length(reason) <= 2000),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        user_name text NOT NULL,
        role text NOT NULL,
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        signed_at timestamptz NOT NULL DEFAULT now(),
        ip text,
        user_agent text,
        UNIQUE (workspace_id, version_id, party_key),
        FOREIGN KEY (workspace_id, version_id) REFERENCES matrix_versions (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, client_id, matrix_id) REFERENCES matrices (workspace_id, client_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        client_id uuid,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (workspace_id, id)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (workspace_id, user_id, created_at DESC)`);

    const inTenant = `workspace_id = app_workspace_id()`;
    const inClient = `(app_client_id() IS NULL OR client_id = app_client_id())`;
    for (const table of ['claims', 'matrix_versions', 'signatures']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_tenant ON ${table} USING (${inTenant} AND ${inClient}) WITH CHECK (${inTenant} AND ${inClient})`);
    }
    // Everyone may notify colleagues of their workspace (or client); each reads and marks only their own.
    await q.query(`ALTER TABLE notifications ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE notifications FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY notifications_send ON notifications FOR INSERT WITH CHECK (${inTenant} AND ${inClient})`);
    await q.query(`CREATE POLICY notifications_mine ON notifications FOR SELECT USING (${inTenant} AND user_id = app_user_id())`);
    await q.query(`CREATE POLICY notifications_mark ON notifications FOR UPDATE USING (${inTenant} AND user_id = app_user_id()) WITH CHECK (${inTenant} AND user_id = app_user_id())`);

    // Who should hear about a change of one client's agreement: the people of the workspace who
    // hold one of the roles, MSP-wide or on that client. Client users cannot list MSP staff under
    // row-level security, so this narrow look-up runs as the owner, inside the caller's workspace.
    await q.query(`
      CREATE FUNCTION notification_recipients(p_client_id uuid, p_roles text[])
      RETURNS TABLE (user_id uuid, name text, email text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
      $$ SELECT u.id, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = app_workspace_id() AND m.role = ANY (p_roles)
           AND (m.client_id IS NULL OR m.client_id = p_client_id)
           AND (app_client_id() IS NULL OR app_client_id() = p_client_id)
         ORDER BY u.name $$`);
    await q.query(`REVOKE ALL ON FUNCTION notification_recipients(uuid, text[]) FROM PUBLIC`);
    await q.query(`
      DO $$
      DECLARE app text := current_setting('accord.app_role');
      BEGIN
        EXECUTE format('GRANT EXECUTE ON FUNCTION notification_recipients(uuid, text[]) TO %I', app);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON signatures FROM %I', app);
        EXECUTE format('REVOKE DELETE, TRUNCATE ON matrix_versions FROM %I', app);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS notification_recipients(uuid, text[])`);
    for (const table of ['notifications', 'signatures', 'matrix_versions', 'claims']) await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS matrix_versions_frozen()`);
    await q.query(`ALTER TABLE workspaces DROP COLUMN IF EXISTS review_interval_days`);
  }
}
