import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/list-audit-events';
import { actorOf, actorRoleOf, describeEvent } from './describe-event';

const MEMBERSHIP = '1a912dc5-1264-459d-80fe-c74083fe049a';

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    seq: 1,
    occurredAt: '2026-11-28T10:00:00.000Z',
    actorUserId: 'u1',
    actorName: 'Alex Morgan',
    actorRole: 'msp_admin',
    actorParty: 'msp',
    action: 'auth.signed_in',
    entityType: 'session',
    entityId: null,
    clientId: null,
    matrixId: null,
    before: null,
    after: null,
    ip: null,
    userAgent: null,
    requestId: null,
    hash: 'h',
    ...overrides,
  };
}

const lookups = {
  clients: new Map([['c1', 'Harbor Dental']]),
  people: new Map<string, string>(),
  memberships: new Map([[MEMBERSHIP, 'Ida Lindqvist']]),
};

describe('describeEvent', () => {
  it('names a renamed client by the name it had', () => {
    const renamed = event({
      action: 'client.renamed',
      entityType: 'client',
      entityId: 'c1',
      before: { name: 'Harbor Dental' },
      after: { name: 'Harbor Dental Group' },
    });
    expect(describeEvent(renamed)).toBe('renamed client Harbor Dental');
  });

  it('finds an archived client by id when the event has no name', () => {
    const archived = event({
      action: 'client.archived',
      entityType: 'client',
      entityId: 'c1',
      after: { archivedAt: 'x' },
    });
    expect(describeEvent(archived, lookups)).toBe('archived client Harbor Dental');
  });

  it('names the invited address and the member whose role changed', () => {
    expect(describeEvent(event({ action: 'invitation.created', after: { email: 'ida@harbordental.example' } }))).toBe(
      'invited ida@harbordental.example',
    );
    expect(
      describeEvent(
        event({ action: 'member.role_changed', entityId: MEMBERSHIP, before: { role: 'client_owner' } }),
        lookups,
      ),
    ).toBe('changed the role of Ida Lindqvist');
    expect(describeEvent(event({ action: 'member.removed', before: { email: 'x@y.example' } }))).toBe(
      'removed x@y.example',
    );
  });

  it('names matrices, parties and responsibilities', () => {
    expect(describeEvent(event({ action: 'matrix.created', after: { name: 'Harbor Dental 2027' } }))).toBe(
      'created matrix Harbor Dental 2027',
    );
    expect(describeEvent(event({ action: 'party.deleted', before: { name: 'Cloud vendor' } }))).toBe(
      'removed party Cloud vendor',
    );
    expect(
      describeEvent(
        event({ action: 'responsibility.letters_set', before: { title: 'Backups' }, after: { title: 'Backups' } }),
      ),
    ).toBe('set the letters of Backups');
  });

  it('needs no subject for actions that say it all', () => {
    expect(describeEvent(event({ action: 'auth.signed_in' }))).toBe('signed in');
    expect(describeEvent(event({ action: 'member.joined', after: { role: 'msp_admin' } }))).toBe(
      'joined the workspace',
    );
  });
});

describe('actor', () => {
  it('shows the name and role label, or Accord for events without a person', () => {
    expect(actorOf(event({}))).toBe('Alex Morgan');
    expect(actorRoleOf(event({}))).toBe('MSP admin');
    expect(actorOf(event({ actorName: null }))).toBe('Accord');
    expect(actorRoleOf(event({ actorRole: null }))).toBeNull();
  });
});
