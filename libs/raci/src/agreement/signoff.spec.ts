import { escalationGaps } from '../escalation/gaps';
import { type EscalationPolicy } from '../escalation/types';
import { type MatrixContent, PARTY_KINDS, type PartyKind, withLetter } from '../matrix';
import { can, ROLES, type Role } from '../roles';
import { harborAgreement } from '../testing/agreement';
import { escalationPath, HARBOR_CONTACTS, policyWith, step } from '../testing/escalation';
import { matrix, party, responsibility } from '../testing/factories';
import { canSignFor, requiredSigners, rolesThatSignFor, SIGNING_ROLES, signOffBlockers } from './signoff';

const { content, policy } = harborAgreement();
/** A Saturday: the checked week runs from Saturday 08:00 in New York to the next Saturday. */
const saturday = '2026-03-28T12:00:00Z';

function withRow(key: string, edit: (content: MatrixContent) => MatrixContent): MatrixContent {
  expect(content.responsibilities.some((r) => r.key === key)).toBe(true);
  return edit(content);
}

describe('signOffBlockers', () => {
  it('finds nothing in Harbor Dental’s agreement, which may be sent for sign-off', () => {
    expect(signOffBlockers(content, policy, saturday)).toEqual([]);
  });

  it('names every row that breaks a RACI rule by its title', () => {
    const broken = withRow('os_patching', (c) => ({
      ...c,
      responsibilities: c.responsibilities.map((r) =>
        r.key === 'os_patching' ? withLetter(r, 'internal_it', 'R') : r.key === 'wifi' ? withLetter(r, 'msp', 'A') : r,
      ),
    }));
    expect(signOffBlockers(broken, policy, saturday)).toEqual([
      {
        field: 'responsibilities.os_patching',
        rowKey: 'os_patching',
        message: "'Operating system patching': Nobody is accountable (A) for this responsibility.",
      },
      {
        field: 'responsibilities.wifi',
        rowKey: 'wifi',
        message: "'Wi-Fi': Only one party may be accountable (A); this row has several.",
      },
    ]);
  });

  it('names a party that breaks a rule of the matrix', () => {
    const unnamed = matrix({
      parties: [party('msp'), party('business', { name: ' ' })],
      responsibilities: [responsibility('wifi', { msp: 'R', business: 'A' })],
    });
    expect(signOffBlockers(unnamed, policyWith(unnamed, 'UTC'), saturday)).toEqual([
      { field: 'parties.business', message: "The party 'business' has no name." },
    ]);
  });

  it('refuses while a P1 path reaches nobody on duty at some hour of the week', () => {
    const officeHoursOnly: EscalationPolicy = {
      ...policy,
      paths: [
        ...policy.paths.slice(1),
        escalationPath('security_incident_p1', {
          category: 'threat_response',
          severities: ['p1'],
          steps: [step('internal_it', 'internal_it_admin', 10)],
        }),
      ],
    };
    const blockers = signOffBlockers(content, officeHoursOnly, saturday);
    expect(blockers).toHaveLength(1);
    expect(blockers[0].field).toBe('escalation.paths.security_incident_p1');
    expect(blockers[0]).not.toHaveProperty('rowKey');
    expect(blockers[0].message).toMatch(
      /^If a P1 Emergency about Threat response is reported on Saturday 08:00 \(America\/New_York\), the steps call Internal IT \(Ida Hart\), but nobody called is on duty then/,
    );
  });

  it('refuses while a step calls a contact that is gone, on any path', () => {
    const gone: EscalationPolicy = {
      ...policy,
      contacts: HARBOR_CONTACTS.filter((c) => c.key !== 'msp_security_lead').map((c) => ({ ...c })),
    };
    const blockers = signOffBlockers(content, gone, saturday);
    expect(blockers.map((b) => [b.field, b.rowKey])).toEqual([
      // Step 2 now calls nobody, which leaves the late afternoon, after Ida's day ends, without an answer.
      ['escalation.paths.security_incident_p1', undefined],
      ['escalation.paths.security_incident_p1', undefined],
      ['escalation.paths.security_incident_p1', undefined],
      ['escalation.paths.isolate_infected_device', 'device_isolation'],
    ]);
    expect(blockers[1].message).toBe(
      "Step 2 of the business-hours steps for Threat response: The contact 'msp_security_lead' no longer exists, so this step calls nobody. Choose who should be called instead.",
    );
    expect(blockers[3].message).toBe(
      "Step 2 of the steps for 'Isolating infected devices': The contact 'msp_security_lead' no longer exists, so this step calls nobody. Choose who should be called instead.",
    );
  });

  it('lets slow waits and critical rows without a path through: the gap report shows them, they do not block', () => {
    const kinds = new Set(escalationGaps(policy, content, saturday).map((g) => g.kind));
    expect(kinds).toEqual(new Set(['critical_without_path']));
    const slow: EscalationPolicy = {
      ...policy,
      paths: policy.paths.map((p) =>
        p.key === 'security_other' ? { ...p, steps: [step('msp', null, 600, 'ticket'), ...p.steps.slice(1)] } : p,
      ),
    };
    expect(escalationGaps(slow, content, saturday).map((g) => g.kind)).toContain('wait_exceeds_target');
    expect(signOffBlockers(content, slow, saturday)).toEqual([]);
  });

  it('lists the matrix rules before the escalation findings', () => {
    const broken = {
      ...content,
      responsibilities: content.responsibilities.map((r) => (r.key === 'wifi' ? withLetter(r, 'business', null) : r)),
    };
    const gone = { ...policy, contacts: policy.contacts.filter((c) => c.key !== 'msp_noc_on_call') };
    expect(signOffBlockers(broken, gone, saturday).map((b) => b.field)).toEqual([
      'responsibilities.wifi',
      // Without the NOC, a P1 help desk problem at night reaches nobody.
      'escalation.paths.help_desk',
      'escalation.paths.security_incident_p1',
      'escalation.paths.isolate_infected_device',
      'escalation.paths.help_desk',
    ]);
  });
});

describe('requiredSigners', () => {
  it('lists the parties that must sign, in column order, with their kind', () => {
    const vendor = party('cloud_vendor', { name: 'Cloud vendor', requiredToSign: true });
    const auditor = party('auditor', { name: 'Auditor' });
    const content = matrix({
      parties: [party('msp'), vendor, party('internal_it', { requiredToSign: false }), auditor, party('business')],
    });
    expect(requiredSigners(content)).toEqual([
      { partyKey: 'msp', partyName: 'MSP', kind: 'msp' },
      { partyKey: 'cloud_vendor', partyName: 'Cloud vendor', kind: 'custom' },
      { partyKey: 'business', partyName: 'Business', kind: 'business' },
    ]);
  });

  it('asks nobody when no party must sign', () => {
    expect(requiredSigners(matrix({ parties: [party('auditor')] }))).toEqual([]);
  });
});

describe('who signs for whom', () => {
  const table: Record<PartyKind, Role[]> = {
    msp: ['msp_admin', 'msp_engineer'],
    internal_it: ['client_it_admin'],
    business: ['client_owner'],
    custom: ['msp_admin'],
  };

  it.each(PARTY_KINDS)('names the roles that sign for a party of kind %s', (kind) => {
    expect(rolesThatSignFor(kind)).toEqual(table[kind]);
    for (const role of ROLES) expect(canSignFor(role, kind)).toBe(table[kind].includes(role));
  });

  it('lets the MSP admin, not an engineer, sign for a custom party such as a cloud vendor', () => {
    expect(canSignFor('msp_admin', 'custom')).toBe(true);
    expect(canSignFor('msp_engineer', 'custom')).toBe(false);
    expect(canSignFor('client_it_admin', 'custom')).toBe(false);
  });

  it('never lets a viewer sign, and only gives signing to roles allowed to sign', () => {
    for (const kind of PARTY_KINDS) expect(canSignFor('client_viewer', kind)).toBe(false);
    for (const roles of Object.values(SIGNING_ROLES))
      for (const role of roles) expect(can(role, 'signoff.sign')).toBe(true);
  });

  it('hands out a copy that cannot change the rule', () => {
    rolesThatSignFor('business').push('client_viewer');
    expect(canSignFor('client_viewer', 'business')).toBe(false);
  });
});
