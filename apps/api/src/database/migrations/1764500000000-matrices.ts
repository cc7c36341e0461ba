import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matrices, their parties, responsibilities (rows) and letters, and a workspace's own templates.
 * Client-scoped tables carry workspace_id and client_id, with composite foreign keys on both, so
 * a row can never point into another workspace or another client.
 */
export class Matrices1764500000000 implements MigrationInterface {
  name = 'Matrices1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matrices (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        model text NOT NULL CHECK (model IN ('fully_managed', 'co_managed', 'custom')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        UNIQUE (workspace_id, client_id, id),
        FOREIGN KEY (workspace_id, client_id) REFERENCES clients (workspace_id, id)
      )`);
    await q.query(`CREATE INDEX matrices_client_idx ON matrices (workspace_id, client_id)`);

    await q.query(`
      CREATE TABLE matrix_parties (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        matrix_id uuid NOT NULL,
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        kind text NOT NULL CHECK (kind IN ('msp', 'internal_it', 'business', 'custom')),
        required_to_sign boolean NOT NULL DEFAULT false,
        position integer NOT NULL,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (workspace_id, id),
        UNIQUE (workspace_id, matrix_id, key),
        FOREIGN KEY (workspace_id, client_id, matrix_id) REFERENCES matrices (workspace_id, client_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX matrix_parties_matrix_idx ON matrix_parties (workspace_id, matrix_id, position)`);

    await q.query(`
      CREATE TABLE responsibilities (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        matrix_id uuid NOT NULL,
        key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,79}$'),
        category text NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        critical boolean NOT NULL DEFAULT false,
        tool_access text CHECK (tool_access IN ('rmm', 'documentation', 'security_dashboards')),
        after_hours boolean NOT NULL DEFAULT false,
        position integer NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id),
        UNIQUE (workspace_id, matrix_id, key),
        FOREIGN KEY (workspace_id, client_id, matrix_id) REFERENCES matrices (workspace_id, client_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX responsibilities_matrix_idx ON responsibilities (workspace_id, matrix_id, position)`);

    // One letter per party per row is the primary key itself.
    await q.query(`
      CREATE TABLE assignments (
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        matrix_id uuid NOT NULL,
        responsibility_id uuid NOT NULL,
        party_id uuid NOT NULL,
        letter char(1) NOT NULL CHECK (letter IN ('R', 'A', 'C', 'I')),
        PRIMARY KEY (workspace_id, responsibility_id, party_id),
        FOREIGN KEY (workspace_id, responsibility_id) REFERENCES responsibilities (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, party_id) REFERENCES matrix_parties (workspace_id, id) ON DELETE CASCADE,
        FOREIGN KEY (workspace_id, client_id, matrix_id) REFERENCES matrices (workspace_id, client_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX assignments_matrix_idx ON assignments (workspace_id, matrix_id)`);
    await q.query(`CREATE INDEX assignments_party_idx ON assignments (workspace_id, party_id)`);

    await q.query(`
      CREATE TABLE matrix_templates (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '',
        content jsonb NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX matrix_templates_name_key ON matrix_templates (workspace_id, lower(name))`);

    const inTenant = `workspace_id = app_workspace_id()`;
    const inClient = `(app_client_id() IS NULL OR client_id = app_client_id())`;
    for (const table of ['matrices', 'matrix_parties', 'responsibilities', 'assignments']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_tenant ON ${table} USING (${inTenant} AND ${inClient}) WITH CHECK (${inTenant} AND ${inClient})`);
    }
    await q.query(`ALTER TABLE matrix_templates ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE matrix_templates FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY matrix_templates_tenant ON matrix_templates USING (${inTenant}) WITH CHECK (${inTenant})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['assignments', 'responsibilities', 'matrix_parties', 'matrix_templates', 'matrices']) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
