import fc from 'fast-check';
import { DateTime } from 'luxon';
import { type MatrixContent } from '../matrix';
import { templateContent } from '../templates';
import {
  coverage,
  escalationPath,
  HARBOR_CONTACTS,
  harborPolicy,
  policyWith,
  schedule,
  step,
} from '../testing/escalation';
import { simulateEscalation, SimulationInputError } from './simulate';
import { type EscalationPath, type EscalationPolicy } from './types';

const content = templateContent('co_managed');
const incident = 'incident_response';

/** The default policy in `timeZone` (MSP 24/7, the others on weekdays 08:00-17:00) with Harbor's contacts and one path. */
function policyFor(timeZone: string, path: Partial<EscalationPath>, overrides: Partial<EscalationPolicy> = {}) {
  return policyWith(content, timeZone, {
    contacts: HARBOR_CONTACTS.map((c) => ({ ...c })),
    paths: [escalationPath('security', { category: 'threat_response', ...path })],
    ...overrides,
  });
}

function simulate(policy: EscalationPolicy, at: string, severityKey = 'p1', matrix: MatrixContent = content) {
  return simulateEscalation(policy, matrix, { responsibilityKey: incident, severityKey, at });
}

/** Internal IT alone, every hour until someone answers: shows when its office hours really begin. */
const hourlyInternalIt = { steps: [step('internal_it', 'internal_it_admin', 60)], repeat: 10 };

describe('simulateEscalation across daylight-saving changes', () => {
  it.each([
    ['Europe/Berlin', 'after the spring change', '2026-03-29T23:00', 540, '2026-03-30T06:00:00.000Z'],
    ['Europe/Berlin', 'after the autumn change', '2026-10-25T23:00', 540, '2026-10-26T07:00:00.000Z'],
    ['America/Los_Angeles', 'after the spring change', '2026-03-08T22:00', 600, '2026-03-09T15:00:00.000Z'],
    ['America/Los_Angeles', 'after the autumn change', '2026-11-01T22:00', 600, '2026-11-02T16:00:00.000Z'],
  ])('%s: internal IT first answers at 08:00 on the Monday %s', (zone, _when, at, minute, utc) => {
    const result = simulate(policyFor(zone, hourlyInternalIt), at);
    expect(result.clientLocalTime).toBe(`Sunday ${at.slice(11)}`);
    expect(result.businessHours).toBe(false);
    expect(result.firstAnswer).toEqual({ minute, partyKey: 'internal_it', contactKey: 'internal_it_admin' });
    const answer = result.events.find((e) => e.covering);
    expect(answer).toMatchObject({ at: utc, partyLocalTime: 'Monday 08:00', round: minute / 60 });
    // One hour earlier the office is still closed on the local clock.
    expect(result.events[minute / 60 - 1]).toMatchObject({ partyLocalTime: 'Monday 07:00', covering: false });
  });

  it('counts a wait across the skipped spring hour in real minutes (Berlin)', () => {
    const path = { steps: [step('msp', 'msp_noc_on_call', 20), step('internal_it', 'internal_it_admin', 0)] };
    const result = simulate(policyFor('Europe/Berlin', path), '2026-03-29T01:50');
    expect(result.at).toBe('2026-03-29T00:50:00.000Z');
    expect(result.clientLocalTime).toBe('Sunday 01:50');
    expect(result.events.map((e) => [e.minute, e.at, e.partyLocalTime])).toEqual([
      [0, '2026-03-29T00:50:00.000Z', 'Sunday 01:50'],
      [20, '2026-03-29T01:10:00.000Z', 'Sunday 03:10'],
    ]);
    // 30 real minutes, not 90 on the clock.
    expect(result.targets).toEqual({
      responseMinutes: 30,
      resolutionMinutes: 480,
      respondBy: '2026-03-29T01:20:00.000Z',
      resolveBy: '2026-03-29T08:50:00.000Z',
    });
  });

  it('shows the same local time twice across the repeated autumn hour (Berlin)', () => {
    const path = { steps: [step('msp', 'msp_noc_on_call', 60), step('business', 'business_owner', 0)] };
    const result = simulate(policyFor('Europe/Berlin', path), '2026-10-25T02:30:00+02:00');
    expect(result.events.map((e) => [e.at, e.partyLocalTime])).toEqual([
      ['2026-10-25T00:30:00.000Z', 'Sunday 02:30'],
      ['2026-10-25T01:30:00.000Z', 'Sunday 02:30'],
    ]);
  });

  it('crosses both Los Angeles changes in real minutes', () => {
    const path = { steps: [step('msp', 'msp_noc_on_call', 30), step('business', 'business_owner', 0)] };
    const spring = simulate(policyFor('America/Los_Angeles', path), '2026-03-08T01:45');
    expect(spring.events.map((e) => [e.at, e.partyLocalTime])).toEqual([
      ['2026-03-08T09:45:00.000Z', 'Sunday 01:45'],
      ['2026-03-08T10:15:00.000Z', 'Sunday 03:15'],
    ]);
    const autumn = simulate(policyFor('America/Los_Angeles', path), '2026-11-01T01:45:00-07:00');
    expect(autumn.events.map((e) => [e.at, e.partyLocalTime])).toEqual([
      ['2026-11-01T08:45:00.000Z', 'Sunday 01:45'],
      ['2026-11-01T09:15:00.000Z', 'Sunday 01:15'],
    ]);
  });

  it("shows each party's own clock when parties sit in different zones", () => {
    const policy = policyFor(
      'America/New_York',
      { steps: [step('internal_it', null, 0)] },
      {
        coverage: [coverage('internal_it', schedule('Europe/Berlin'))],
      },
    );
    const result = simulate(policy, '2026-03-30T06:00:00Z');
    expect(result.clientLocalTime).toBe('Monday 02:00');
    expect(result.events[0]).toMatchObject({ partyLocalTime: 'Monday 08:00', covering: true });
  });
});

describe('simulateEscalation: business hours, holidays and 24/7 cover', () => {
  const harbor = harborPolicy(content);

  it('calls the 24/7 MSP on-call line first on a Sunday night, when internal IT and the owner are off', () => {
    const result = simulate(harbor, '2026-03-15T02:00');
    expect(result).toMatchObject({
      clientLocalTime: 'Sunday 02:00',
      timeZone: 'America/New_York',
      businessHours: false,
      severity: { key: 'p1', name: 'P1 Emergency' },
      responsibility: { key: incident, title: 'Security incident handling', category: 'threat_response' },
      path: { key: 'security_incident_p1', scope: 'category', sequence: 'after_hours' },
      firstAnswer: { minute: 0, partyKey: 'msp', contactKey: 'msp_noc_on_call' },
      dry: null,
    });
    expect(result.events.slice(0, 3).map((e) => [e.minute, e.contactName, e.channel, e.covering])).toEqual([
      [0, 'Northwind NOC on-call', 'phone', true],
      [10, 'Sam Rivera', 'phone', true],
      [20, 'Olivia Grant', 'sms', false],
    ]);
  });

  it('calls internal IT first on a working morning', () => {
    const result = simulate(harbor, '2026-12-24T10:00');
    expect(result.businessHours).toBe(true);
    expect(result.path?.sequence).toBe('business_hours');
    expect(result.events[0]).toMatchObject({ partyKey: 'internal_it', contactName: 'Ida Hart', covering: true });
    expect(result.targets.responseMinutes).toBe(15);
  });

  it('treats a weekday holiday as after hours and internal IT as off duty', () => {
    const result = simulate(harbor, '2026-12-25T10:00');
    expect(result.clientLocalTime).toBe('Friday 10:00');
    expect(result.businessHours).toBe(false);
    expect(result.path?.sequence).toBe('after_hours');
    expect(result.targets.responseMinutes).toBe(30);

    const dayStepsOnly = { ...harbor, paths: harbor.paths.map((p) => ({ ...p, afterHours: null })) };
    const fallback = simulate(dayStepsOnly, '2026-12-25T10:00');
    expect(fallback.path?.sequence).toBe('business_hours');
    expect(fallback.events.map((e) => [e.partyKey, e.covering]).slice(0, 3)).toEqual([
      ['internal_it', false],
      ['msp', true],
      ['business', false],
    ]);
  });

  it('counts a call at 16:55 as covered by a party whose day ends at 17:00, and one at 17:05 as not', () => {
    const path = {
      steps: [step('business', null, 5), step('internal_it', null, 10), step('internal_it', null, 0)],
    };
    const policy = policyFor('America/New_York', path, {
      coverage: [coverage('internal_it', schedule('America/New_York'))],
    });
    const result = simulate(policy, '2026-03-13T16:50');
    expect(result.events.map((e) => [e.partyLocalTime, e.covering])).toEqual([
      ['Friday 16:50', false],
      ['Friday 16:55', true],
      ['Friday 17:05', false],
    ]);
    expect(result.firstAnswer?.minute).toBe(5);
    expect(result.warnings).toContain(
      'Business has no coverage hours in the policy, so they are treated as never on duty.',
    );
  });

  it('fires the steps after a wait of 0 in the same minute', () => {
    const path = { steps: [step('business', null, 0), step('internal_it', null, 0), step('msp', null, 5)] };
    const result = simulate(policyFor('America/New_York', path), '2026-03-15T02:00');
    expect(result.events.map((e) => e.minute)).toEqual([0, 0, 0]);
    expect(result.firstAnswer).toEqual({ minute: 0, partyKey: 'msp', contactKey: 'msp_noc_on_call' });
  });
});

describe('simulateEscalation: repeats and running dry', () => {
  const nobodyAtNight = {
    steps: [step('internal_it', 'internal_it_admin', 10), step('business', 'business_owner', 5)],
    repeat: 2,
  };

  it('repeats the whole sequence with round numbers while the minutes keep counting', () => {
    const result = simulate(policyFor('Europe/Berlin', nobodyAtNight), '2026-03-29T02:00');
    expect(result.events.map((e) => [e.minute, e.round, e.stepIndex, e.partyKey])).toEqual([
      [0, 0, 0, 'internal_it'],
      [10, 0, 1, 'business'],
      [15, 1, 0, 'internal_it'],
      [25, 1, 1, 'business'],
      [30, 2, 0, 'internal_it'],
      [40, 2, 1, 'business'],
    ]);
    expect(result.events.map((e) => e.withinResponseTarget)).toEqual([true, true, true, true, true, false]);
  });

  it('reports a sequence that reaches nobody on duty in `dry`, with who is back first, instead of throwing', () => {
    const result = simulate(policyFor('Europe/Berlin', nobodyAtNight), '2026-03-29T03:00');
    expect(result.firstAnswer).toBeNull();
    expect(result.dry).toEqual({
      minute: 45,
      message:
        'Nobody on duty is reached: the steps call Internal IT (Ida Hart) and Business (Olivia Grant), run 3 times and end after 45 minutes without reaching anyone on duty. The first of them back on duty is Internal IT, on Monday 08:00 (Europe/Berlin).',
    });
  });

  it('warns when the first party on duty is only called after the response target', () => {
    const late = { steps: [step('business', null, 45), step('msp', null, 0)] };
    const result = simulate(policyFor('Europe/Berlin', late), '2026-03-29T03:00');
    expect(result.firstAnswer?.minute).toBe(45);
    expect(result.events[1].withinResponseTarget).toBe(false);
    expect(result.warnings).toContain(
      'The first call to someone on duty is made after 45 minutes, later than the 30 minutes response target.',
    );
  });

  it('reports at minute 0 that no path covers a row without one', () => {
    const result = simulateEscalation(harborPolicy(content), content, {
      responsibilityKey: 'printer_support',
      severityKey: 'p2',
      at: '2026-03-15T02:00:00Z',
    });
    expect(result.path).toBeNull();
    expect(result.events).toEqual([]);
    expect(result.firstAnswer).toBeNull();
    expect(result.dry).toEqual({
      minute: 0,
      message:
        "No escalation path covers 'Printers and peripherals' at P2 High. Add a path for this responsibility or for its category, Devices and peripherals.",
    });
  });
});

describe('simulateEscalation: references that no longer resolve', () => {
  const harbor = harborPolicy(content);

  it('marks calls to a deleted party as not covering and says why, without throwing', () => {
    const withoutIt = { ...content, parties: content.parties.filter((p) => p.key !== 'internal_it') };
    const result = simulate(harbor, '2026-03-12T10:00', 'p1', withoutIt);
    expect(result.events[0]).toMatchObject({ partyKey: 'internal_it', partyName: 'internal_it', covering: false });
    expect(result.firstAnswer).toEqual({ minute: 5, partyKey: 'msp', contactKey: 'msp_security_lead' });
    expect(result.warnings).toContain(
      "Step 1 of the business-hours steps: 'internal_it' is no longer a party of this matrix, so this step calls nobody.",
    );
  });

  it('marks calls to a deleted contact as not covering, even when the party is on duty', () => {
    const withoutSam = { ...harbor, contacts: harbor.contacts.filter((c) => c.key !== 'msp_security_lead') };
    const result = simulate(withoutSam, '2026-03-15T02:00');
    expect(result.events[1]).toMatchObject({ contactKey: 'msp_security_lead', contactName: null, covering: false });
    expect(result.warnings).toEqual([
      "Step 2 of the after-hours steps: The contact 'msp_security_lead' no longer exists, so this step calls nobody.",
    ]);
  });

  it("uses the party's first contact when a step names only the party", () => {
    const result = simulateEscalation(harbor, content, {
      responsibilityKey: 'helpdesk_tier2',
      severityKey: 'p3',
      at: '2026-03-12T17:00',
    });
    expect(result.events[0]).toMatchObject({ partyKey: 'msp', contactKey: 'msp_noc_on_call', covering: true });
  });
});

describe('simulateEscalation: bad requests', () => {
  const harbor = harborPolicy(content);
  const request = { responsibilityKey: incident, severityKey: 'p1', at: '2026-03-15T02:00:00Z' };

  it.each([
    [
      'responsibilityKey',
      { responsibilityKey: 'gardening' },
      "Unknown responsibility 'gardening': it is not a row of this matrix.",
    ],
    ['severityKey', { severityKey: 'p9' }, "Unknown severity 'p9'. The policy has 'p1', 'p2', 'p3' and 'p4'."],
    ['at', { at: 'Sunday night' }, "'Sunday night' is not a date and time."],
  ])('throws a SimulationInputError naming %s', (field, change, message) => {
    const run = () => simulateEscalation(harbor, content, { ...request, ...change });
    expect(run).toThrow(SimulationInputError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ name: 'SimulationInputError', field });
    }
  });
});

describe('simulateEscalation: properties', () => {
  const harbor = harborPolicy(content, 'Europe/Berlin');
  const rows = content.responsibilities.map((r) => r.key);
  const instant = fc.integer({ min: 0, max: 366 * 24 * 4 }).map(
    (q) =>
      DateTime.fromISO('2026-01-01T00:00:00Z')
        .plus({ minutes: q * 15 })
        .toISO() ?? '',
  );

  it('plans every call in order and reports the first on-duty answer, or runs dry, for any row, severity and time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rows),
        fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        instant,
        (row, severityKey, at) => {
          const result = simulateEscalation(harbor, content, { responsibilityKey: row, severityKey, at });
          const minutes = result.events.map((e) => e.minute);
          expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
          for (const event of result.events) {
            expect(Date.parse(event.at) - Date.parse(result.at)).toBe(event.minute * 60_000);
            expect(event.withinResponseTarget).toBe(event.minute <= result.targets.responseMinutes);
          }
          const first = result.events.find((e) => e.covering);
          expect(result.firstAnswer?.minute).toBe(first?.minute);
          expect(result.dry === null).toBe(first !== undefined);
          expect(result.path === null).toBe(result.events.length === 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
