import { canonicalJson } from '@accord/raci';
import { eventBody } from './audit-chain';
import type { AuditPayload } from './audit-event';

function payload(over: Partial<AuditPayload> = {}): AuditPayload {
  return {
    workspaceId: 'w1',
    seq: 1,
    occurredAt: '2026-11-28T10:00:01.000Z',
    actorUserId: 'u1',
    actorName: 'Alex',
    actorRole: 'msp_admin',
    actorParty: 'msp',
    action: 'client.created',
    entityType: 'client',
    entityId: 'c1',
    clientId: null,
    matrixId: null,
    before: null,
    after: { name: 'Client 1' },
    ip: '127.0.0.1',
    userAgent: 'jest',
    requestId: 'r1',
    ...over,
  };
}

// The hash over these bytes, and verification, are PostgreSQL's: see audit-chain.integration-spec.ts.
describe("an audit event's hashed body", () => {
  it('is the canonical JSON of the event: sorted keys, no white space', () => {
    const body = eventBody(payload());
    expect(body).toBe(canonicalJson(payload()));
    expect(body.startsWith('{"action":"client.created","actorName":"Alex"')).toBe(true);
    expect(body).not.toMatch(/\s"|":\s/);
  });

  it('does not depend on the order of keys in before and after', () => {
    expect(eventBody(payload({ after: { a: 1, b: 2 } }))).toBe(eventBody(payload({ after: { b: 2, a: 1 } })));
  });
});
