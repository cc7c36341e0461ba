import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter of every change to a matrix's draft (a letter, a row, a party, a rename, a move),
 * where `version` counts only structural ones for If-Match. The editor's read keeps the JSON it
 * built per matrix and revision, so re-reading an unchanged matrix (every viewer refetches after
 * each edit) costs a key look-up instead of building a thousand rows again.
 */
export class MatrixRevision1764900000000 implements MigrationInterface {
  name = 'MatrixRevision1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matrices ADD COLUMN revision bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matrices DROP COLUMN IF EXISTS revision`);
  }
}
