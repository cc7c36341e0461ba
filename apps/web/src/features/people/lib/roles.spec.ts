import { ROLES, ROLE_LABELS } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { ROLE_HINTS, roleChoiceMessage, roleFrom, roleOptions } from './roles';

describe('roleOptions', () => {
  it('offers every role once, MSP roles first, with the shared labels', () => {
    const options = roleOptions();
    expect(options.map((group) => group.group)).toEqual(['MSP (whole workspace)', 'Client company']);
    const items = options.flatMap((group) => group.items);
    expect(items.map((item) => item.value).sort()).toEqual([...ROLES].sort());
    for (const item of items) expect(item.label).toBe(ROLE_LABELS[item.value]);
    for (const role of ROLES) expect(ROLE_HINTS[role]).toMatch(/\.$/);
  });
});

describe('roleChoiceMessage', () => {
  it('needs a role, and a client for client roles only', () => {
    expect(roleChoiceMessage('', '')).toEqual({ role: 'Choose a role' });
    expect(roleChoiceMessage('owner', '')).toEqual({ role: 'Choose a role' });
    expect(roleChoiceMessage('client_owner', '')).toEqual({ clientId: 'Choose the client this person belongs to' });
    expect(roleChoiceMessage('client_owner', 'c1')).toEqual({});
    expect(roleChoiceMessage('msp_engineer', '')).toEqual({});
    expect(roleFrom('msp_admin')).toBe('msp_admin');
    expect(roleFrom('root')).toBeNull();
  });
});
