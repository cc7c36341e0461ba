import {
  type Contact,
  DEFAULT_SEVERITIES,
  type EscalationPath,
  type EscalationPolicy,
  type EscalationStep,
  type MatrixContent,
  officeHours,
  type PartyCoverage,
  type Schedule,
  type SeverityLevel,
  type StepSequence,
  type Weekday,
  WEEKDAYS,
} from '@accord/raci';

/**
 * Pure, immutable edits of a policy draft: what the editor's buttons do. Keys are made here
 * (readable, unique, in the shape the schema wants) and never change afterwards, because steps,
 * reviews and versions refer to them.
 */

const KEY_MAX = 48;

/** "Night shift (NOC)" -> "night_shift_noc"; `fallback` when nothing is left. */
export function slugKey(text: string, fallback = 'item'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, KEY_MAX)
    .replace(/_+$/g, '');
  return slug === '' ? fallback : slug;
}

/** `base`, or `base_2`, `base_3`, ... : the first that is not taken. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A copy with the item at `from` moved to `to`; out-of-range moves leave the list as it is. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Replaces one item of a list. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/**
 * A contact's place in its party's calling order, one up (-1) or down (+1): it swaps with the
 * nearest contact of the same party in that direction. Contacts of other parties keep their places.
 */
export function moveContact(contacts: readonly Contact[], index: number, direction: -1 | 1): Contact[] {
  const contact = contacts[index];
  if (contact === undefined) return [...contacts];
  let other = index + direction;
  while (other >= 0 && other < contacts.length && contacts[other]?.partyKey !== contact.partyKey) other += direction;
  if (other < 0 || other >= contacts.length) return [...contacts];
  const next = [...contacts];
  next[index] = contacts[other] as Contact;
  next[other] = contact;
  return next;
}

/** Every step sequence of a path: its own steps, and its after-hours steps when it has them. */
function sequencesOf(path: EscalationPath): StepSequence[] {
  return path.afterHours ? [path, path.afterHours] : [path];
}

/** How many steps, in all paths, call this contact by name. */
export function contactUses(policy: Pick<EscalationPolicy, 'paths'>, contactKey: string): number {
  return policy.paths
    .flatMap(sequencesOf)
    .reduce((sum, sequence) => sum + sequence.steps.filter((s) => s.contactKey === contactKey).length, 0);
}

/**
 * Removes a contact. Steps that called them by name call their party's first contact instead, so
 * that no step is left pointing at nobody.
 */
export function removeContact(policy: EscalationPolicy, contactKey: string): EscalationPolicy {
  const unlink = (steps: readonly EscalationStep[]) =>
    steps.map((s) => (s.contactKey === contactKey ? { ...s, contactKey: null } : s));
  return {
    ...policy,
    contacts: policy.contacts.filter((c) => c.key !== contactKey),
    paths: policy.paths.map((path) => ({
      ...path,
      steps: unlink(path.steps),
      afterHours: path.afterHours ? { ...path.afterHours, steps: unlink(path.afterHours.steps) } : null,
    })),
  };
}

/** A new, empty contact of a party, with a key no other contact has. */
export function newContact(policy: Pick<EscalationPolicy, 'contacts'>, partyKey: string): Contact {
  return {
    key: uniqueKey(
      `${slugKey(partyKey, 'party')}_contact`,
      policy.contacts.map((c) => c.key),
    ),
    partyKey,
    name: '',
    role: '',
    phone: '',
    email: '',
  };
}

/** The paths that name a severity; a severity in use cannot be removed without changing them. */
export function pathsUsingSeverity(policy: Pick<EscalationPolicy, 'paths'>, severityKey: string): EscalationPath[] {
  return policy.paths.filter((path) => path.severities.includes(severityKey));
}

/** The next severity level: "P5" after P1..P4, with the targets of the last one. */
export function newSeverity(policy: Pick<EscalationPolicy, 'severities'>): SeverityLevel {
  const taken = policy.severities.map((s) => s.key);
  let n = policy.severities.length + 1;
  while (taken.includes(`p${n}`)) n += 1;
  const last = policy.severities.at(-1) ?? DEFAULT_SEVERITIES[DEFAULT_SEVERITIES.length - 1];
  return {
    key: `p${n}`,
    name: `P${n}`,
    criteria: '',
    businessHours: { ...(last?.businessHours ?? { responseMinutes: 480, resolutionMinutes: 7200 }) },
    afterHours: { ...(last?.afterHours ?? { responseMinutes: 1440, resolutionMinutes: 10080 }) },
  };
}

/** What a path is for: a whole category, or one responsibility. */
export type PathScope = { category: string; responsibilityKey: null } | { category: null; responsibilityKey: string };

/** The value of a scope in a Select: "category:threat_response", "responsibility:incident_handling". */
export function scopeValue(path: Pick<EscalationPath, 'category' | 'responsibilityKey'>): string | null {
  if (path.responsibilityKey !== null) return `responsibility:${path.responsibilityKey}`;
  if (path.category !== null) return `category:${path.category}`;
  return null;
}

export function parseScope(value: string | null): PathScope | null {
  const match = value ? /^(category|responsibility):(.+)$/.exec(value) : null;
  if (!match?.[2]) return null;
  return match[1] === 'category'
    ? { category: match[2], responsibilityKey: null }
    : { category: null, responsibilityKey: match[2] };
}

/** The party a new step calls: the MSP when the matrix has one, else the first party. */
function defaultParty(content: MatrixContent): string {
  return (content.parties.find((p) => p.kind === 'msp') ?? content.parties[0])?.key ?? 'msp';
}

export function newStep(content: MatrixContent, after?: EscalationStep): EscalationStep {
  return {
    partyKey: after?.partyKey ?? defaultParty(content),
    contactKey: null,
    channel: after?.channel ?? 'phone',
    waitMinutes: after?.waitMinutes ?? 15,
  };
}

/** A new path for a scope, calling the MSP first; its key says what it is for. */
export function newPath(
  policy: Pick<EscalationPolicy, 'paths'>,
  scope: PathScope,
  content: MatrixContent,
): EscalationPath {
  const base = slugKey(scope.responsibilityKey ?? scope.category ?? 'path', 'path');
  return {
    key: uniqueKey(
      `${base}_path`,
      policy.paths.map((p) => p.key),
    ),
    ...scope,
    severities: [],
    steps: [newStep(content)],
    repeat: 0,
    afterHours: null,
    review: null,
  };
}

/** Switches a path's separate after-hours steps on (starting as a copy of its steps) or off. */
export function withAfterHours(path: EscalationPath, on: boolean): EscalationPath {
  if (!on) return { ...path, afterHours: null };
  if (path.afterHours) return path;
  return { ...path, afterHours: { steps: path.steps.map((s) => ({ ...s })), repeat: path.repeat } };
}

/** A step calling another party: a contact of the old party no longer fits, so it goes back to "first contact". */
export function withParty(step: EscalationStep, partyKey: string, contacts: readonly Contact[]): EscalationStep {
  const contact = contacts.find((c) => c.key === step.contactKey);
  return { ...step, partyKey, contactKey: contact && contact.partyKey === partyKey ? step.contactKey : null };
}

/** Office hours (Monday to Friday 08:00 to 17:00) for a party that has no coverage in the policy yet. */
export function newCoverage(partyKey: string, timeZone: string): PartyCoverage {
  return { partyKey, timeZone, alwaysOn: false, weekly: officeHours(), holidays: [] };
}

/** Opens a closed day with 08:00 to 17:00, or closes an open day (all its windows go). */
export function withDayOpen<S extends Schedule>(schedule: S, day: Weekday, open: boolean): S {
  if (!open) return { ...schedule, weekly: schedule.weekly.filter((w) => w.day !== day) };
  if (schedule.weekly.some((w) => w.day === day)) return schedule;
  return { ...schedule, weekly: sortWindows([...schedule.weekly, { day, start: '08:00', end: '17:00' }]) };
}

/** Another window on a day, from the end of its last window to midnight (a split shift, an evening). */
export function withExtraWindow<S extends Schedule>(schedule: S, day: Weekday): S {
  const last = schedule.weekly.filter((w) => w.day === day).at(-1);
  const start = last && last.end < '24:00' ? last.end : '18:00';
  return { ...schedule, weekly: [...schedule.weekly, { day, start, end: '24:00' }] };
}

/** Windows in week order; windows of one day keep their order. */
export function sortWindows<W extends { day: Weekday }>(weekly: readonly W[]): W[] {
  return [...weekly].sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
}

/** Adds a holiday, kept in date order and once. */
export function withHoliday<S extends Schedule>(schedule: S, date: string): S {
  if (schedule.holidays.includes(date)) return schedule;
  return { ...schedule, holidays: [...schedule.holidays, date].sort() };
}

/**
 * A fingerprint of a policy for "are there unsaved changes": object keys sorted, so that two
 * policies that mean the same compare equal whatever order their keys were written in, and NaN
 * (an emptied number input) allowed, unlike in canonical JSON.
 */
export function fingerprint(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${fingerprint(v)}`).join(',')}}`;
}

export function samePolicy(a: unknown, b: unknown): boolean {
  return fingerprint(a) === fingerprint(b);
}
