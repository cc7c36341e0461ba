import { canonicalJson } from '@accord/raci';
import { createHash } from 'node:crypto';
import { ChainVerifier, chainHash, eventBody, type StoredEvent, verifyChain } from './audit-chain';
import { type AuditPayload, GENESIS_HASH } from './audit-event';

function payload(seq: number, over: Partial<AuditPayload> = {}): AuditPayload {
  return {
    workspaceId: 'w1',
    seq,
    occurredAt: `2026-11-28T10:00:0${seq}.000Z`,
    actorUserId: 'u1',
    actorName: 'Alex',
    actorRole: 'msp_admin',
    actorParty: 'msp',
    action: 'client.created',
    entityType: 'client',
    entityId: `c${seq}`,
    clientId: null,
    matrixId: null,
    before: null,
    after: { name: `Client ${seq}` },
    ip: '127.0.0.1',
    userAgent: 'jest',
    requestId: `r${seq}`,
    ...over,
  };
}

function stored(prevHash: string, p: AuditPayload): StoredEvent {
  const body = eventBody(p);
  return { seq: p.seq, prevHash, body, hash: chainHash(prevHash, body) };
}

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const event = stored(prev, payload(seq));
    events.push(event);
    prev = event.hash;
  }
  return events;
}

describe('the audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5), GENESIS_HASH)).toEqual({ ok: true, firstBrokenSeq: null });
  });

  it('names the event whose content was changed', () => {
    const events = chain(5);
    events[2] = { ...events[2], body: eventBody(payload(3, { after: { name: 'Forged' } })) };
    expect(verifyChain(events, GENESIS_HASH)).toEqual({ ok: false, firstBrokenSeq: 3 });
  });

  it('notices a removed event', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events, GENESIS_HASH)).toEqual({ ok: false, firstBrokenSeq: 3 });
  });

  it('notices a re-hashed forgery, because the next event still points at the old hash', () => {
    const events = chain(4);
    events[1] = stored(events[0].hash, payload(2, { actorName: 'Mallory' }));
    expect(verifyChain(events, GENESIS_HASH)).toEqual({ ok: false, firstBrokenSeq: 3 });
  });

  it('does not depend on the order of keys in before and after', () => {
    const a = stored(GENESIS_HASH, payload(1, { after: { a: 1, b: 2 } }));
    const b = stored(GENESIS_HASH, payload(1, { after: { b: 2, a: 1 } }));
    expect(a.hash).toBe(b.hash);
  });

  it('hashes the previous hash and then the canonical JSON of the event, nothing else', () => {
    const p = payload(1);
    const expected = createHash('sha256').update(`${GENESIS_HASH}${canonicalJson(p)}`).digest('hex');
    expect(stored(GENESIS_HASH, p).hash).toBe(expected);
  });

  it('names a body changed by one byte; the events after it do not change the verdict', () => {
    const events = chain(5);
    events[3] = { ...events[3], body: events[3].body.replace('Client 4', 'Client 5') };
    const verifier = new ChainVerifier(GENESIS_HASH);
    for (const event of events) verifier.add(event);
    expect(verifier.verdict).toEqual({ ok: false, firstBrokenSeq: 4 });
  });

  it('notices an event whose stored link does not point at its predecessor', () => {
    const events = chain(3);
    events[1] = { ...events[1], prevHash: GENESIS_HASH };
    expect(verifyChain(events, GENESIS_HASH)).toEqual({ ok: false, firstBrokenSeq: 2 });
  });
});
