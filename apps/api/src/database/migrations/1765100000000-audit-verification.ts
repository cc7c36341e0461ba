import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit verification moves into PostgreSQL, where the events are (AuditService.verify):
 *
 * - The chain's hash rule, hash = sha256(prev_hash || body) in lower-case hex, becomes one SQL
 *   function. Appending computes an event's hash with it and verification recomputes every hash
 *   with it, so the rule is written once. `body` is the event's canonical JSON, built by the app
 *   (libs/raci's canonicalJson); the bytes hashed are its UTF-8, the database's encoding, as they
 *   were when Node hashed them, so existing hashes stay valid.
 * - The primary key carries each event's links (prev_hash, hash) and client_id, which row-level
 *   security reads: the ordered pass over the links is then an index-only scan of about 200 bytes
 *   an event instead of a walk over the rows of about 1.7 kB (2.0 s for a million events before,
 *   0.8 s after). Inserts write the same one index, only wider.
 *
 * Before, the API read every event and hashed it in Node: sending about a kilobyte per event to
 * Node bound verification to the transfer, about 8 µs per event, three times the hashing itself.
 */
export class AuditVerification1765100000000 implements MigrationInterface {
  name = 'AuditVerification1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_chain_hash(p_prev_hash text, p_body text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN encode(sha256(convert_to(p_prev_hash || p_body, 'UTF8')), 'hex')`);
    await q.query(`
      ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey,
        ADD CONSTRAINT audit_events_pkey PRIMARY KEY (workspace_id, seq) INCLUDE (prev_hash, hash, client_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey, ADD CONSTRAINT audit_events_pkey PRIMARY KEY (workspace_id, seq)`,
    );
    await q.query(`DROP FUNCTION IF EXISTS audit_chain_hash(text, text)`);
  }
}
