import { canonicalJson } from '@accord/raci';
import type { AuditPayload } from './audit-event';

/**
 * The bytes an event's hash covers: its canonical JSON (RFC 8785). Written once, when the event is
 * appended, and stored as the event's `body`. The hash itself, sha256(prev_hash || body), is
 * PostgreSQL's audit_chain_hash (migration AuditVerification1765100000000), which appending and
 * verification both call.
 */
export function eventBody(payload: AuditPayload): string {
  return canonicalJson(payload);
}
