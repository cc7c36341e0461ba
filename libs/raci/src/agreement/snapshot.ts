import { canonicalJson } from '../canonical-json';
import {
  type Contact,
  type EscalationPath,
  type EscalationPolicy,
  type EscalationStep,
  type Schedule,
  type SeverityLevel,
  type StepSequence,
  type Targets,
  WEEKDAYS,
  type WeeklyWindow,
} from '../escalation/types';
import { normalizeMatrix, sha256Hex } from '../hash';
import { type MatrixContent } from '../matrix';

/**
 * What a version freezes and every signature binds to (DESIGN.md section 2): the matrix and its
 * escalation policy, together, in one normal form. The format names the shape, so that a later
 * shape can be told apart from this one in an exported file.
 */
export const AGREEMENT_FORMAT = 'accord.agreement/1';

export interface AgreementSnapshot {
  format: typeof AGREEMENT_FORMAT;
  matrix: MatrixContent;
  escalation: EscalationPolicy;
}

/**
 * The escalation policy in the one form a version stores, in the spirit of normalizeMatrix: only
 * the domain's members, in a fixed shape, so that an id or timestamp an API carries alongside never
 * reaches the hash. Three things go further:
 * - every path's `review` is null: a review is operational metadata (who looked at the path and
 *   when) that changes after signing, and what was signed must not depend on it;
 * - weekly windows are sorted by weekday, start and end and given once, and holidays are sorted
 *   and given once: a schedule is a set of hours, and the same hours written in another order mean
 *   the same thing;
 * - an unset nullable member (a step without `contactKey`) becomes null.
 * Every other list keeps its order, because order means something there: the first severity is the
 * most severe, contacts of a party are tried in order, the first of two equally fitting paths wins.
 */
export function normalizeEscalationPolicy(policy: EscalationPolicy): EscalationPolicy {
  return {
    severities: policy.severities.map(normalizeSeverity),
    businessHours: normalizeSchedule(policy.businessHours),
    coverage: policy.coverage.map((entry) => ({ partyKey: entry.partyKey, ...normalizeSchedule(entry) })),
    contacts: policy.contacts.map(normalizeContact),
    paths: policy.paths.map(normalizePath),
  };
}

function normalizeTargets(targets: Targets): Targets {
  return { responseMinutes: targets.responseMinutes, resolutionMinutes: targets.resolutionMinutes };
}

function normalizeSeverity(severity: SeverityLevel): SeverityLevel {
  return {
    key: severity.key,
    name: severity.name,
    criteria: severity.criteria,
    businessHours: normalizeTargets(severity.businessHours),
    afterHours: normalizeTargets(severity.afterHours),
  };
}

function compareWindows(a: WeeklyWindow, b: WeeklyWindow): number {
  return (
    WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || compareText(a.start, b.start) || compareText(a.end, b.end)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalizeSchedule(schedule: Schedule): Schedule {
  const windows = schedule.weekly
    .map((w): WeeklyWindow => ({ day: w.day, start: w.start, end: w.end }))
    .sort(compareWindows)
    .filter((w, i, sorted) => i === 0 || compareWindows(sorted[i - 1], w) !== 0);
  return {
    timeZone: schedule.timeZone,
    alwaysOn: schedule.alwaysOn,
    weekly: windows,
    holidays: [...new Set(schedule.holidays)].sort(compareText),
  };
}

function normalizeContact(contact: Contact): Contact {
  return {
    key: contact.key,
    partyKey: contact.partyKey,
    name: contact.name,
    role: contact.role,
    phone: contact.phone,
    email: contact.email,
  };
}

function normalizeStep(step: EscalationStep): EscalationStep {
  return {
    partyKey: step.partyKey,
    contactKey: step.contactKey ?? null,
    channel: step.channel,
    waitMinutes: step.waitMinutes,
  };
}

function normalizeSequence(sequence: StepSequence): StepSequence {
  return { steps: sequence.steps.map(normalizeStep), repeat: sequence.repeat };
}

function normalizePath(path: EscalationPath): EscalationPath {
  return {
    key: path.key,
    category: path.category ?? null,
    responsibilityKey: path.responsibilityKey ?? null,
    severities: [...path.severities],
    ...normalizeSequence(path),
    afterHours: path.afterHours ? normalizeSequence(path.afterHours) : null,
    review: null,
  };
}

/** The snapshot in normal form: its matrix through normalizeMatrix, its policy through normalizeEscalationPolicy. */
export function normalizeAgreementSnapshot(snapshot: AgreementSnapshot): AgreementSnapshot {
  return {
    format: snapshot.format,
    matrix: normalizeMatrix(snapshot.matrix),
    escalation: normalizeEscalationPolicy(snapshot.escalation),
  };
}

/** Freezes a draft: the matrix and its escalation policy as a version stores them. */
export function agreementSnapshot(content: MatrixContent, policy: EscalationPolicy): AgreementSnapshot {
  return normalizeAgreementSnapshot({ format: AGREEMENT_FORMAT, matrix: content, escalation: policy });
}

/** The canonical JSON text (RFC 8785 style) of the normalised snapshot: the bytes a version hashes. */
export function agreementCanonicalJson(snapshot: AgreementSnapshot): string {
  return canonicalJson(normalizeAgreementSnapshot(snapshot));
}

/** Lower-case hex SHA-256 of agreementCanonicalJson: the hash a version records and every signature binds to. */
export function agreementHash(snapshot: AgreementSnapshot): string {
  return sha256Hex(agreementCanonicalJson(snapshot));
}
