import { describe, expect, it } from 'vitest';
import { changedFields, fieldLabel, formatValue, summarizeChanges, type AuditLookups } from './changes';

const CLIENT = '6e0f1a52-0000-4000-8000-000000000101';
const USER = '636e68da-d09a-4219-8964-437016292fb5';
const lookups: AuditLookups = {
  clients: new Map([[CLIENT, 'Harbor Dental']]),
  people: new Map([[USER, 'Ida Lindqvist']]),
  memberships: new Map(),
};

describe('changedFields', () => {
  it('lists only the fields whose value changed', () => {
    expect(
      changedFields({ name: 'Harbor Dental', region: 'EU' }, { name: 'Harbor Dental Group', region: 'EU' }),
    ).toEqual([{ key: 'name', label: 'Name', kind: 'changed', before: 'Harbor Dental', after: 'Harbor Dental Group' }]);
  });

  it('treats every field of a creation as added and of a deletion as removed', () => {
    expect(changedFields(null, { name: 'Harbor Dental' })).toEqual([
      { key: 'name', label: 'Name', kind: 'added', before: undefined, after: 'Harbor Dental' },
    ]);
    expect(changedFields({ email: 'ida@harbordental.example' }, null)).toEqual([
      { key: 'email', label: 'E-mail', kind: 'removed', before: 'ida@harbordental.example', after: undefined },
    ]);
  });

  it('sees a field that went from a value to null as changed, not removed', () => {
    const [change] = changedFields({ archivedAt: '2026-11-28T10:00:00.000Z' }, { archivedAt: null });
    expect(change).toMatchObject({ key: 'archivedAt', kind: 'changed', after: null });
  });

  it('compares nested values by content, not by key order', () => {
    expect(changedFields({ hours: { from: 8, to: 17 } }, { hours: { to: 17, from: 8 } })).toEqual([]);
    expect(changedFields({ days: ['mon', 'tue'] }, { days: ['mon'] })).toHaveLength(1);
  });

  it('keeps the order of the event: after first, then what only before had', () => {
    const keys = changedFields({ role: 'client_owner', userId: USER }, { clientId: CLIENT, role: 'msp_admin' }).map(
      (change) => change.key,
    );
    expect(keys).toEqual(['clientId', 'role', 'userId']);
  });

  it('has nothing to show for events without before and after', () => {
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields('text', [1, 2])).toEqual([]);
  });
});

describe('formatValue', () => {
  it('names roles, clients and people instead of showing codes and ids', () => {
    expect(formatValue('role', 'client_it_admin', lookups)).toBe('Internal IT admin');
    expect(formatValue('clientId', CLIENT, lookups)).toBe('Harbor Dental');
    expect(formatValue('userId', USER, lookups)).toBe('Ida Lindqvist');
  });

  it('shortens ids it cannot name', () => {
    expect(formatValue('clientId', '00000000-1111-2222-3333-444444444444')).toBe('client 00000000…');
  });

  it('shows nothing as an em dash, booleans as words and objects as JSON', () => {
    expect(formatValue('archivedAt', null)).toBe('—');
    expect(formatValue('name', '')).toBe('—');
    expect(formatValue('required', true)).toBe('yes');
    expect(formatValue('hours', { from: 8 })).toBe('{"from":8}');
    expect(formatValue('name', 'Harbor Dental')).toBe('Harbor Dental');
  });

  it('reads letters by party, lists of changes and support models as text', () => {
    expect(formatValue('letters', { msp: 'R', internal_it: 'A' })).toBe('msp: R, internal_it: A');
    expect(formatValue('letters', {})).toBe('—');
    expect(formatValue('changes', ['Added “Backups”', 'MSP: R → A'])).toBe('Added “Backups”; MSP: R → A');
    expect(formatValue('model', 'co_managed')).toBe('Co-managed');
    expect(formatValue('hours', [1, 2])).toBe('[1,2]');
  });

  it('shows instants as dates', () => {
    expect(formatValue('archivedAt', '2026-11-28T10:00:00.000Z')).not.toContain('T10:00');
  });
});

describe('summarizeChanges', () => {
  it('reads as key: old → new', () => {
    const changes = changedFields(
      { role: 'client_owner', clientId: CLIENT, note: 'x' },
      { role: 'msp_engineer', clientId: null, name: 'Ida' },
    );
    expect(summarizeChanges(changes, lookups)).toBe(
      'Role: Business owner → MSP engineer; Client: Harbor Dental → —; Name: Ida; Note: x (removed)',
    );
  });
});

describe('fieldLabel', () => {
  it('turns keys into words', () => {
    expect(fieldLabel('responseTargetMinutes')).toBe('Response target minutes');
    expect(fieldLabel('after_hours')).toBe('After hours');
    expect(fieldLabel('clientId')).toBe('Client');
  });
});
