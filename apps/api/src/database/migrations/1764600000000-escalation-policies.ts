import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One escalation policy per matrix, kept as a single JSON document: it is edited, validated
 * (libs/raci) and later frozen into a version as a whole, and its parts refer to each other and
 * to the matrix by stable keys rather than by row ids. The version column carries optimistic
 * concurrency for the whole document.
 */
export class EscalationPolicies1764600000000 implements MigrationInterface {
  name = 'EscalationPolicies1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalation_policies (
        workspace_id uuid NOT NULL,
        client_id uuid NOT NULL,
        matrix_id uuid NOT NULL,
        document jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        PRIMARY KEY (workspace_id, matrix_id),
        FOREIGN KEY (workspace_id, client_id, matrix_id) REFERENCES matrices (workspace_id, client_id, id) ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE escalation_policies ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE escalation_policies FORCE ROW LEVEL SECURITY`);
    const scope = `workspace_id = app_workspace_id() AND (app_client_id() IS NULL OR client_id = app_client_id())`;
    await q.query(`CREATE POLICY escalation_policies_tenant ON escalation_policies USING (${scope}) WITH CHECK (${scope})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS escalation_policies`);
  }
}
