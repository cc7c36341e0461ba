import { canonicalJson } from '@accord/raci';
import { createHash } from 'node:crypto';
import type { AuditPayload } from './audit-event';

/**
 * The bytes an event's hash covers: its canonical JSON (RFC 8785). Written once, when the event is
 * appended, and stored as the event's `body`; verification hashes the stored body as it is.
 */
export function eventBody(payload: AuditPayload): string {
  return canonicalJson(payload);
}

/** hash = sha256(prev_hash || canonical_json(event)), as DESIGN.md section 3 prescribes. */
export function chainHash(prevHash: string, body: string): string {
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** One stored event as verification reads it: its place, its links and the hashed body. */
export interface StoredEvent {
  seq: number;
  prevHash: string;
  body: string;
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  firstBrokenSeq: number | null;
}

/**
 * Walks a workspace's events in sequence order, one at a time (so a chain of any length can be
 * streamed through it), and names the first one that does not follow from its predecessor: a
 * changed body, a removed or re-ordered event, or a forged hash. After a break it only counts.
 */
export class ChainVerifier {
  private prev: string;
  private expectedSeq = 1;
  private brokenAt: number | null = null;

  constructor(genesis: string) {
    this.prev = genesis;
  }

  add(event: StoredEvent): void {
    if (this.brokenAt !== null) return;
    if (event.seq !== this.expectedSeq || event.prevHash !== this.prev || chainHash(this.prev, event.body) !== event.hash) {
      this.brokenAt = event.seq;
      return;
    }
    this.prev = event.hash;
    this.expectedSeq += 1;
  }

  get verdict(): ChainVerdict {
    return { ok: this.brokenAt === null, firstBrokenSeq: this.brokenAt };
  }
}

export function verifyChain(events: Iterable<StoredEvent>, genesis: string): ChainVerdict {
  const verifier = new ChainVerifier(genesis);
  for (const event of events) verifier.add(event);
  return verifier.verdict;
}
