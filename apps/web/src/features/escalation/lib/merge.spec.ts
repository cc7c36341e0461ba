import { validateEscalationPolicy } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { step, testContent, testPath, testPolicy } from '../../../test/escalation-policy';
import { mergeItemLabel, mergePolicies, mergeSideSummary } from './merge';

const base = testPolicy();
const review = { userId: 'u-sam', name: 'Sam Patel', at: '2026-11-30T10:00:00.000Z' };

describe('mergePolicies', () => {
  it('keeps my edits and takes theirs when we changed different entries', () => {
    const mine = { ...base, severities: base.severities.map((s, i) => (i === 0 ? { ...s, name: 'P1 Critical' } : s)) };
    const theirs = {
      ...base,
      contacts: base.contacts.map((c) => (c.key === 'it_admin' ? { ...c, phone: '+1 555 0299' } : c)),
    };
    const merged = mergePolicies(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.theirChanges.map((item) => item.id)).toEqual(['contacts:it_admin']);
    expect(merged.policy.severities[0]?.name).toBe('P1 Critical');
    expect(merged.policy.contacts.find((c) => c.key === 'it_admin')?.phone).toBe('+1 555 0299');
  });

  it('reports an entry both changed differently, keeps mine by default and theirs when chosen', () => {
    const mine = { ...base, paths: [testPath({ repeat: 3 })] };
    const theirs = { ...base, paths: [testPath({ repeat: 0 })] };
    const merged = mergePolicies(base, mine, theirs);
    expect(merged.conflicts.map((item) => item.id)).toEqual(['paths:security_incidents']);
    expect(merged.policy.paths[0]?.repeat).toBe(3);
    expect(mergePolicies(base, mine, theirs, { 'paths:security_incidents': 'theirs' }).policy.paths[0]?.repeat).toBe(0);
  });

  it('treats a review as no change of content: their review stays on a path I left alone, mine wins where I edited', () => {
    const theirs = { ...base, paths: [testPath({ review })] };
    expect(mergePolicies(base, base, theirs).policy.paths[0]?.review).toEqual(review);
    const mine = { ...base, paths: [testPath({ steps: [step('msp', 'security_lead', 5)] })] };
    const merged = mergePolicies(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.policy.paths[0]?.steps).toEqual([step('msp', 'security_lead', 5)]);
  });

  it('keeps their additions and my removals', () => {
    const mine = { ...base, contacts: base.contacts.filter((c) => c.key !== 'practice_owner'), paths: [] };
    const added = { key: 'night_desk', partyKey: 'msp', name: 'Night desk', role: '', phone: '', email: '' };
    const theirs = { ...base, contacts: [...base.contacts, added] };
    const merged = mergePolicies(base, mine, theirs);
    expect(merged.policy.contacts.map((c) => c.key)).toEqual([
      'noc_on_call',
      'security_lead',
      'it_admin',
      'night_desk',
    ]);
    expect(merged.policy.paths).toEqual([]);
    expect(validateEscalationPolicy(merged.policy, testContent)).toMatchObject({ ok: true });
  });

  it('calls it a conflict when they removed what I changed', () => {
    const mine = { ...base, paths: [testPath({ repeat: 4 })] };
    const theirs = { ...base, paths: [] };
    const merged = mergePolicies(base, mine, theirs);
    expect(merged.conflicts.map((item) => item.id)).toEqual(['paths:security_incidents']);
    expect(mergePolicies(base, mine, theirs, { 'paths:security_incidents': 'theirs' }).policy.paths).toEqual([]);
  });

  it('follows my new calling order when they only edited a contact', () => {
    const [noc, lead, ...rest] = base.contacts;
    if (!noc || !lead) throw new Error('test policy has contacts');
    const mine = { ...base, contacts: [lead, noc, ...rest] };
    const theirs = {
      ...base,
      contacts: base.contacts.map((c) => (c.key === 'noc_on_call' ? { ...c, role: 'Night shift' } : c)),
    };
    const merged = mergePolicies(base, mine, theirs);
    expect(merged.policy.contacts.map((c) => c.key)).toEqual([
      'security_lead',
      'noc_on_call',
      'it_admin',
      'practice_owner',
    ]);
    expect(merged.policy.contacts[1]?.role).toBe('Night shift');
  });

  it('merges business hours as a whole', () => {
    const mine = { ...base, businessHours: { ...base.businessHours, holidays: ['2026-12-25'] } };
    const theirs = { ...base, businessHours: { ...base.businessHours, timeZone: 'America/Chicago' } };
    const merged = mergePolicies(base, mine, theirs);
    expect(merged.conflicts.map((item) => item.id)).toEqual(['businessHours']);
  });
});

describe('describing merge entries', () => {
  it('names the entry and each side in words', () => {
    const mine = { ...base, paths: [testPath({ repeat: 0, afterHours: null })] };
    const theirs = { ...base, paths: [] };
    const [conflict] = mergePolicies(base, mine, theirs).conflicts;
    if (!conflict) throw new Error('expected a conflict');
    expect(mergeItemLabel(conflict, testContent)).toBe('Path for Threat response');
    expect(mergeSideSummary(conflict, 'theirs', theirs, testContent)).toBe('Removed');
    expect(mergeSideSummary(conflict, 'mine', mine, testContent)).toMatch(
      /^Threat response, all severities: Internal IT \(Ida Lindqvist\)/,
    );
  });
});
