import { describeDiff } from '../describe-diff';
import { diffMatrices } from '../diff';
import { duration, sequenceName } from '../escalation/format';
import { type SequenceKind } from '../escalation/paths';
import { WEEKDAY_NAMES } from '../escalation/schedule';
import {
  type Channel,
  type Contact,
  type EscalationPath,
  type EscalationStep,
  type Schedule,
  type SeverityLevel,
  type StepSequence,
  type Targets,
  WEEKDAYS,
} from '../escalation/types';
import { categoryLabel } from '../matrix';
import { listNames, quote } from '../text';
import { type AgreementSnapshot, normalizeAgreementSnapshot } from './snapshot';

/**
 * What changed between two agreements, in sentences a business owner can read: the matrix through
 * describeDiff (the same sentences as the matrix diff everywhere else), then the escalation policy.
 * Both snapshots are normalised first, so a review or the order in which hours were typed never
 * shows up as a change.
 */

export type AgreementChangeKind =
  'first_version' | 'matrix' | 'severity' | 'business_hours' | 'coverage' | 'contact' | 'path';

/** One sentence of the comparison. `pathKey` and `rowKey` say which escalation path (and its row) it is about. */
export interface AgreementChange {
  kind: AgreementChangeKind;
  text: string;
  rowKey?: string;
  pathKey?: string;
}

/**
 * The changes from `before` to `after`, in a fixed order: the matrix, severities, business hours,
 * coverage, contacts, paths; within each, in the order of the lists of `after`, with what was
 * removed after what is kept. `before` null is the first version of the agreement. Throws, like
 * diffMatrices, when two rows or two parties of one matrix share a key.
 */
export function agreementChanges(before: AgreementSnapshot | null, after: AgreementSnapshot): AgreementChange[] {
  const b = before === null ? null : normalizeAgreementSnapshot(before);
  const a = normalizeAgreementSnapshot(after);
  if (b === null) {
    const rows = count(a.matrix.responsibilities.length, 'responsibility', 'responsibilities');
    const paths = count(a.escalation.paths.length, 'escalation path', 'escalation paths');
    return [{ kind: 'first_version', text: `First agreement: ${rows}, ${paths}.` }];
  }
  const names = new Names(b, a);
  return [
    ...describeDiff(diffMatrices(b.matrix, a.matrix), a.matrix).map((text): AgreementChange => ({
      kind: 'matrix',
      text,
    })),
    ...severityChanges(b.escalation.severities, a.escalation.severities),
    ...scheduleChanges(b.escalation.businessHours, a.escalation.businessHours, BUSINESS_PHRASES).map(
      (text): AgreementChange => ({ kind: 'business_hours', text }),
    ),
    ...coverageChanges(b, a, names),
    ...contactChanges(b, a, names),
    ...pathChanges(b, a, names),
  ];
}

/** agreementChanges as plain sentences. */
export function describeAgreementDiff(before: AgreementSnapshot | null, after: AgreementSnapshot): string[] {
  return agreementChanges(before, after).map((change) => change.text);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- names ----

/** Names of parties, rows, severities and contacts, from `after` first and from `before` for what is gone. */
class Names {
  private readonly parties = new Map<string, string>();
  private readonly rows = new Map<string, string>();
  private readonly severityNames = new Map<string, string>();
  private readonly contacts: { before: Map<string, Contact>; after: Map<string, Contact> };

  constructor(before: AgreementSnapshot, after: AgreementSnapshot) {
    for (const side of [before, after]) {
      for (const p of side.matrix.parties) this.parties.set(p.key, p.name);
      for (const r of side.matrix.responsibilities) this.rows.set(r.key, r.title);
      for (const s of side.escalation.severities) this.severityNames.set(s.key, s.name);
    }
    this.contacts = { before: firstByKey(before.escalation.contacts), after: firstByKey(after.escalation.contacts) };
  }

  party(key: string): string {
    return this.parties.get(key) ?? key;
  }

  severities(keys: readonly string[]): string {
    return keys.length === 0 ? 'every severity' : listNames(keys.map((k) => this.severityNames.get(k) ?? k));
  }

  /** "'Restore tests'" for a row's own path, "Threat response" for a category's. */
  scope(path: EscalationPath): string {
    if (path.responsibilityKey !== null) return quote(this.rows.get(path.responsibilityKey) ?? path.responsibilityKey);
    return categoryLabel(path.category ?? '');
  }

  /** "Sam Rivera (MSP)", or the party alone for a step that names nobody. */
  callee(step: EscalationStep, side: 'before' | 'after'): string {
    const party = this.party(step.partyKey);
    if (step.contactKey === null) return party;
    const contact = this.contacts[side].get(step.contactKey);
    return `${contact === undefined ? quote(step.contactKey) : contact.name} (${party})`;
  }
}

function firstByKey<T extends { key: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.key)) map.set(item.key, item);
  return map;
}

/** Items of `after` that are new or kept (with their old self), and items of `before` that are gone. */
function pairUp<T extends { key: string }>(before: readonly T[], after: readonly T[]) {
  const old = firstByKey(before);
  const kept = new Set(after.map((item) => item.key));
  return {
    current: after.map((item) => ({ item, old: old.get(item.key) })),
    gone: before.filter((item) => !kept.has(item.key)),
    reordered: !sameOrder(
      before.map((i) => i.key).filter((key) => kept.has(key)),
      after.map((i) => i.key).filter((key) => old.has(key)),
    ),
  };
}

function sameOrder(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((key, i) => key === y[i]);
}

// ---- severities ----

const TARGETS: readonly { hours: 'businessHours' | 'afterHours'; target: keyof Targets; label: string }[] = [
  { hours: 'businessHours', target: 'responseMinutes', label: 'business-hours response target' },
  { hours: 'businessHours', target: 'resolutionMinutes', label: 'business-hours resolution target' },
  { hours: 'afterHours', target: 'responseMinutes', label: 'after-hours response target' },
  { hours: 'afterHours', target: 'resolutionMinutes', label: 'after-hours resolution target' },
];

function severityChanges(before: readonly SeverityLevel[], after: readonly SeverityLevel[]): AgreementChange[] {
  const { current, gone, reordered } = pairUp(before, after);
  const sentences = current.flatMap(({ item: s, old }) => {
    if (old === undefined) {
      return [
        `New severity ${s.name}: answered within ${duration(s.businessHours.responseMinutes)} in business hours and ${duration(s.afterHours.responseMinutes)} after hours.`,
      ];
    }
    return [
      ...(old.name !== s.name ? [`The severity ${old.name} is renamed ${s.name}.`] : []),
      ...(old.criteria !== s.criteria ? [`What counts as ${s.name} is reworded.`] : []),
      ...TARGETS.filter((t) => old[t.hours][t.target] !== s[t.hours][t.target]).map(
        (t) => `${s.name}: ${t.label} from ${duration(old[t.hours][t.target])} to ${duration(s[t.hours][t.target])}.`,
      ),
    ];
  });
  return [
    ...sentences,
    ...gone.map((s) => `The severity ${s.name} is removed.`),
    ...(reordered && after.length > 0
      ? [
          `The severities are now in the order ${listNames(after.map((s) => s.name))}; ${after[0].name} counts as the most severe.`,
        ]
      : []),
  ].map((text): AgreementChange => ({ kind: 'severity', text }));
}

// ---- schedules: business hours and coverage ----

/** How the sentences about one schedule read: the business "is open", a party "covers". */
interface SchedulePhrases {
  zone(from: string, to: string): string;
  nowAlwaysOn(): string;
  noLongerAlwaysOn(hours: string): string;
  dayAdded(day: string, hours: string): string;
  dayRemoved(day: string, was: string): string;
  dayChanged(day: string, hours: string, was: string): string;
  closed(dates: string): string;
  reopened(dates: string): string;
}

const BUSINESS_PHRASES: SchedulePhrases = {
  zone: (from, to) => `Business hours are now kept in ${to} time (was ${from}).`,
  nowAlwaysOn: () => 'The business now counts as open 24/7, so the after-hours targets and steps no longer apply.',
  noLongerAlwaysOn: (hours) => `The business is no longer open 24/7: business hours are now ${hours}.`,
  dayAdded: (day, hours) => `The business is now open on ${day} ${hours}.`,
  dayRemoved: (day, was) => `The business is no longer open on ${day} (was ${was}).`,
  dayChanged: (day, hours, was) => `The business is now open on ${day} ${hours} (was ${was}).`,
  closed: (dates) => `The business is closed on ${dates}.`,
  reopened: (dates) => `The business is no longer closed on ${dates}.`,
};

function coveragePhrases(party: string): SchedulePhrases {
  return {
    zone: (from, to) => `The hours of ${party} are now in ${to} time (was ${from}).`,
    nowAlwaysOn: () => `${party} now covers 24/7.`,
    noLongerAlwaysOn: (hours) => `${party} is no longer 24/7: it covers ${hours}.`,
    dayAdded: (day, hours) => `${party} now covers ${day} ${hours}.`,
    dayRemoved: (day, was) => `${party} no longer covers ${day} (was ${was}).`,
    dayChanged: (day, hours, was) => `${party} now covers ${day} ${hours} (was ${was}).`,
    closed: (dates) => `${party} is off on ${dates}.`,
    reopened: (dates) => `${party} is no longer off on ${dates}.`,
  };
}

/** "08:00–12:00 and 13:00–17:00" for each weekday with hours, in week order. */
function hoursByDay(schedule: Schedule): Map<string, string> {
  return new Map(
    WEEKDAYS.flatMap((day, i) => {
      const windows = schedule.weekly.filter((w) => w.day === day).map((w) => `${w.start}–${w.end}`);
      return windows.length === 0 ? [] : [[WEEKDAY_NAMES[i], listNames(windows)] as const];
    }),
  );
}

/** "24/7", "no hours", or "Monday to Friday 08:00–17:00, Saturday 09:00–13:00". */
function weekSummary(schedule: Schedule): string {
  if (schedule.alwaysOn) return '24/7';
  const byDay = hoursByDay(schedule);
  const runs: { days: string[]; hours: string }[] = [];
  WEEKDAY_NAMES.forEach((day, i) => {
    const hours = byDay.get(day);
    const last = runs.at(-1);
    const previousDay = i > 0 ? WEEKDAY_NAMES[i - 1] : null;
    if (hours === undefined) return;
    if (last !== undefined && last.hours === hours && last.days.at(-1) === previousDay) last.days.push(day);
    else runs.push({ days: [day], hours });
  });
  if (runs.length === 0) return 'no hours';
  return runs
    .map(({ days, hours }) => {
      const span = days.length > 2 ? `${days[0]} to ${days.at(-1)}` : listNames(days);
      return `${span} ${hours}`;
    })
    .join(', ');
}

function scheduleChanges(before: Schedule, after: Schedule, say: SchedulePhrases): string[] {
  const sentences: string[] = [];
  if (before.timeZone !== after.timeZone) sentences.push(say.zone(before.timeZone, after.timeZone));
  if (after.alwaysOn) {
    // 24/7 ignores the week and the holidays: what they say now changes nothing.
    if (!before.alwaysOn) sentences.push(say.nowAlwaysOn());
    return sentences;
  }
  if (before.alwaysOn) {
    sentences.push(say.noLongerAlwaysOn(weekSummary(after)));
  } else {
    const was = hoursByDay(before);
    const now = hoursByDay(after);
    for (const day of WEEKDAY_NAMES) {
      const from = was.get(day);
      const to = now.get(day);
      if (from === to) continue;
      if (from === undefined && to !== undefined) sentences.push(say.dayAdded(day, to));
      else if (to === undefined && from !== undefined) sentences.push(say.dayRemoved(day, from));
      else if (from !== undefined && to !== undefined) sentences.push(say.dayChanged(day, to, from));
    }
  }
  // Under 24/7 the holidays meant nothing, so after it every holiday is a new closure.
  const closed = before.alwaysOn ? after.holidays : after.holidays.filter((d) => !before.holidays.includes(d));
  const reopened = before.alwaysOn ? [] : before.holidays.filter((d) => !after.holidays.includes(d));
  if (closed.length > 0) sentences.push(say.closed(listNames(closed)));
  if (reopened.length > 0) sentences.push(say.reopened(listNames(reopened)));
  return sentences;
}

function coverageChanges(before: AgreementSnapshot, after: AgreementSnapshot, names: Names): AgreementChange[] {
  const keyed = (s: AgreementSnapshot) => s.escalation.coverage.map((c) => ({ ...c, key: c.partyKey }));
  const { current, gone } = pairUp(keyed(before), keyed(after));
  const sentences = [
    ...current.flatMap(({ item, old }) => {
      const party = names.party(item.partyKey);
      if (old === undefined) {
        return [
          item.alwaysOn
            ? `${party} now covers 24/7.`
            : `${party} now has coverage hours: ${weekSummary(item)} (${item.timeZone} time).`,
        ];
      }
      return scheduleChanges(old, item, coveragePhrases(party));
    }),
    ...gone.map(
      (c) =>
        `${names.party(c.partyKey)} no longer has coverage hours, so escalations can no longer count on reaching it.`,
    ),
  ];
  return sentences.map((text): AgreementChange => ({ kind: 'coverage', text }));
}

// ---- contacts ----

function contactChanges(before: AgreementSnapshot, after: AgreementSnapshot, names: Names): AgreementChange[] {
  const { current, gone } = pairUp(before.escalation.contacts, after.escalation.contacts);
  const label = (c: Contact) => `${c.name} (${names.party(c.partyKey)})`;
  const sentences = [
    ...current.flatMap(({ item: c, old }) => {
      if (old === undefined) return [`New contact ${label(c)}${c.role === '' ? '' : `, ${c.role}`}.`];
      return [
        ...(old.name !== c.name ? [`The contact ${label(old)} is renamed ${c.name}.`] : []),
        ...(old.partyKey !== c.partyKey
          ? [`${c.name} now belongs to ${names.party(c.partyKey)} (was ${names.party(old.partyKey)}).`]
          : []),
        ...(old.role !== c.role
          ? [
              c.role === ''
                ? `${label(c)} no longer has a role.`
                : `${label(c)} is now ${c.role} (was ${old.role || 'no role'}).`,
            ]
          : []),
        ...(old.phone !== c.phone
          ? [
              c.phone === ''
                ? `${label(c)} no longer has a phone number.`
                : `${label(c)} has a new phone number: ${c.phone}.`,
            ]
          : []),
        ...(old.email !== c.email
          ? [
              c.email === ''
                ? `${label(c)} no longer has an e-mail address.`
                : `${label(c)} has a new e-mail address: ${c.email}.`,
            ]
          : []),
      ];
    }),
    ...gone.map((c) => `${label(c)} is removed from the contacts.`),
    ...firstContactChanges(before, after, names),
  ];
  return sentences.map((text): AgreementChange => ({ kind: 'contact', text }));
}

/**
 * A step that names only a party reaches the party's first contact, so putting someone else first
 * changes who is called. New and removed contacts already have their own sentence.
 */
function firstContactChanges(before: AgreementSnapshot, after: AgreementSnapshot, names: Names): string[] {
  const firstOf = (s: AgreementSnapshot) => {
    const first = new Map<string, Contact>();
    for (const c of s.escalation.contacts) if (!first.has(c.partyKey)) first.set(c.partyKey, c);
    return first;
  };
  const was = firstOf(before);
  const now = firstOf(after);
  return [...now].flatMap(([partyKey, contact]) => {
    const old = was.get(partyKey);
    if (old === undefined || old.key === contact.key) return [];
    return [
      `Steps that call ${names.party(partyKey)} without naming a person now reach ${contact.name} first (was ${old.name}).`,
    ];
  });
}

// ---- paths ----

const CHANNEL_PHRASES: Record<Channel, string> = {
  phone: 'by phone',
  sms: 'by SMS',
  email: 'by e-mail',
  ticket: 'by ticket',
  chat: 'by chat',
};

/** "once", "twice", "3 times". */
function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** "call Ida Hart (Internal IT) by phone, then after 5 minutes Sam Rivera (MSP) by phone, repeated once". */
function sequenceSummary(sequence: StepSequence, names: Names, side: 'before' | 'after'): string {
  const calls = sequence.steps.map((step, i) => {
    const who = `${names.callee(step, side)} ${CHANNEL_PHRASES[step.channel]}`;
    if (i === 0) return `call ${who}`;
    const wait = sequence.steps[i - 1].waitMinutes;
    return wait === 0 ? `at once ${who}` : `after ${duration(wait)} ${who}`;
  });
  const repeat = sequence.repeat > 0 ? `, repeated ${times(sequence.repeat)}` : '';
  return `${calls.length === 0 ? 'call nobody' : calls.join(', then ')}${repeat}`;
}

function pathChanges(before: AgreementSnapshot, after: AgreementSnapshot, names: Names): AgreementChange[] {
  const { current, gone, reordered } = pairUp(before.escalation.paths, after.escalation.paths);
  const about = (path: EscalationPath) => ({
    pathKey: path.key,
    ...(path.responsibilityKey === null ? {} : { rowKey: path.responsibilityKey }),
  });
  const forWhat = (path: EscalationPath) =>
    `${names.scope(path)}${path.severities.length === 0 ? '' : ` (${names.severities(path.severities)})`}`;
  const changes = current.flatMap(({ item: path, old }): AgreementChange[] => {
    const sentences =
      old === undefined
        ? [
            `New escalation path for ${forWhat(path)}: ${sequenceSummary(path, names, 'after')}${
              path.afterHours === null ? '' : `; after hours: ${sequenceSummary(path.afterHours, names, 'after')}`
            }.`,
          ]
        : changedPathSentences(old, path, names, forWhat);
    return sentences.map((text) => ({ kind: 'path', text, ...about(path) }));
  });
  return [
    ...changes,
    ...gone.map((path): AgreementChange => ({
      kind: 'path',
      text: `The escalation path for ${forWhat(path)} is removed.`,
      ...about(path),
    })),
    ...(reordered
      ? [
          {
            kind: 'path' as const,
            text: 'The escalation paths are listed in a new order: when two paths fit a problem equally well, the one listed first is used.',
          },
        ]
      : []),
  ];
}

function changedPathSentences(
  old: EscalationPath,
  path: EscalationPath,
  names: Names,
  forWhat: (path: EscalationPath) => string,
): string[] {
  const label = `${forWhat(path)} path`;
  const sentences: string[] = [];
  const scope = (p: EscalationPath) => `${names.scope(p)} at ${names.severities(p.severities)}`;
  // A path's severities are a set: the same ones in another order change nothing.
  const severitySet = (p: EscalationPath) => [...new Set(p.severities)].sort().join(' ');
  if (
    old.category !== path.category ||
    old.responsibilityKey !== path.responsibilityKey ||
    severitySet(old) !== severitySet(path)
  ) {
    sentences.push(`The escalation path for ${scope(old)} is now for ${scope(path)}.`);
  }
  sentences.push(...sequenceChanges(label, 'business_hours', old, path, path, names));
  if (old.afterHours === null && path.afterHours !== null) {
    sentences.push(`${label}: now has its own after-hours steps: ${sequenceSummary(path.afterHours, names, 'after')}.`);
  } else if (old.afterHours !== null && path.afterHours === null) {
    sentences.push(`${label}: no longer has after-hours steps, so its steps run at all hours.`);
  } else if (old.afterHours !== null && path.afterHours !== null) {
    sentences.push(...sequenceChanges(label, 'after_hours', old.afterHours, path.afterHours, path, names));
  }
  return sentences;
}

/** The steps and repeats of one of a path's two step lists, step by step when their number is the same. */
function sequenceChanges(
  label: string,
  kind: SequenceKind,
  old: StepSequence,
  sequence: StepSequence,
  path: EscalationPath,
  names: Names,
): string[] {
  const name = sequenceName(kind, path);
  const sentences: string[] = [];
  if (old.steps.length !== sequence.steps.length) {
    sentences.push(
      `${label}: the ${name} now ${sequenceSummary({ steps: sequence.steps, repeat: 0 }, names, 'after')} (before: ${sequenceSummary({ steps: old.steps, repeat: 0 }, names, 'before')}).`,
    );
  } else {
    sequence.steps.forEach((step, i) => {
      const clauses = stepClauses(old.steps[i], step, names);
      if (clauses.length === 0) return;
      const which = name === 'steps' ? `step ${i + 1}` : `step ${i + 1} of the ${name}`;
      sentences.push(`${label}: ${which} now ${listNames(clauses)}.`);
    });
  }
  if (old.repeat !== sequence.repeat) {
    const was = old.repeat === 0 ? 'no repeat' : times(old.repeat);
    sentences.push(
      sequence.repeat === 0
        ? `${label}: if nobody answers, the ${name} no longer repeat (before: ${was}).`
        : `${label}: if nobody answers, the ${name} now repeat ${times(sequence.repeat)} (before: ${was}).`,
    );
  }
  return sentences;
}

function stepClauses(old: EscalationStep, step: EscalationStep, names: Names): string[] {
  const whoBefore = names.callee(old, 'before');
  const whoNow = names.callee(step, 'after');
  // Compared by key: a renamed contact is still the same person, and its own sentence says so.
  const sameCallee = old.partyKey === step.partyKey && old.contactKey === step.contactKey;
  const clauses: string[] = [];
  if (!sameCallee || old.channel !== step.channel) {
    clauses.push(
      old.channel === step.channel
        ? `calls ${whoNow} instead of ${whoBefore}`
        : sameCallee
          ? `calls ${whoNow} ${CHANNEL_PHRASES[step.channel]} instead of ${CHANNEL_PHRASES[old.channel]}`
          : `calls ${whoNow} ${CHANNEL_PHRASES[step.channel]} instead of ${whoBefore} ${CHANNEL_PHRASES[old.channel]}`,
    );
  }
  if (old.waitMinutes !== step.waitMinutes) {
    clauses.push(`waits ${duration(step.waitMinutes)} instead of ${duration(old.waitMinutes)} before the next step`);
  }
  return clauses;
}
