import fc from 'fast-check';
import { describeDiff } from '../describe-diff';
import { diffMatrices } from '../diff';
import { type EscalationPolicy } from '../escalation/types';
import { type MatrixContent, withLetter } from '../matrix';
import { agreementSnapshotArb, harborAgreement } from '../testing/agreement';
import { withShuffledKeys } from '../testing/arbitraries';
import { escalationPath, step } from '../testing/escalation';
import { matrix, party, responsibility } from '../testing/factories';
import { agreementChanges, describeAgreementDiff } from './describe';
import { agreementSnapshot } from './snapshot';

const { content, policy, snapshot } = harborAgreement();

/** What a business owner reads when the draft is `policy` edited by `edit` (on a copy). */
function policyChanges(edit: (p: EscalationPolicy) => void, matrixAfter: MatrixContent = content): string[] {
  const next = structuredClone(policy);
  edit(next);
  return describeAgreementDiff(snapshot, agreementSnapshot(matrixAfter, next));
}

describe('describeAgreementDiff: the first version', () => {
  it('counts the responsibilities and escalation paths', () => {
    expect(agreementChanges(null, snapshot)).toEqual([
      {
        kind: 'first_version',
        text: `First agreement: ${content.responsibilities.length} responsibilities, 4 escalation paths.`,
      },
    ]);
  });

  it('speaks of one responsibility and one path in the singular', () => {
    const one = agreementSnapshot(matrix({ responsibilities: [responsibility('wifi', { msp: 'R', business: 'A' })] }), {
      ...policy,
      paths: [escalationPath('security')],
    });
    expect(describeAgreementDiff(null, one)).toEqual(['First agreement: 1 responsibility, 1 escalation path.']);
  });
});

describe('describeAgreementDiff: nothing changed', () => {
  it('says nothing when an agreement is compared with itself', () => {
    fc.assert(
      fc.property(agreementSnapshotArb, (s) => {
        expect(agreementChanges(s, s)).toEqual([]);
      }),
    );
  });

  it('says nothing about key order, reviews, or hours typed in another order', () => {
    const reviewed = structuredClone(policy);
    for (const path of reviewed.paths) path.review = { userId: 'u', name: 'Sam Rivera', at: '2026-03-01T10:00:00Z' };
    reviewed.businessHours.weekly.reverse();
    reviewed.coverage[1].holidays.push(reviewed.coverage[1].holidays[0]);
    const same = agreementSnapshot(withShuffledKeys(content, 7), withShuffledKeys(reviewed, 8));
    expect(describeAgreementDiff(snapshot, same)).toEqual([]);
  });
});

describe('describeAgreementDiff: the matrix', () => {
  it('describes a letter that moved with the sentences of the matrix diff', () => {
    const moved = {
      ...content,
      responsibilities: content.responsibilities.map((r) =>
        r.key === 'os_patching' ? withLetter(withLetter(r, 'internal_it', 'R'), 'msp', 'A') : r,
      ),
    };
    const changes = agreementChanges(snapshot, agreementSnapshot(moved, policy));
    expect(changes).toEqual([
      { kind: 'matrix', text: "MSP becomes Accountable for 'Operating system patching' (was Responsible)." },
      { kind: 'matrix', text: "Internal IT becomes Responsible for 'Operating system patching' (was Accountable)." },
    ]);
    expect(changes.map((c) => c.text)).toEqual(describeDiff(diffMatrices(content, moved), moved));
  });

  it('puts the matrix first, then the escalation policy', () => {
    const renamed = {
      ...content,
      parties: content.parties.map((p) => (p.key === 'msp' ? { ...p, name: 'Northwind' } : p)),
    };
    const kinds = agreementChanges(
      snapshot,
      agreementSnapshot(renamed, { ...policy, severities: policy.severities.slice(0, 3) }),
    ).map((c) => [c.kind, c.text]);
    expect(kinds).toEqual([
      ['matrix', 'MSP is renamed Northwind.'],
      ['severity', 'The severity P4 Low is removed.'],
    ]);
  });
});

describe('describeAgreementDiff: severities', () => {
  it('describes a changed target in minutes people read', () => {
    expect(policyChanges((p) => (p.severities[0].afterHours.responseMinutes = 15))).toEqual([
      'P1 Emergency: after-hours response target from 30 minutes to 15 minutes.',
    ]);
    expect(policyChanges((p) => (p.severities[1].businessHours.resolutionMinutes = 24 * 60))).toEqual([
      'P2 High: business-hours resolution target from 8 hours to 1 day.',
    ]);
  });

  it('describes new, renamed, reworded, removed and reordered severities', () => {
    expect(
      policyChanges((p) => {
        p.severities[1].name = 'P2 Urgent';
        p.severities[2].criteria = 'Anything that stops one person.';
        p.severities.pop();
        p.severities.push({
          key: 'p5',
          name: 'P5 Planned',
          criteria: 'Projects.',
          businessHours: { responseMinutes: 2 * 1440, resolutionMinutes: 10 * 1440 },
          afterHours: { responseMinutes: 3 * 1440, resolutionMinutes: 10 * 1440 },
        });
      }),
    ).toEqual([
      'The severity P2 High is renamed P2 Urgent.',
      'What counts as P3 Normal is reworded.',
      'New severity P5 Planned: answered within 2 days in business hours and 3 days after hours.',
      'The severity P4 Low is removed.',
    ]);
    expect(policyChanges((p) => p.severities.reverse())).toEqual([
      'The severities are now in the order P4 Low, P3 Normal, P2 High and P1 Emergency; P4 Low counts as the most severe.',
    ]);
  });
});

describe('describeAgreementDiff: business hours and coverage', () => {
  it('describes opening hours by day, holidays and the time zone', () => {
    expect(
      policyChanges((p) => {
        p.businessHours.weekly.push({ day: 'sat', start: '09:00', end: '13:00' });
        p.businessHours.weekly = p.businessHours.weekly.filter((w) => w.day !== 'fri');
        p.businessHours.weekly[0].end = '18:00';
        p.businessHours.holidays.push('2026-12-24');
        p.businessHours.holidays.shift();
        p.businessHours.timeZone = 'America/Chicago';
      }),
    ).toEqual([
      'Business hours are now kept in America/Chicago time (was America/New_York).',
      'The business is now open on Monday 08:00–18:00 (was 08:00–17:00).',
      'The business is no longer open on Friday (was 08:00–17:00).',
      'The business is now open on Saturday 09:00–13:00.',
      'The business is closed on 2026-12-24.',
      'The business is no longer closed on 2026-01-01.',
    ]);
  });

  it('says when a party starts or stops covering 24/7', () => {
    expect(policyChanges((p) => (p.coverage[0].alwaysOn = false))).toEqual([
      'MSP is no longer 24/7: it covers Monday to Friday 08:00–17:00.',
    ]);
    expect(policyChanges((p) => (p.coverage[1].alwaysOn = true))).toEqual(['Internal IT now covers 24/7.']);
  });

  it('describes the days a party covers', () => {
    expect(
      policyChanges((p) => {
        p.coverage[1].weekly.push({ day: 'sat', start: '09:00', end: '13:00' });
        p.coverage[1].weekly.push({ day: 'sun', start: '09:00', end: '13:00' });
        p.coverage[1].weekly[0].start = '07:00';
        p.coverage[2].holidays.push('2026-12-24');
      }),
    ).toEqual([
      'Internal IT now covers Monday 07:00–16:30 (was 07:30–16:30).',
      'Internal IT now covers Saturday 09:00–13:00.',
      'Internal IT now covers Sunday 09:00–13:00.',
      'Business is off on 2026-12-24.',
    ]);
  });

  it('describes coverage hours added for a party and removed from one', () => {
    const vendor = party('cloud_vendor', { name: 'Cloud vendor' });
    const withVendor = { ...content, parties: [...content.parties, vendor] };
    const changes = policyChanges((p) => {
      p.coverage.pop();
      p.coverage.push({
        partyKey: 'cloud_vendor',
        timeZone: 'Europe/Dublin',
        alwaysOn: false,
        weekly: [
          { day: 'mon', start: '09:00', end: '17:00' },
          { day: 'tue', start: '09:00', end: '17:00' },
          { day: 'wed', start: '09:00', end: '17:00' },
          { day: 'sat', start: '10:00', end: '12:00' },
          { day: 'sun', start: '10:00', end: '12:00' },
        ],
        holidays: [],
      });
    }, withVendor);
    expect(changes).toEqual([
      'Cloud vendor joins the matrix.',
      'Cloud vendor now has coverage hours: Monday to Wednesday 09:00–17:00, Saturday and Sunday 10:00–12:00 (Europe/Dublin time).',
      'Business no longer has coverage hours, so escalations can no longer count on reaching it.',
    ]);
  });
});

describe('describeAgreementDiff: contacts', () => {
  it('describes contacts added, removed and changed, and who a step naming only the party now reaches', () => {
    expect(
      policyChanges((p) => {
        p.contacts[1] = { ...p.contacts[1], name: 'Sam Patel', phone: '+1 555 0199', role: 'Head of security' };
        p.contacts[2] = { ...p.contacts[2], email: '' };
        p.contacts.unshift({
          key: 'msp_desk',
          partyKey: 'msp',
          name: 'Northwind service desk',
          role: 'Service desk',
          phone: '+1 555 0111',
          email: 'desk@northwind.example',
        });
        p.contacts.pop();
      }),
    ).toEqual([
      'New contact Northwind service desk (MSP), Service desk.',
      'The contact Sam Rivera (MSP) is renamed Sam Patel.',
      'Sam Patel (MSP) is now Head of security (was Security lead).',
      'Sam Patel (MSP) has a new phone number: +1 555 0199.',
      'Ida Hart (Internal IT) no longer has an e-mail address.',
      'Olivia Grant (Business) is removed from the contacts.',
      'Steps that call MSP without naming a person now reach Northwind service desk first (was Northwind NOC on-call).',
    ]);
  });
});

describe('describeAgreementDiff: escalation paths', () => {
  it('describes a changed wait, naming the path and the step', () => {
    const changes = agreementChanges(
      snapshot,
      agreementSnapshot(content, {
        ...policy,
        paths: policy.paths.map((p, i) =>
          i === 0 ? { ...p, steps: p.steps.map((s, n) => (n === 1 ? { ...s, waitMinutes: 15 } : s)) } : p,
        ),
      }),
    );
    expect(changes).toEqual([
      {
        kind: 'path',
        pathKey: 'security_incident_p1',
        text: 'Threat response (P1 Emergency) path: step 2 of the business-hours steps now waits 15 minutes instead of 10 minutes before the next step.',
      },
    ]);
  });

  it('describes who a step calls and how', () => {
    expect(
      policyChanges((p) => {
        p.paths[0].steps[1] = step('msp', 'msp_noc_on_call', 10);
        p.paths[0].afterHours?.steps.splice(2, 1, step('business', 'business_owner', 10, 'phone'));
        p.paths[1].steps[1] = step('msp', 'msp_security_lead', 30, 'sms');
      }),
    ).toEqual([
      'Threat response (P1 Emergency) path: step 2 of the business-hours steps now calls Northwind NOC on-call (MSP) instead of Sam Rivera (MSP).',
      'Threat response (P1 Emergency) path: step 3 of the after-hours steps now calls Olivia Grant (Business) by phone instead of by SMS.',
      'Threat response path: step 2 now calls Sam Rivera (MSP) by SMS instead of Ida Hart (Internal IT) by e-mail and waits 30 minutes instead of 1 hour before the next step.',
    ]);
  });

  it('describes a step list that got longer or shorter as a whole', () => {
    expect(policyChanges((p) => p.paths[1].steps.push(step('business', 'business_owner', 0, 'email')))).toEqual([
      'Threat response path: the steps now call MSP by ticket, then after 1 hour Ida Hart (Internal IT) by e-mail, then after 1 hour Olivia Grant (Business) by e-mail (before: call MSP by ticket, then after 1 hour Ida Hart (Internal IT) by e-mail).',
    ]);
  });

  it('describes repeats and after-hours steps', () => {
    expect(
      policyChanges((p) => {
        p.paths[0].repeat = 3;
        if (p.paths[0].afterHours) p.paths[0].afterHours.repeat = 0;
        p.paths[2].afterHours = { steps: [step('msp', 'msp_noc_on_call', 5)], repeat: 0 };
        p.paths[3].afterHours = null;
      }),
    ).toEqual([
      'Threat response (P1 Emergency) path: if nobody answers, the business-hours steps now repeat 3 times (before: once).',
      'Threat response (P1 Emergency) path: if nobody answers, the after-hours steps no longer repeat (before: twice).',
      "'Isolating infected devices' path: now has its own after-hours steps: call Northwind NOC on-call (MSP) by phone.",
      'Help desk path: no longer has after-hours steps, so its steps run at all hours.',
    ]);
  });

  it('describes paths added, removed, moved to other severities and reordered, with the row they are for', () => {
    const changes = agreementChanges(
      snapshot,
      agreementSnapshot(content, {
        ...policy,
        paths: [
          { ...policy.paths[3], severities: ['p3', 'p4'] },
          policy.paths[0],
          policy.paths[2],
          escalationPath('restore', {
            category: null,
            responsibilityKey: 'restore_tests',
            severities: ['p1', 'p2'],
            steps: [step('msp', 'msp_noc_on_call', 0), step('internal_it', null, 15, 'sms')],
            repeat: 2,
          }),
        ],
      }),
    );
    expect(changes).toEqual([
      {
        kind: 'path',
        pathKey: 'help_desk',
        text: 'The escalation path for Help desk at every severity is now for Help desk at P3 Normal and P4 Low.',
      },
      {
        kind: 'path',
        pathKey: 'restore',
        rowKey: 'restore_tests',
        text: "New escalation path for 'Restore tests' (P1 Emergency and P2 High): call Northwind NOC on-call (MSP) by phone, then at once Internal IT by SMS, repeated twice.",
      },
      { kind: 'path', pathKey: 'security_other', text: 'The escalation path for Threat response is removed.' },
      {
        kind: 'path',
        text: 'The escalation paths are listed in a new order: when two paths fit a problem equally well, the one listed first is used.',
      },
    ]);
  });

  it('does not call a reorder of a path’s severities a change', () => {
    const two = { ...policy, paths: [{ ...policy.paths[0], severities: ['p1', 'p2'] }] };
    const swapped = { ...policy, paths: [{ ...policy.paths[0], severities: ['p2', 'p1'] }] };
    expect(describeAgreementDiff(agreementSnapshot(content, two), agreementSnapshot(content, swapped))).toEqual([]);
  });
});

describe('describeAgreementDiff: any two agreements', () => {
  it('gives full sentences, the same every time', () => {
    fc.assert(
      fc.property(agreementSnapshotArb, agreementSnapshotArb, (a, b) => {
        const sentences = describeAgreementDiff(a, b);
        for (const sentence of sentences) expect(sentence).toMatch(/\.$/);
        expect(describeAgreementDiff(a, b)).toEqual(sentences);
      }),
    );
  });
});
