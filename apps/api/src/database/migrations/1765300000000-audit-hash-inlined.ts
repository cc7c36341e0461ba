import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_chain_hash becomes STABLE, as convert_to in its body is. PostgreSQL inlines a one-line SQL
 * function into the statement that calls it only when the body is no more volatile than the
 * function says it is; declared IMMUTABLE around a STABLE convert_to, it was called through the
 * SQL-function executor for every event instead: about 1.1 µs of overhead beside 0.7 µs of
 * SHA-256, which made verifying 1,000,000 events take 2.5 s of CPU instead of 1.5 s. The rule
 * itself (the bytes hashed, the hex digest) does not change, and nothing indexes the function.
 */
export class AuditHashInlined1765300000000 implements MigrationInterface {
  name = 'AuditHashInlined1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION audit_chain_hash(text, text) STABLE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION audit_chain_hash(text, text) IMMUTABLE`);
  }
}
