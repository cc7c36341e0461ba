import { validateEscalationPolicy } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/api-error';
import {
  fieldId,
  fieldLabel,
  focusCandidates,
  inlineMessage,
  ProblemIndex,
  problemsFromError,
  sectionOf,
} from './field-errors';
import { step, testContent, testPath, testPolicy } from '../../../test/escalation-policy';

function problemsOf(policy: unknown) {
  const result = validateEscalationPolicy(policy, testContent);
  return result.ok ? [] : result.problems;
}

describe('mapping validation problems to inputs', () => {
  it('puts a negative wait of an after-hours step under that step’s wait input, without the identifier', () => {
    const policy = testPolicy({
      paths: [testPath({ afterHours: { steps: [step('msp', 'noc_on_call', -5)], repeat: 0 } })],
    });
    const problems = new ProblemIndex(problemsOf(policy));
    expect(problems.at('paths.0.afterHours.steps.0.waitMinutes')).toBe('Cannot be negative');
    expect(fieldId('paths.0.afterHours.steps.0.waitMinutes')).toBe('policy-paths-0-afterHours-steps-0-waitMinutes');
    expect(problems.count('paths.0')).toBe(1);
    expect(problems.countIn('paths')).toBe(1);
    expect(problems.countIn('hours')).toBe(0);
  });

  it('names the contact of another party at the step’s contact', () => {
    const policy = testPolicy({ paths: [testPath({ steps: [step('internal_it', 'security_lead')] })] });
    const problems = new ProblemIndex(problemsOf(policy));
    expect(problems.at('paths.0.steps.0.contactKey')).toBe('Sam Patel is a contact of Northwind, not of Internal IT');
  });

  it('puts an unknown time zone at the coverage’s zone, in the hours tab', () => {
    const base = testPolicy();
    const policy = {
      ...base,
      coverage: base.coverage.map((c, i) => (i === 1 ? { ...c, timeZone: 'Mars/Olympus' } : c)),
    };
    const problems = new ProblemIndex(problemsOf(policy));
    expect(problems.at('coverage.1.timeZone')).toMatch(/^Unknown time zone 'Mars\/Olympus'/);
    expect(sectionOf('coverage.1.timeZone')).toBe('hours');
    expect(sectionOf('businessHours.weekly.0.end')).toBe('hours');
    expect(problems.countIn('hours')).toBe(1);
  });

  it('finds a problem inside a field for inputs that hold a list (a multi-select of severities)', () => {
    const policy = testPolicy({ paths: [testPath({ severities: ['p1', 'p9'] })] });
    const problems = new ProblemIndex(problemsOf(policy));
    expect(problems.at('paths.0.severities')).toBeUndefined();
    expect(problems.within('paths.0.severities')).toBe("Unknown severity 'p9'");
  });

  it('reads targets in the words of the form', () => {
    expect(
      inlineMessage(
        'severities.0.businessHours.resolutionMinutes',
        'resolutionMinutes cannot be shorter than responseMinutes: a problem is answered before it is solved',
      ),
    ).toBe('Cannot be shorter than the response target: a problem is answered before it is solved');
    expect(inlineMessage('businessHours.holidays.0', "'2026-02-30' is not a date such as '2026-12-25'")).toBe(
      "'2026-02-30' is not a date such as '2026-12-25'",
    );
  });

  it('keeps the first message of a field', () => {
    const problems = new ProblemIndex([
      { field: 'contacts.0.name', message: 'name cannot be empty' },
      { field: 'contacts.0.name', message: 'name can be at most 120 characters' },
    ]);
    expect(problems.at('contacts.0.name')).toBe('Cannot be empty');
    expect(problems.size).toBe(2);
  });

  it('focuses the closest input that exists: the field, then what holds it', () => {
    expect(focusCandidates('paths.0.severities.1')).toEqual([
      'policy-paths-0-severities-1',
      'policy-paths-0-severities',
      'policy-paths-0',
      'policy-paths',
    ]);
    expect(focusCandidates('')).toEqual([]);
  });
});

describe('problemsFromError', () => {
  it('takes the details of a 400, which use the same field paths', () => {
    const error = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid paths.0.steps.1.waitMinutes',
      details: [{ field: 'paths.0.steps.1.waitMinutes', message: 'waitMinutes cannot be negative' }],
    });
    const problems = problemsFromError(error);
    expect(problems).toEqual([{ field: 'paths.0.steps.1.waitMinutes', message: 'waitMinutes cannot be negative' }]);
    expect(new ProblemIndex(problems).at('paths.0.steps.1.waitMinutes')).toBe('Cannot be negative');
  });

  it('takes nothing from other failures', () => {
    expect(problemsFromError(new ApiError({ statusCode: 412, error: 'Precondition Failed', message: 'x' }))).toEqual(
      [],
    );
    expect(problemsFromError(new Error('x'))).toEqual([]);
  });
});

describe('fieldLabel', () => {
  const policy = testPolicy();

  it('says where a problem is in the words of the form', () => {
    expect(fieldLabel('paths.0.afterHours.steps.1.waitMinutes', policy, testContent)).toBe(
      'Path for Threat response · after-hours step 2 · wait',
    );
    expect(fieldLabel('paths.0.steps.0.contactKey', policy, testContent)).toBe(
      'Path for Threat response · step 1 · contact',
    );
    expect(fieldLabel('severities.0.afterHours.responseMinutes', policy, testContent)).toBe(
      "Severity 'P1 Emergency' · response target (after hours)",
    );
    expect(fieldLabel('coverage.0.timeZone', policy, testContent)).toBe('Hours of Northwind · time zone');
    expect(fieldLabel('businessHours.weekly.4.end', policy, testContent)).toBe('Business hours · Friday to');
    expect(fieldLabel('contacts.2.email', policy, testContent)).toBe('Contact Ida Lindqvist · e-mail');
    expect(fieldLabel('', policy, testContent)).toBe('The policy');
  });

  it('names a responsibility path by the row’s title, and unnamed entries by number', () => {
    const own = testPolicy({
      paths: [testPath({ category: null, responsibilityKey: 'incident_handling' })],
      contacts: [{ key: 'x', partyKey: 'msp', name: '  ', role: '', phone: '', email: '' }],
    });
    expect(fieldLabel('paths.0.repeat', own, testContent)).toBe("Path for 'Security incident handling' · repeat");
    expect(fieldLabel('contacts.0.name', own, testContent)).toBe('Contact 1 · name');
  });
});
