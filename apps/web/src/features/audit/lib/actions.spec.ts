import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, AUDIT_ACTIONS, actionFilterOptions, actionLabel, isAuditAction } from './actions';

describe('action labels', () => {
  it('reads each action as plain words after the actor', () => {
    expect(actionLabel('client.renamed')).toBe('renamed client');
    expect(actionLabel('auth.sign_in_failed')).toBe('failed to sign in');
    expect(actionLabel('member.role_changed')).toBe('changed the role of');
    expect(actionLabel('workspace.created')).toBe('created the workspace');
  });

  it('has words for every action of the API, none of them a raw code', () => {
    for (const action of AUDIT_ACTIONS) {
      // Words ("requested sign-off of"), never a code such as "version.requested" or "sign_off".
      expect(ACTION_LABELS[action]).toMatch(/^[a-z][a-z -]+$/);
      expect(ACTION_LABELS[action]).not.toContain('.');
    }
  });

  it('still reads an action a newer API adds', () => {
    expect(isAuditAction('version.signed_off')).toBe(false);
    expect(actionLabel('version.signed_off')).toBe('version: signed off');
    expect(actionLabel('claim.made')).toBe('claim: made');
    expect(actionLabel('reindexed')).toBe('reindexed');
  });

  it('does not mistake inherited object keys for actions', () => {
    expect(isAuditAction('toString')).toBe(false);
    expect(isAuditAction('constructor')).toBe(false);
  });
});

describe('actionFilterOptions', () => {
  it('offers every action once, grouped, with a capitalised label', () => {
    const groups = actionFilterOptions();
    const values = groups.flatMap((group) => group.items.map((item) => item.value));
    expect(values.sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(groups.map((group) => group.group)).toEqual([
      'Sign-in',
      'Workspace',
      'Clients',
      'Invitations',
      'People',
      'Matrices',
      'Parties',
      'Responsibilities',
      'Templates',
      'Escalation',
      'Claims',
      'Sign-off',
    ]);
    const clients = groups.find((group) => group.group === 'Clients');
    expect(clients?.items).toContainEqual({ value: 'client.renamed', label: 'Renamed client' });
    const invitations = groups.find((group) => group.group === 'Invitations');
    expect(invitations?.items).toContainEqual({ value: 'invitation.created', label: 'Invitation sent' });
  });
});
