import fc from 'fast-check';
import { templateContent, TEMPLATES } from '../templates';
import { escalationPath, harborPolicy, step } from '../testing/escalation';
import { defaultEscalationPolicy } from './defaults';
import { validateEscalationPolicy } from './schema';
import { type EscalationPolicy } from './types';

const content = templateContent('co_managed');
const harbor = harborPolicy(content);

/** A deep copy of Harbor's policy with the value at a dotted path replaced (or removed with `undefined`). */
function withValue(field: string, value: unknown, policy: EscalationPolicy = harbor): unknown {
  const copy: unknown = structuredClone(policy);
  const keys = field.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function problemsOf(input: unknown) {
  const result = validateEscalationPolicy(input, content);
  return result.ok ? [] : result.problems;
}

describe('validateEscalationPolicy: what passes', () => {
  it("accepts Harbor Dental's policy and hands it back", () => {
    expect(validateEscalationPolicy(harbor, content)).toEqual({ ok: true, policy: harbor });
  });

  it.each(TEMPLATES.map((t) => [t.key]))('accepts the default policy of the %s template', (key) => {
    const matrix = templateContent(key);
    expect(validateEscalationPolicy(defaultEscalationPolicy(matrix), matrix).ok).toBe(true);
    expect(validateEscalationPolicy(defaultEscalationPolicy(matrix, 'Asia/Kolkata'), matrix).ok).toBe(true);
  });

  it('keeps a holiday listed twice only once, and trims names', () => {
    const input = withValue('businessHours.holidays', ['2026-12-25', '2026-12-25']);
    const named = withValue('contacts.0.name', '  Northwind NOC  ', input as EscalationPolicy);
    const result = validateEscalationPolicy(named, content);
    expect(result.ok && result.policy.businessHours.holidays).toEqual(['2026-12-25']);
    expect(result.ok && result.policy.contacts[0].name).toBe('Northwind NOC');
  });

  it('accepts "24:00" as the end of a window', () => {
    expect(problemsOf(withValue('businessHours.weekly.0.end', '24:00'))).toEqual([]);
  });

  it('accepts a path for every severity next to one for P1 in the same category: the specific one wins', () => {
    expect(problemsOf(harbor)).toEqual([]);
    expect(harbor.paths.filter((p) => p.category === 'threat_response').map((p) => p.severities)).toEqual([['p1'], []]);
  });
});

describe('validateEscalationPolicy: each bad value, named by its field', () => {
  it.each([
    [
      'businessHours.timeZone',
      'Mars/Base',
      "Unknown time zone 'Mars/Base'. Use an IANA name such as 'America/New_York'.",
    ],
    [
      'coverage.2.timeZone',
      'Europe/Atlantis',
      "Unknown time zone 'Europe/Atlantis'. Use an IANA name such as 'America/New_York'.",
    ],
    ['paths.0.steps.1.waitMinutes', -5, 'waitMinutes cannot be negative'],
    ['paths.0.steps.1.waitMinutes', 2.5, 'waitMinutes must be a whole number of minutes'],
    ['paths.0.steps.1.waitMinutes', 525_601, 'waitMinutes can be at most 525600 minutes (one year)'],
    ['paths.0.steps.1.waitMinutes', '10', 'waitMinutes must be a number'],
    ['paths.0.steps.1.channel', 'pager', 'channel must be one of phone, sms, email, ticket, chat'],
    ['paths.0.repeat', 11, 'repeat can be at most 10'],
    ['paths.0.steps', [], 'steps needs at least one step'],
    ['paths.0.steps', Array.from({ length: 21 }, () => step('msp', null, 1)), 'steps can hold at most 20 steps'],
    [
      'paths.0.key',
      'Security P1',
      "key must be lower-case letters and digits joined by single underscores, such as 'msp_on_call'",
    ],
    ['severities.0.businessHours.responseMinutes', 0, 'responseMinutes must be at least 1 minute'],
    [
      'severities.0.afterHours.resolutionMinutes',
      10,
      'resolutionMinutes cannot be shorter than responseMinutes: a problem is answered before it is solved',
    ],
    ['severities.1.name', ' ', 'name cannot be empty'],
    ['severities.1.name', 'x'.repeat(121), 'name can be at most 120 characters'],
    ['severities.1.criteria', 'x'.repeat(2001), 'criteria can be at most 2000 characters'],
    ['contacts.0.email', 'noc at northwind', 'email must be an e-mail address such as it@example.com'],
    ['contacts.0.phone', '+1 555 0100'.repeat(4), 'phone can be at most 40 characters'],
    ['businessHours.weekly.0.start', '24:00', "start must be a time of day such as '08:00'"],
    ['businessHours.weekly.0.end', '7pm', "end must be a time of day such as '17:00', or '24:00' for midnight"],
    ['businessHours.holidays.1', '2026-02-30', "'2026-02-30' is not a date such as '2026-12-25'"],
    ['businessHours.alwaysOn', 'yes', 'alwaysOn must be true or false'],
  ])('%s = %j', (field, value, message) => {
    expect(problemsOf(withValue(field, value))).toEqual([{ field, message }]);
  });

  it("names a bad review's time by its own field", () => {
    const review = withValue('paths.1.review', { userId: 'u1', name: 'Sam Rivera', at: 'yesterday' });
    expect(problemsOf(review)).toEqual([
      { field: 'paths.1.review.at', message: 'at must be a date and time such as 2026-03-29T02:00:00Z' },
    ]);
    const fine = withValue('paths.1.review', { userId: 'u1', name: 'Sam Rivera', at: '2026-03-29T02:00:00.000Z' });
    expect(problemsOf(fine)).toEqual([]);
  });

  it('names a window whose end is not after its start by its end', () => {
    const input = withValue('businessHours.weekly.0', { day: 'mon', start: '17:00', end: '08:00' });
    expect(problemsOf(input)).toEqual([
      {
        field: 'businessHours.weekly.0.end',
        message: 'end must be after start. Hours past midnight go in a second window on the next day.',
      },
    ]);
  });

  it('names a missing field and each unknown one', () => {
    expect(problemsOf(withValue('paths.0.afterHours.repeat', undefined))).toEqual([
      { field: 'paths.0.afterHours.repeat', message: 'repeat is missing' },
    ]);
    expect(problemsOf(withValue('paths.0.colour', 'red'))).toEqual([
      { field: 'paths.0.colour', message: "Unknown field 'colour'" },
    ]);
  });

  it('refuses severities sharing a key, and more than ten of them', () => {
    expect(problemsOf(withValue('severities.1.key', 'p1'))).toEqual([
      { field: 'severities.1.key', message: "Two severities share the key 'p1'" },
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ ...harbor.severities[0], key: `p${i + 1}` }));
    expect(problemsOf(withValue('severities', eleven))).toEqual([
      { field: 'severities', message: 'severities can hold at most 10 levels' },
    ]);
  });

  it('wants a path for exactly one of a category and a responsibility', () => {
    expect(problemsOf(withValue('paths.0.category', null))).toEqual([
      {
        field: 'paths.0.category',
        message: 'A path needs a category or a responsibilityKey: say what kind of problem it is for',
      },
    ]);
    expect(problemsOf(withValue('paths.0.responsibilityKey', 'incident_response'))).toEqual([
      {
        field: 'paths.0.responsibilityKey',
        message: 'A path is for a category or for one responsibility, not both: clear category or responsibilityKey',
      },
    ]);
  });

  it('refuses a __proto__ member as an unknown field without touching any prototype', () => {
    const input: unknown = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(harbor).slice(1)}`);
    expect(problemsOf(input)).toEqual([{ field: '__proto__', message: "Unknown field '__proto__'" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the whole policy when it is not an object', () => {
    expect(problemsOf(null)).toEqual([{ field: '', message: 'The escalation policy must be an object' }]);
    expect(problemsOf([])).toEqual([{ field: '', message: 'The escalation policy must be an object' }]);
  });
});

describe('validateEscalationPolicy: references against the matrix', () => {
  it.each([
    ['paths.0.steps.1.contactKey', 'nobody', "Unknown contact 'nobody'"],
    ['paths.0.afterHours.steps.0.contactKey', 'internal_it_admin', 'Ida Hart is a contact of Internal IT, not of MSP'],
    ['paths.0.steps.0.partyKey', 'cloud_vendor', "Unknown party 'cloud_vendor': it is not a party of this matrix"],
    ['coverage.1.partyKey', 'cloud_vendor', "Unknown party 'cloud_vendor': it is not a party of this matrix"],
    ['coverage.2.partyKey', 'msp', 'MSP already has coverage hours in coverage.0'],
    ['contacts.3.partyKey', 'auditor', "Unknown party 'auditor': it is not a party of this matrix"],
    ['contacts.1.key', 'msp_noc_on_call', "Two contacts share the key 'msp_noc_on_call' (contacts.0)"],
    ['paths.3.key', 'security_other', "Two paths share the key 'security_other' (paths.1)"],
    ['paths.3.category', 'gardening', "Unknown category 'gardening'"],
    ['paths.2.responsibilityKey', 'pet_care', "Unknown responsibility 'pet_care': it is not a row of this matrix"],
    ['paths.0.severities.0', 'p9', "Unknown severity 'p9'"],
  ])('%s = %j', (field, value, message) => {
    expect(problemsOf(withValue(field, value))).toContainEqual({ field, message });
  });

  it('refuses two paths of one scope that claim the same severity, naming the later one', () => {
    const policy = {
      ...harbor,
      paths: [
        ...harbor.paths,
        escalationPath('security_again', { category: 'threat_response', severities: ['p2', 'p1'] }),
      ],
    };
    expect(problemsOf(policy)).toEqual([
      {
        field: 'paths.4.severities',
        message:
          "This path and paths.0 ('security_incident_p1') are both for the category Threat response at 'p1', so only the first would ever run. Give them different severities.",
      },
    ]);
  });

  it('refuses two paths for one responsibility that both take every severity', () => {
    const twin = escalationPath('isolate_again', { category: null, responsibilityKey: 'device_isolation' });
    expect(problemsOf({ ...harbor, paths: [...harbor.paths, twin] })).toEqual([
      {
        field: 'paths.4.severities',
        message:
          "This path and paths.2 ('isolate_infected_device') are both for the responsibility 'Isolating infected devices' at every severity, so only the first would ever run. Give them different severities.",
      },
    ]);
  });
});

describe('validateEscalationPolicy: properties', () => {
  /** Every dotted path to a value inside a JSON value, the root included as ''. */
  function fieldsOf(value: unknown, prefix = ''): string[] {
    if (value === null || typeof value !== 'object') return [prefix];
    const own = Object.entries(value).flatMap(([k, v]) => fieldsOf(v, prefix === '' ? k : `${prefix}.${k}`));
    return [prefix, ...own];
  }

  function parentExists(input: unknown, field: string): boolean {
    if (field === '') return true;
    const keys = field.split('.').slice(0, -1);
    let node: unknown = input;
    for (const key of keys) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
      node = (node as Record<string, unknown>)[key];
    }
    return node !== null && typeof node === 'object';
  }

  it('never throws on arbitrary JSON, and refuses it with at least one problem', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = validateEscalationPolicy(input, content);
        expect(result.ok).toBe(false);
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any one value of a good policy is replaced by arbitrary JSON, and names fields that exist', () => {
    const fields = fieldsOf(harbor).filter((f) => f !== '');
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), (field, value) => {
        const input = withValue(field, value);
        const result = validateEscalationPolicy(input, content);
        for (const problem of result.ok ? [] : result.problems) {
          expect(problem.message).not.toBe('');
          // An unknown member is named as it was sent, even when its name holds a dot.
          if (!problem.message.startsWith('Unknown field')) expect(parentExists(input, problem.field)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
