import { DateTime } from 'luxon';
import { z } from 'zod';
import { categoryLabel, isCategoryKey, KEY_PATTERN, type MatrixContent } from '../matrix';
import { listNames, quote } from '../text';
import { clockMinutes, isValidTimeZone } from './schedule';
import { CHANNELS, type Contact, type EscalationPath, type EscalationPolicy, WEEKDAYS } from './types';

/**
 * What a stored escalation policy must look like. The API validates every write with it and the
 * web app checks a form with the same code before sending, so the messages are written for the
 * person filling the form and name the field they are about.
 */

/** One year: no target or wait is longer, and it keeps every sum of minutes far from overflow. */
export const MAX_MINUTES = 525_600;

/** Upper bounds that keep one policy a readable size and a request cheap to check. */
export const ESCALATION_LIMITS = {
  severities: 10,
  stepsPerSequence: 20,
  repeat: 10,
  coverage: 100,
  contacts: 200,
  paths: 200,
  weeklyWindows: 70,
  holidays: 400,
} as const;

const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const emailSchema = z.string().email();

/** Long junk must not turn into a long message. */
function clip(value: string): string {
  return value.length > 64 ? `${value.slice(0, 61)}...` : value;
}

function key(field: string) {
  return z
    .string()
    .max(64, `${field} can be at most 64 characters`)
    .regex(
      KEY_PATTERN,
      `${field} must be lower-case letters and digits joined by single underscores, such as 'msp_on_call'`,
    );
}

function text(field: string, max: number, required: boolean) {
  const trimmed = z.string().trim();
  return (required ? trimmed.min(1, `${field} cannot be empty`) : trimmed).max(
    max,
    `${field} can be at most ${max} characters`,
  );
}

function minutes(field: string, min: 0 | 1) {
  return z
    .number()
    .int(`${field} must be a whole number of minutes`)
    .min(min, min === 0 ? `${field} cannot be negative` : `${field} must be at least 1 minute`)
    .max(MAX_MINUTES, `${field} can be at most ${MAX_MINUTES} minutes (one year)`);
}

const targetsSchema = z
  .object({ responseMinutes: minutes('responseMinutes', 1), resolutionMinutes: minutes('resolutionMinutes', 1) })
  .strict()
  .superRefine((targets, ctx) => {
    if (targets.resolutionMinutes < targets.responseMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolutionMinutes'],
        message: 'resolutionMinutes cannot be shorter than responseMinutes: a problem is answered before it is solved',
      });
    }
  });

const severitySchema = z
  .object({
    key: key('key'),
    name: text('name', 120, true),
    criteria: text('criteria', 2000, false),
    businessHours: targetsSchema,
    afterHours: targetsSchema,
  })
  .strict();

const timeZoneSchema = z.string().refine(
  (zone) => zone.length <= 64 && isValidTimeZone(zone),
  (zone) => ({ message: `Unknown time zone '${clip(zone)}'. Use an IANA name such as 'America/New_York'.` }),
);

const windowSchema = z
  .object({
    day: z.enum(WEEKDAYS),
    start: z.string().regex(CLOCK_PATTERN, "start must be a time of day such as '08:00'"),
    end: z
      .string()
      .refine(
        (end) => end === '24:00' || CLOCK_PATTERN.test(end),
        "end must be a time of day such as '17:00', or '24:00' for midnight",
      ),
  })
  .strict()
  .superRefine((window, ctx) => {
    // A malformed start or end already has its own message; comparing it would only add noise.
    const start = CLOCK_PATTERN.test(window.start) ? clockMinutes(window.start) : Number.NaN;
    const end = clockMinutes(window.end);
    if (start >= end) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'end must be after start. Hours past midnight go in a second window on the next day.',
      });
    }
  });

/** A calendar date that exists: "2026-02-30" has the right shape but is no day. */
function isLocalDate(value: string): boolean {
  return DATE_PATTERN.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

const scheduleShape = {
  timeZone: timeZoneSchema,
  alwaysOn: z.boolean(),
  weekly: z
    .array(windowSchema)
    .max(ESCALATION_LIMITS.weeklyWindows, `weekly can hold at most ${ESCALATION_LIMITS.weeklyWindows} windows`),
  holidays: z
    .array(z.string().refine(isLocalDate, (day) => ({ message: `'${clip(day)}' is not a date such as '2026-12-25'` })))
    .max(ESCALATION_LIMITS.holidays, `holidays can hold at most ${ESCALATION_LIMITS.holidays} dates`)
    // A date listed twice means the same; keep it once.
    .transform((days) => [...new Set(days)]),
};

const contactSchema = z
  .object({
    key: key('key'),
    partyKey: key('partyKey'),
    name: text('name', 120, true),
    role: text('role', 120, false),
    phone: text('phone', 40, false),
    email: z
      .string()
      .trim()
      .max(254, 'email can be at most 254 characters')
      .refine(
        (email) => email === '' || emailSchema.safeParse(email).success,
        'email must be an e-mail address such as it@example.com',
      ),
  })
  .strict();

const stepSchema = z
  .object({
    partyKey: key('partyKey'),
    contactKey: key('contactKey').nullable(),
    channel: z.enum(CHANNELS),
    waitMinutes: minutes('waitMinutes', 0),
  })
  .strict();

const sequenceShape = {
  steps: z
    .array(stepSchema)
    .min(1, 'steps needs at least one step')
    .max(ESCALATION_LIMITS.stepsPerSequence, `steps can hold at most ${ESCALATION_LIMITS.stepsPerSequence} steps`),
  repeat: z
    .number()
    .int('repeat must be a whole number')
    .min(0, 'repeat cannot be negative')
    .max(ESCALATION_LIMITS.repeat, `repeat can be at most ${ESCALATION_LIMITS.repeat}`),
};

const reviewSchema = z
  .object({
    userId: z.string().min(1, 'userId cannot be empty').max(100, 'userId can be at most 100 characters'),
    name: text('name', 120, true),
    at: z.string().datetime({ offset: true, message: 'at must be a date and time such as 2026-03-29T02:00:00Z' }),
  })
  .strict();

const pathSchema = z
  .object({
    key: key('key'),
    category: z.string().max(64, 'category can be at most 64 characters').nullable(),
    responsibilityKey: key('responsibilityKey').nullable(),
    severities: z
      .array(key('severities'))
      .max(ESCALATION_LIMITS.severities, `severities can hold at most ${ESCALATION_LIMITS.severities} keys`),
    ...sequenceShape,
    afterHours: z.object(sequenceShape).strict().nullable(),
    review: reviewSchema.nullable(),
  })
  .strict()
  .superRefine((path, ctx) => {
    if (path.category === null && path.responsibilityKey === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'A path needs a category or a responsibilityKey: say what kind of problem it is for',
      });
    } else if (path.category !== null && path.responsibilityKey !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['responsibilityKey'],
        message: 'A path is for a category or for one responsibility, not both: clear category or responsibilityKey',
      });
    }
  });

export const escalationPolicySchema: z.ZodType<EscalationPolicy, z.ZodTypeDef, unknown> = z
  .object({
    severities: z
      .array(severitySchema)
      .min(1, 'severities needs at least one severity level')
      .max(ESCALATION_LIMITS.severities, `severities can hold at most ${ESCALATION_LIMITS.severities} levels`),
    businessHours: z.object(scheduleShape).strict(),
    coverage: z
      .array(z.object({ partyKey: key('partyKey'), ...scheduleShape }).strict())
      .max(ESCALATION_LIMITS.coverage, `coverage can hold at most ${ESCALATION_LIMITS.coverage} entries`),
    contacts: z
      .array(contactSchema)
      .max(ESCALATION_LIMITS.contacts, `contacts can hold at most ${ESCALATION_LIMITS.contacts} people`),
    paths: z.array(pathSchema).max(ESCALATION_LIMITS.paths, `paths can hold at most ${ESCALATION_LIMITS.paths} paths`),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.severities.forEach((severity, i) => {
      if (seen.has(severity.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['severities', i, 'key'],
          message: `Two severities share the key '${severity.key}'`,
        });
      }
      seen.add(severity.key);
    });
  });

/** A bad value: `field` is the dotted path into the policy ("paths.0.steps.1.waitMinutes"), '' for the whole. */
export interface PolicyProblem {
  field: string;
  message: string;
}

export type EscalationPolicyValidation =
  { ok: true; policy: EscalationPolicy } | { ok: false; problems: PolicyProblem[] };

const TYPE_WORDS: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** How a message names the value it is about: its own field name, or its place in a list. */
function subject(path: readonly (string | number)[]): string {
  const last = path.at(-1);
  if (last === undefined) return 'The escalation policy';
  if (typeof last === 'string') return last;
  const list = path.at(-2);
  return `Entry ${last} of ${typeof list === 'string' ? list : 'the list'}`;
}

/** Plain messages for the issues the schema leaves to zod: a wrong type, a missing field, a bad option. */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  const what = subject(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined'
        ? { message: `${what} is missing` }
        : { message: `${what} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `${what} must be one of ${issue.options.map(String).join(', ')}` };
    default:
      return { message: ctx.defaultError };
  }
};

function fieldOf(path: readonly (string | number)[]): string {
  return path.join('.');
}

function schemaProblems(error: z.ZodError): PolicyProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === z.ZodIssueCode.unrecognized_keys
      ? issue.keys.map((k) => ({
          // Named like every other field of the API, even when the name itself holds a dot.
          field: fieldOf([...issue.path, k]),
          message: `Unknown field '${clip(k)}'`,
        }))
      : [{ field: fieldOf(issue.path), message: issue.message }],
  );
}

/**
 * The schema first, then every reference against the matrix: parties, contacts, categories,
 * responsibilities and severities must exist, keys must be unique, and two paths must not claim
 * the same problems. Never throws, whatever `input` is.
 */
export function validateEscalationPolicy(input: unknown, content: MatrixContent): EscalationPolicyValidation {
  try {
    const parsed = escalationPolicySchema.safeParse(input, { errorMap });
    if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error) };
    const problems = referenceProblems(parsed.data, content);
    return problems.length === 0 ? { ok: true, policy: parsed.data } : { ok: false, problems };
  } catch {
    // Only an input that is not plain data (a getter that throws, a revoked proxy) gets here.
    return { ok: false, problems: [{ field: '', message: 'The escalation policy could not be read.' }] };
  }
}

function referenceProblems(policy: EscalationPolicy, content: MatrixContent): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const parties = new Map(content.parties.map((p) => [p.key, p]));
  const partyName = (partyKey: string) => parties.get(partyKey)?.name ?? partyKey;
  const unknownParty = (field: string, partyKey: string) =>
    add(field, `Unknown party '${partyKey}': it is not a party of this matrix`);

  const coverageOf = new Map<string, number>();
  policy.coverage.forEach((coverage, i) => {
    const first = coverageOf.get(coverage.partyKey);
    if (!parties.has(coverage.partyKey)) unknownParty(`coverage.${i}.partyKey`, coverage.partyKey);
    else if (first !== undefined) {
      add(`coverage.${i}.partyKey`, `${partyName(coverage.partyKey)} already has coverage hours in coverage.${first}`);
    } else coverageOf.set(coverage.partyKey, i);
  });

  const contacts = new Map<string, { contact: Contact; index: number }>();
  policy.contacts.forEach((contact, i) => {
    if (!parties.has(contact.partyKey)) unknownParty(`contacts.${i}.partyKey`, contact.partyKey);
    const first = contacts.get(contact.key);
    if (first !== undefined)
      add(`contacts.${i}.key`, `Two contacts share the key '${contact.key}' (contacts.${first.index})`);
    else contacts.set(contact.key, { contact, index: i });
  });

  const rows = new Set(content.responsibilities.map((r) => r.key));
  const severityKeys = new Set(policy.severities.map((s) => s.key));
  const pathKeys = new Map<string, number>();
  policy.paths.forEach((path, i) => {
    const at = `paths.${i}`;
    const first = pathKeys.get(path.key);
    if (first !== undefined) add(`${at}.key`, `Two paths share the key '${path.key}' (paths.${first})`);
    else pathKeys.set(path.key, i);
    if (path.category !== null && !isCategoryKey(path.category)) {
      add(`${at}.category`, `Unknown category '${clip(path.category)}'`);
    }
    if (path.responsibilityKey !== null && !rows.has(path.responsibilityKey)) {
      add(
        `${at}.responsibilityKey`,
        `Unknown responsibility '${path.responsibilityKey}': it is not a row of this matrix`,
      );
    }
    const listed = new Set<string>();
    path.severities.forEach((severityKey, j) => {
      if (!severityKeys.has(severityKey)) add(`${at}.severities.${j}`, `Unknown severity '${severityKey}'`);
      else if (listed.has(severityKey)) add(`${at}.severities.${j}`, `The severity '${severityKey}' is listed twice`);
      listed.add(severityKey);
    });
    const sequences = [
      { field: at, steps: path.steps },
      ...(path.afterHours ? [{ field: `${at}.afterHours`, steps: path.afterHours.steps }] : []),
    ];
    for (const sequence of sequences) {
      sequence.steps.forEach((step, j) => {
        const field = `${sequence.field}.steps.${j}`;
        if (!parties.has(step.partyKey)) unknownParty(`${field}.partyKey`, step.partyKey);
        if (step.contactKey === null) return;
        const contact = contacts.get(step.contactKey)?.contact;
        if (contact === undefined) add(`${field}.contactKey`, `Unknown contact '${step.contactKey}'`);
        else if (contact.partyKey !== step.partyKey) {
          add(
            `${field}.contactKey`,
            `${contact.name} is a contact of ${partyName(contact.partyKey)}, not of ${partyName(step.partyKey)}`,
          );
        }
      });
    }
  });

  problems.push(...overlappingPaths(policy.paths, content));
  return problems;
}

function sameScope(a: EscalationPath, b: EscalationPath): boolean {
  return a.responsibilityKey !== null
    ? a.responsibilityKey === b.responsibilityKey
    : b.responsibilityKey === null && a.category === b.category;
}

/**
 * Two paths of the same scope that both name a severity (or both take every severity) would
 * compete for the same problems, and only the first would ever run. A path for every severity
 * next to one for, say, P1 is fine: the one that names the severity wins (see pathFor).
 */
function overlappingPaths(paths: readonly EscalationPath[], content: MatrixContent): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  paths.forEach((later, j) => {
    const earlier = paths.findIndex((p, i) => i < j && sameScope(p, later) && overlap(p, later) !== null);
    if (earlier < 0) return;
    const shared = overlap(paths[earlier], later) ?? [];
    const scope =
      later.responsibilityKey !== null
        ? `the responsibility ${quote(content.responsibilities.find((r) => r.key === later.responsibilityKey)?.title ?? later.responsibilityKey)}`
        : `the category ${categoryLabel(later.category ?? '')}`;
    const severities = shared.length === 0 ? 'every severity' : listNames(shared.map(quote));
    problems.push({
      field: `paths.${j}.severities`,
      message: `This path and paths.${earlier} ('${paths[earlier].key}') are both for ${scope} at ${severities}, so only the first would ever run. Give them different severities.`,
    });
  });
  return problems;
}

/** The severities two paths share: [] when both take every severity, null when they share none. */
function overlap(a: EscalationPath, b: EscalationPath): string[] | null {
  if (a.severities.length === 0 && b.severities.length === 0) return [];
  if (a.severities.length === 0 || b.severities.length === 0) return null;
  const shared = a.severities.filter((s) => b.severities.includes(s));
  return shared.length === 0 ? null : [...new Set(shared)];
}
