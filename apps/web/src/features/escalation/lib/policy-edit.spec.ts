import { validateEscalationPolicy } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { step, testContent, testPath, testPolicy } from '../../../test/escalation-policy';
import {
  contactUses,
  fingerprint,
  moveContact,
  moveItem,
  newContact,
  newPath,
  newSeverity,
  parseScope,
  removeContact,
  samePolicy,
  scopeValue,
  slugKey,
  uniqueKey,
  withAfterHours,
  withDayOpen,
  withExtraWindow,
  withHoliday,
  withParty,
} from './policy-edit';

describe('keys', () => {
  it('makes readable keys in the shape the schema accepts', () => {
    expect(slugKey('Night shift (NOC)')).toBe('night_shift_noc');
    expect(slugKey('Åsa Öberg')).toBe('asa_oberg');
    expect(slugKey('***', 'contact')).toBe('contact');
    expect(uniqueKey('msp_contact', ['msp_contact', 'msp_contact_2'])).toBe('msp_contact_3');
    expect(uniqueKey('backups_path', [])).toBe('backups_path');
  });

  it('gives new contacts, severities and paths keys nobody else has, which validate', () => {
    const policy = testPolicy();
    const contact = { ...newContact(policy, 'msp'), name: 'Night desk' };
    const again = newContact({ contacts: [...policy.contacts, contact] }, 'msp');
    expect(contact.key).toBe('msp_contact');
    expect(again.key).toBe('msp_contact_2');
    expect(newSeverity(policy)).toMatchObject({ key: 'p5', name: 'P5' });
    const path = newPath(policy, { category: 'help_desk', responsibilityKey: null }, testContent);
    expect(path).toMatchObject({ key: 'help_desk_path', steps: [{ partyKey: 'msp', contactKey: null }], review: null });
    const next = {
      ...policy,
      contacts: [...policy.contacts, contact],
      paths: [...policy.paths, path],
      severities: [...policy.severities, newSeverity(policy)],
    };
    expect(validateEscalationPolicy(next, testContent)).toMatchObject({ ok: true });
  });
});

describe('ordering', () => {
  it('moves an item and leaves out-of-range moves alone', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });

  it('moves a contact within its party’s calling order, past contacts of other parties', () => {
    const contacts = testPolicy().contacts;
    const keys = (list: typeof contacts) => list.map((c) => c.key);
    // noc_on_call, security_lead (msp), it_admin (internal_it), practice_owner (business)
    expect(keys(moveContact(contacts, 1, -1))).toEqual(['security_lead', 'noc_on_call', 'it_admin', 'practice_owner']);
    expect(keys(moveContact(contacts, 2, -1))).toEqual(keys(contacts));
    const mixed = [contacts[0], contacts[2], contacts[1]].filter((c) => c !== undefined);
    expect(keys(moveContact(mixed, 0, 1))).toEqual(['security_lead', 'it_admin', 'noc_on_call']);
  });
});

describe('removing a contact', () => {
  it('lets the steps that called them call their party’s first contact instead', () => {
    const policy = testPolicy();
    expect(contactUses(policy, 'security_lead')).toBe(2);
    const next = removeContact(policy, 'security_lead');
    expect(next.contacts.map((c) => c.key)).not.toContain('security_lead');
    expect(contactUses(next, 'security_lead')).toBe(0);
    expect(next.paths[0]?.steps[1]).toEqual(step('msp', null, 15));
    expect(validateEscalationPolicy(next, testContent)).toMatchObject({ ok: true });
  });
});

describe('paths and steps', () => {
  it('encodes the scope for a Select and reads it back', () => {
    expect(scopeValue(testPath())).toBe('category:threat_response');
    expect(scopeValue(testPath({ category: null, responsibilityKey: 'incident_handling' }))).toBe(
      'responsibility:incident_handling',
    );
    expect(parseScope('responsibility:incident_handling')).toEqual({
      category: null,
      responsibilityKey: 'incident_handling',
    });
    expect(parseScope('category:backups')).toEqual({ category: 'backups', responsibilityKey: null });
    expect(parseScope('nonsense')).toBeNull();
    expect(parseScope(null)).toBeNull();
  });

  it('starts after-hours steps as a copy of the path’s steps, and drops them when switched off', () => {
    const path = testPath({ afterHours: null });
    const on = withAfterHours(path, true);
    expect(on.afterHours).toEqual({ steps: path.steps, repeat: path.repeat });
    expect(on.afterHours?.steps[0]).not.toBe(path.steps[0]);
    expect(withAfterHours(on, false).afterHours).toBeNull();
  });

  it('forgets a contact that does not belong to the step’s new party', () => {
    const contacts = testPolicy().contacts;
    expect(withParty(step('msp', 'security_lead'), 'business', contacts)).toMatchObject({
      partyKey: 'business',
      contactKey: null,
    });
    expect(withParty(step('msp', 'security_lead'), 'msp', contacts).contactKey).toBe('security_lead');
  });
});

describe('hours', () => {
  const schedule = testPolicy().businessHours;

  it('opens and closes days, and adds an evening window', () => {
    const saturday = withDayOpen(schedule, 'sat', true);
    expect(saturday.weekly.at(-1)).toEqual({ day: 'sat', start: '08:00', end: '17:00' });
    expect(withDayOpen(saturday, 'sat', false).weekly).toEqual(schedule.weekly);
    expect(withExtraWindow(schedule, 'mon').weekly.at(-1)).toEqual({ day: 'mon', start: '17:00', end: '24:00' });
  });

  it('keeps holidays in date order and once', () => {
    const one = withHoliday(schedule, '2026-12-25');
    const two = withHoliday(one, '2026-11-26');
    expect(withHoliday(two, '2026-12-25').holidays).toEqual(['2026-11-26', '2026-12-25']);
  });
});

describe('unsaved changes', () => {
  it('compares what a policy says, not the order its keys were written in', () => {
    const policy = testPolicy();
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    expect(samePolicy(policy, reversed(policy))).toBe(true);
    expect(samePolicy(policy, { ...policy, paths: [testPath({ repeat: 3 })] })).toBe(false);
  });

  it('copes with an emptied number input (NaN), which canonical JSON refuses', () => {
    expect(fingerprint({ wait: Number.NaN })).toBe('{"wait":NaN}');
    expect(samePolicy({ wait: Number.NaN }, { wait: Number.NaN })).toBe(true);
    expect(samePolicy({ wait: Number.NaN }, { wait: null })).toBe(false);
  });
});
