import { canonicalJson } from '@accord/raci';
import { createHash } from 'node:crypto';
import type { AuditPayload } from './audit-event';

/** hash = sha256(prev_hash || canonical_json(event)), as DESIGN.md section 3 prescribes. */
export function chainHash(prevHash: string, payload: AuditPayload): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(payload)).digest('hex');
}

export interface StoredEvent {
  payload: AuditPayload;
  prevHash: string;
  hash: string;
}

/**
 * Walks a workspace's events in sequence order and names the first one that does not follow from
 * its predecessor: a changed field, a removed or re-ordered event, or a forged hash.
 */
export function verifyChain(events: readonly StoredEvent[], genesis: string): { ok: boolean; firstBrokenSeq: number | null } {
  let prev = genesis;
  let expectedSeq = 1;
  for (const event of events) {
    const seq = event.payload.seq;
    if (seq !== expectedSeq || event.prevHash !== prev || chainHash(prev, event.payload) !== event.hash) {
      return { ok: false, firstBrokenSeq: seq };
    }
    prev = event.hash;
    expectedSeq += 1;
  }
  return { ok: true, firstBrokenSeq: null };
}
