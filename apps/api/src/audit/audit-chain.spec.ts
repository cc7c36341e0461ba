import { chainHash, type StoredEvent, verifyChain } from './audit-chain';
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

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const p = payload(seq);
    const hash = chainHash(prev, p);
    events.push({ payload: p, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('the audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5), GENESIS_HASH)).toEqual({ ok: true, firstBrokenSeq: null });
  });

  it('names the event whose content was changed', () => {
    const events = chain(5);
    events[2] = { ...events[2], payload: { ...events[2].payload, after: { name: 'Forged' } } };
    expect(verifyChain(events, GENESIS_HASH)).toEqual({ ok: false, firstBrokenSeq: 3 });
  });

  it('notices a removed event', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events, GENESIS_HASH)).toEqual({ ok: false, firstBrokenSeq: 3 });
  });

  it('notices a re-hashed forgery, because the next event still points at the old hash', () => {
    const events = chain(4);
    const forged = payload(2, { actorName: 'Mallory' });
    events[1] = { payload: forged, prevHash: events[0].hash, hash: chainHash(events[0].hash, forged) };
    expect(verifyChain(events, GENESIS_HASH)).toEqual({ ok: false, firstBrokenSeq: 3 });
  });

  it('does not depend on the order of keys in before and after', () => {
    const a = chainHash(GENESIS_HASH, payload(1, { after: { a: 1, b: 2 } }));
    const b = chainHash(GENESIS_HASH, payload(1, { after: { b: 2, a: 1 } }));
    expect(a).toBe(b);
  });
});
