import fc from 'fast-check';
import { GAP_KINDS, type GapKind, gapReport } from '../gaps';
import { type MatrixContent } from '../matrix';
import { templateContent } from '../templates';
import {
  alwaysOn,
  coverage,
  escalationPath,
  HARBOR_CONTACTS,
  harborPolicy,
  policyWith,
  schedule,
  step,
} from '../testing/escalation';
import { responsibility } from '../testing/factories';
import { defaultEscalationPolicy } from './defaults';
import { afterHoursCoverageOf, escalationGaps } from './gaps';
import { type EscalationPath, type EscalationPolicy } from './types';

const content = templateContent('co_managed');
const criticalRows = content.responsibilities.filter((r) => r.critical).map((r) => r.key);
/** A Saturday: the sampled week runs from Saturday 13:00 in Berlin to the next Saturday, across the spring change. */
const saturday = '2026-03-28T12:00:00Z';

function gapsOf(kind: GapKind, policy: EscalationPolicy, matrix: MatrixContent = content, reference = saturday) {
  return escalationGaps(policy, matrix, reference).filter((g) => g.kind === kind);
}

function policyWithPath(timeZone: string, path: Partial<EscalationPath>, overrides: Partial<EscalationPolicy> = {}) {
  return policyWith(content, timeZone, {
    contacts: HARBOR_CONTACTS.map((c) => ({ ...c })),
    paths: [escalationPath('security', { category: 'threat_response', ...path })],
    ...overrides,
  });
}

describe('escalationGaps: critical rows without a path', () => {
  it('flags every critical row of the default policy, which has no paths, and nothing else', () => {
    const gaps = escalationGaps(defaultEscalationPolicy(content), content, saturday);
    expect(gaps.map((g) => [g.kind, g.severity, g.rowKey])).toEqual(
      criticalRows.map((key) => ['critical_without_path', 'high', key]),
    );
    expect(gaps.find((g) => g.rowKey === 'restore_tests')).toEqual({
      id: 'critical_without_path:restore_tests:',
      kind: 'critical_without_path',
      severity: 'high',
      rowKey: 'restore_tests',
      title: "No escalation path for 'Restore tests'",
      explanation:
        "'Restore tests' is critical, but no escalation path says who is called for a P1 Emergency about it, so people would have to work out whom to call in the middle of an emergency. Add a path for Backups and recovery or for this responsibility.",
    });
  });

  it('no longer flags rows whose category or own path takes P1', () => {
    const flagged = gapsOf('critical_without_path', harborPolicy(content)).map((g) => g.rowKey);
    expect(flagged).not.toContain('incident_response');
    expect(flagged).not.toContain('device_isolation');
    expect(flagged).toEqual(criticalRows.filter((key) => !['incident_response', 'device_isolation'].includes(key)));
  });

  it('still flags a critical row whose category path is only for lower severities', () => {
    const policy = policyWithPath('Europe/Berlin', { severities: ['p2', 'p3'] });
    expect(gapsOf('critical_without_path', policy).map((g) => g.rowKey)).toContain('incident_response');
  });
});

describe('escalationGaps: hours in which a P1 reaches nobody on duty', () => {
  it('finds none for a path that calls a 24/7 party', () => {
    expect(gapsOf('p1_uncovered_instant', policyWithPath('Europe/Berlin', { steps: [step('msp', null, 10)] }))).toEqual(
      [],
    );
    expect(gapsOf('p1_uncovered_instant', harborPolicy(content))).toEqual([]);
  });

  it('reports a path that only calls office-hours staff once, with an example time and the share of the week', () => {
    const policy = policyWithPath('Europe/Berlin', { steps: [step('internal_it', 'internal_it_admin', 10)] });
    expect(gapsOf('p1_uncovered_instant', policy)).toEqual([
      {
        id: 'p1_uncovered_instant:security:',
        kind: 'p1_uncovered_instant',
        severity: 'high',
        title: 'A P1 Emergency about Threat response can go unanswered',
        explanation:
          'If a P1 Emergency about Threat response is reported on Saturday 13:00 (Europe/Berlin), the steps call Internal IT (Ida Hart), but nobody called is on duty then, so nobody answers. ' +
          // 45 office hours a week are covered, across the spring change too.
          'That is the case for about 123 of the 168 hours of the coming week. ' +
          'Add someone who covers those hours, such as a 24/7 on-call line, or widen the coverage hours.',
      },
    ]);
  });

  it('keeps the same id whatever the reference, and starts from the next quarter hour', () => {
    const policy = policyWithPath('Europe/Berlin', { steps: [step('internal_it', 'internal_it_admin', 10)] });
    const [later] = gapsOf('p1_uncovered_instant', policy, content, '2026-03-28T12:07:00Z');
    expect(later.id).toBe('p1_uncovered_instant:security:');
    expect(later.explanation).toContain('Saturday 13:15 (Europe/Berlin)');
  });

  it("finds the half hour between internal IT's day ending at 16:30 and the practice closing at 17:00", () => {
    const itDay = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '07:30', end: '16:30' }));
    const policy = policyWithPath(
      'America/New_York',
      { steps: [step('internal_it', null, 15)], afterHours: { steps: [step('msp', null, 10)], repeat: 0 } },
      { coverage: [alwaysOn('msp', 'America/New_York'), coverage('internal_it', schedule('America/New_York', itDay))] },
    );
    const [gap] = gapsOf('p1_uncovered_instant', policy);
    expect(gap.explanation).toContain(
      'reported on Monday 16:30 (America/New_York), the business-hours steps call Internal IT (Ida Hart), but nobody called is on duty then',
    );
    // Two quarter hours on five days.
    expect(gap.explanation).toContain('about 3 of the 168 hours');
  });

  it('counts a later step that reaches someone on duty as an answer', () => {
    const policy = policyWithPath('Europe/Berlin', {
      steps: [step('internal_it', 'internal_it_admin', 10), step('msp', 'msp_noc_on_call', 10)],
    });
    expect(gapsOf('p1_uncovered_instant', policy)).toEqual([]);
  });

  it('runs the after-hours steps on a weekday holiday', () => {
    const holiday = ['2026-03-30'];
    const policy = policyWithPath(
      'Europe/Berlin',
      { steps: [step('internal_it', null, 10)], afterHours: { steps: [step('msp', null, 10)], repeat: 0 } },
      { businessHours: schedule('Europe/Berlin', undefined, holiday) },
    );
    expect(gapsOf('p1_uncovered_instant', policy)).toEqual([]);
    // Internal IT has the day off too, but the business-hours steps would still have called them.
    const itOff = {
      ...policy,
      businessHours: schedule('Europe/Berlin'),
      coverage: [
        alwaysOn('msp', 'Europe/Berlin'),
        coverage('internal_it', schedule('Europe/Berlin', undefined, holiday)),
      ],
    };
    expect(gapsOf('p1_uncovered_instant', itOff)[0].explanation).toContain('Monday 08:00 (Europe/Berlin)');
  });

  it('leaves alone a path that does not take the most severe problems', () => {
    const policy = policyWithPath('Europe/Berlin', { steps: [step('internal_it', null, 10)], severities: ['p3'] });
    expect(gapsOf('p1_uncovered_instant', policy)).toEqual([]);
  });
});

describe('escalationGaps: waits longer than the response target', () => {
  const policy = policyWithPath('America/New_York', {
    severities: ['p1'],
    steps: [step('internal_it', 'internal_it_admin', 20), step('msp', 'msp_noc_on_call', 45)],
    afterHours: { steps: [step('msp', 'msp_noc_on_call', 45), step('business', 'business_owner', 0)], repeat: 0 },
  });

  it('compares the business-hours steps with the business-hours target and the after-hours ones with theirs', () => {
    const gaps = gapsOf('wait_exceeds_target', policy);
    expect(gaps.map((g) => [g.id, g.severity, g.partyKey])).toEqual([
      ['wait_exceeds_target:security:business_hours:0', 'medium', 'internal_it'],
      ['wait_exceeds_target:security:after_hours:0', 'medium', 'msp'],
    ]);
    expect(gaps[0].explanation).toBe(
      'The business-hours steps for Threat response wait 20 minutes after calling Internal IT (Ida Hart) before calling anyone else, but a P1 Emergency must be answered within 15 minutes during business hours. If Internal IT (Ida Hart) does not answer, the target is missed before the next call is even made. Shorten the wait to 15 minutes or less.',
    );
    expect(gaps[1].explanation).toContain('must be answered within 30 minutes after hours');
  });

  it('ignores the last wait of a sequence that does not repeat, and not of one that does', () => {
    const repeating = { ...policy, paths: policy.paths.map((p) => ({ ...p, repeat: 1 })) };
    expect(gapsOf('wait_exceeds_target', repeating).map((g) => g.id)).toContain(
      'wait_exceeds_target:security:business_hours:1',
    );
  });

  it('holds the steps of a path without after-hours steps to the after-hours targets as well', () => {
    const p2Only = policyWithPath('America/New_York', {
      severities: ['p2'],
      steps: [step('internal_it', null, 90), step('msp', null, 0)],
    });
    const [gap] = gapsOf('wait_exceeds_target', p2Only);
    expect(gap.explanation).toContain('a P2 High must be answered within 1 hour during business hours');
  });
});

describe('escalationGaps: references that no longer resolve', () => {
  const harbor = harborPolicy(content);
  const withoutIt = { ...content, parties: content.parties.filter((p) => p.key !== 'internal_it') };

  it('reports each step calling a deleted party, more severely on paths that carry P1', () => {
    const gaps = gapsOf('unknown_contact', harbor, withoutIt);
    expect(gaps.map((g) => [g.id, g.severity])).toEqual([
      ['unknown_contact:security_incident_p1:business_hours:0', 'high'],
      ['unknown_contact:security_other:business_hours:1', 'medium'],
      ['unknown_contact:help_desk:business_hours:0', 'high'],
    ]);
    expect(gaps[0].explanation).toBe(
      "Step 1 of the business-hours steps for Threat response: 'internal_it' is no longer a party of this matrix, so this step calls nobody. Choose who should be called instead.",
    );
  });

  it('reports a step whose contact was deleted', () => {
    const withoutSam = { ...harbor, contacts: harbor.contacts.filter((c) => c.key !== 'msp_security_lead') };
    expect(gapsOf('unknown_contact', withoutSam).map((g) => g.id)).toEqual([
      'unknown_contact:security_incident_p1:business_hours:1',
      'unknown_contact:security_incident_p1:after_hours:1',
      'unknown_contact:isolate_infected_device:business_hours:1',
    ]);
  });

  it('never throws, and keeps ids unique, whatever was deleted from the matrix or the policy', () => {
    const parties = content.parties.map((p) => p.key);
    const contacts = harbor.contacts.map((c) => c.key);
    const rows = content.responsibilities.map((r) => r.key);
    fc.assert(
      fc.property(
        fc.subarray(parties),
        fc.subarray(contacts),
        fc.subarray(rows, { maxLength: 8 }),
        (goneParties, goneContacts, goneRows) => {
          const matrix = {
            ...content,
            parties: content.parties.filter((p) => !goneParties.includes(p.key)),
            responsibilities: content.responsibilities.filter((r) => !goneRows.includes(r.key)),
          };
          const policy = { ...harbor, contacts: harbor.contacts.filter((c) => !goneContacts.includes(c.key)) };
          const gaps = gapReport(matrix, { escalation: { policy, reference: saturday } });
          expect(new Set(gaps.map((g) => g.id)).size).toBe(gaps.length);
          for (const gap of gaps) expect(GAP_KINDS).toContain(gap.kind);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('gapReport with an escalation policy', () => {
  const defaults = defaultEscalationPolicy(content);

  it('derives after-hours cover from the policy: the 24/7 MSP covers, office-hours parties do not', () => {
    // The template gives internal IT no critical row of its own; a client might.
    const itRow = responsibility('server_room', { internal_it: 'R', business: 'A' }, { critical: true });
    const matrix = { ...content, responsibilities: [...content.responsibilities, itRow] };
    const derived = gapReport(matrix, { escalation: { policy: defaults, reference: saturday } });
    const explicit = gapReport(matrix, { afterHoursCoverage: { msp: true, internal_it: false, business: false } });
    const afterHours = (gaps: typeof derived) => gaps.filter((g) => g.kind === 'critical_without_after_hours');
    expect(afterHours(derived).length).toBeGreaterThan(0);
    expect(afterHours(derived)).toEqual(afterHours(explicit));
  });

  it('lets an explicit afterHoursCoverage win over the policy', () => {
    const gaps = gapReport(content, {
      afterHoursCoverage: { msp: true, internal_it: true },
      escalation: { policy: defaults, reference: saturday },
    });
    expect(gaps.filter((g) => g.kind === 'critical_without_after_hours')).toEqual([]);
  });

  it('merges the escalation gaps in, most serious first', () => {
    const gaps = gapReport(content, { escalation: { policy: defaults, reference: saturday } });
    expect(gaps.filter((g) => g.kind === 'critical_without_path')).toHaveLength(criticalRows.length);
    const ranks = gaps.map((g) => ['high', 'medium', 'low'].indexOf(g.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('reports nothing about escalation without a policy', () => {
    const kinds = gapReport(content).map((g) => g.kind);
    expect(kinds).not.toContain('critical_without_path');
  });
});

describe('afterHoursCoverageOf', () => {
  const zone = 'Europe/Berlin';
  const covers = (partyCoverage: EscalationPolicy['coverage']) =>
    afterHoursCoverageOf(policyWith(content, zone, { coverage: partyCoverage }), content, saturday);

  it('counts a 24/7 party and one with an evening shift, but not one working office hours only', () => {
    const evening = schedule(zone, [{ day: 'mon', start: '17:00', end: '20:00' }]);
    expect(
      covers([alwaysOn('msp', zone), coverage('internal_it', evening), coverage('business', schedule(zone))]),
    ).toEqual({ msp: true, internal_it: true, business: false });
  });

  it("counts office hours in a far time zone that fall outside the client's", () => {
    expect(covers([coverage('msp', schedule('Asia/Manila'))]).msp).toBe(true);
  });

  it('does not count a party without coverage hours', () => {
    expect(covers([])).toEqual({ msp: false, internal_it: false, business: false });
  });
});
