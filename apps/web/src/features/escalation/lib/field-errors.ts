import {
  categoryLabel,
  type EscalationPath,
  type EscalationPolicy,
  type MatrixContent,
  type PolicyProblem,
  WEEKDAY_NAMES,
  WEEKDAYS,
} from '@accord/raci';
import { ApiError } from '../../../lib/api/api-error';
import { fieldMessage } from '../../../lib/forms/form-errors';

/**
 * validateEscalationPolicy (in the browser) and the API's 400 (from the same code) name each bad
 * value by its dotted path into the policy: "paths.0.steps.1.waitMinutes", "coverage.2.timeZone".
 * The editor gives every input the id of its path (`fieldId`), shows each message under its input
 * (`ProblemIndex`) and lists them all, in words (`fieldLabel`), above the form.
 */

/** The editor's tabs, and which one holds a field. */
export const POLICY_SECTIONS = ['severities', 'hours', 'contacts', 'paths'] as const;
export type PolicySection = (typeof POLICY_SECTIONS)[number];

export function sectionOf(field: string): PolicySection | null {
  const [head] = field.split('.');
  switch (head) {
    case 'severities':
      return 'severities';
    case 'businessHours':
    case 'coverage':
      return 'hours';
    case 'contacts':
      return 'contacts';
    case 'paths':
      return 'paths';
    default:
      return null;
  }
}

/** The DOM id of the input of a field: "paths.0.steps.1.waitMinutes" -> "policy-paths-0-steps-1-waitMinutes". */
export function fieldId(field: string): string {
  return field === '' ? 'policy' : `policy-${field.replaceAll('.', '-')}`;
}

/** The ids to try when focusing a field: its own, then those of the objects that hold it. */
export function focusCandidates(field: string): string[] {
  const parts = field === '' ? [] : field.split('.');
  const ids: string[] = [];
  for (let end = parts.length; end > 0; end -= 1) ids.push(fieldId(parts.slice(0, end).join('.')));
  return ids;
}

/** Identifiers of the document that a message may mention, in the words of the form. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  responseMinutes: 'the response target',
  resolutionMinutes: 'the resolution target',
  waitMinutes: 'the wait',
  responsibilityKey: 'responsibility',
  contactKey: 'contact',
  partyKey: 'party',
  timeZone: 'time zone',
  alwaysOn: '24/7',
};

/** A message for under its input: without the field's own name in front, and without identifiers. */
export function inlineMessage(field: string, message: string): string {
  const last = field.split('.').at(-1) ?? '';
  const own = Number.isNaN(Number(last)) ? fieldMessage(last, message) : fieldMessage('', message);
  return own.replace(
    /\b(responseMinutes|resolutionMinutes|waitMinutes|responsibilityKey|contactKey|partyKey|timeZone|alwaysOn)\b/g,
    (word) => FIELD_WORDS[word] ?? word,
  );
}

/** Every problem by field (the first message of a field wins), for the inputs to ask. */
export class ProblemIndex {
  private readonly byField = new Map<string, string>();

  constructor(readonly problems: readonly PolicyProblem[]) {
    for (const problem of problems) {
      if (!this.byField.has(problem.field))
        this.byField.set(problem.field, inlineMessage(problem.field, problem.message));
    }
  }

  /** The message of exactly this field. */
  at(field: string): string | undefined {
    return this.byField.get(field);
  }

  /** The first message of this field or any field inside it ("paths.0.severities" finds "paths.0.severities.1"). */
  within(field: string): string | undefined {
    const own = this.byField.get(field);
    if (own !== undefined) return own;
    for (const [key, message] of this.byField) if (key.startsWith(`${field}.`)) return message;
    return undefined;
  }

  /** How many problems lie in this field or inside it. */
  count(field: string): number {
    return this.problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`)).length;
  }

  countIn(section: PolicySection): number {
    return this.problems.filter((p) => sectionOf(p.field) === section).length;
  }

  get size(): number {
    return this.problems.length;
  }
}

export const NO_PROBLEMS = new ProblemIndex([]);

/** The problems a failed save names: a 400's details; nothing for any other failure. */
export function problemsFromError(error: unknown): PolicyProblem[] {
  if (!(error instanceof ApiError) || error.statusCode !== 400) return [];
  return error.details.map((detail) => ({ field: detail.field, message: detail.message }));
}

const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  key: 'key',
  name: 'name',
  criteria: 'criteria',
  timeZone: 'time zone',
  alwaysOn: '24/7',
  weekly: 'weekly hours',
  holidays: 'holidays',
  partyKey: 'party',
  contactKey: 'contact',
  channel: 'channel',
  waitMinutes: 'wait',
  role: 'role',
  phone: 'phone',
  email: 'e-mail',
  repeat: 'repeat',
  steps: 'steps',
  severities: 'severities',
  category: 'scope',
  responsibilityKey: 'scope',
  review: 'review',
};

function index(part: string | undefined): number {
  const value = Number(part);
  return Number.isInteger(value) && value >= 0 ? value : -1;
}

function pathScope(path: EscalationPath | undefined, content: MatrixContent): string {
  if (path === undefined) return 'path';
  if (path.responsibilityKey !== null) {
    const row = content.responsibilities.find((r) => r.key === path.responsibilityKey);
    return `path for '${row?.title ?? path.responsibilityKey}'`;
  }
  return path.category ? `path for ${categoryLabel(path.category)}` : 'path without a scope';
}

/** The words for the rest of a field path after the object it belongs to. */
function attributeLabel(parts: readonly string[], schedule?: { weekly: readonly { day: string }[] }): string[] {
  const [head, second, third] = parts;
  if (head === undefined) return [];
  if (head === 'businessHours' || head === 'afterHours') {
    if (second === 'responseMinutes' || second === 'resolutionMinutes') {
      const when = head === 'businessHours' ? 'business hours' : 'after hours';
      return [`${second === 'responseMinutes' ? 'response' : 'resolution'} target (${when})`];
    }
  }
  if (head === 'weekly' && second !== undefined) {
    const window = schedule?.weekly[index(second)];
    const day = window ? WEEKDAY_NAMES[WEEKDAYS.indexOf(window.day as (typeof WEEKDAYS)[number])] : undefined;
    const where = day ?? `window ${index(second) + 1}`;
    return third ? [`${where} ${third === 'start' ? 'from' : third === 'end' ? 'to' : third}`] : [where];
  }
  if (head === 'holidays' && second !== undefined) return [`holiday ${index(second) + 1}`];
  if (head === 'severities' && second !== undefined) return ['severities'];
  return [ATTRIBUTE_LABELS[head] ?? head];
}

/**
 * Where a problem is, as the person sees the form: "Severity 'P1 Emergency' · response target
 * (after hours)", "Hours of Northwind · time zone", "Path for Threat response · after-hours step 2
 * · wait". Falls back to numbers when an entry has no name yet.
 */
export function fieldLabel(field: string, policy: EscalationPolicy, content: MatrixContent): string {
  if (field === '') return 'The policy';
  const parts = field.split('.');
  const [head, second, ...rest] = parts;
  const partyName = (key: string | undefined) => content.parties.find((p) => p.key === key)?.name ?? key ?? 'a party';
  const words: string[] = [];
  switch (head) {
    case 'severities': {
      const severity = policy.severities[index(second)];
      words.push(severity?.name.trim() ? `Severity '${severity.name.trim()}'` : `Severity ${index(second) + 1}`);
      words.push(...attributeLabel(rest));
      break;
    }
    case 'businessHours':
      words.push(
        'Business hours',
        ...attributeLabel(second === undefined ? [] : [second, ...rest], policy.businessHours),
      );
      break;
    case 'coverage': {
      const coverage = policy.coverage[index(second)];
      words.push(`Hours of ${partyName(coverage?.partyKey)}`, ...attributeLabel(rest, coverage));
      break;
    }
    case 'contacts': {
      const contact = policy.contacts[index(second)];
      words.push(contact?.name.trim() ? `Contact ${contact.name.trim()}` : `Contact ${index(second) + 1}`);
      words.push(...attributeLabel(rest));
      break;
    }
    case 'paths': {
      const path = policy.paths[index(second)];
      const scope = pathScope(path, content);
      words.push(scope.charAt(0).toUpperCase() + scope.slice(1));
      let tail = rest;
      const afterHours = tail[0] === 'afterHours';
      if (afterHours) tail = tail.slice(1);
      if (tail[0] === 'steps' && tail[1] !== undefined) {
        words.push(`${afterHours ? 'after-hours ' : ''}step ${index(tail[1]) + 1}`);
        tail = tail.slice(2);
      } else if (afterHours) {
        words.push('after hours');
      }
      words.push(...attributeLabel(tail));
      break;
    }
    default:
      words.push(field);
  }
  return words.filter((word) => word !== '').join(' · ');
}
