import { type DateTime } from 'luxon';
import { categoryLabel, type CategoryKey, type MatrixContent } from '../matrix';
import { listNames, quote } from '../text';
import {
  calleeLabel,
  indexPolicy,
  partyCovers,
  planCalls,
  type PolicyIndex,
  resolveStep,
  sequenceLength,
} from './calls';
import { duration, isoUtc, sequenceName } from './format';
import { pathFor, type SequenceKind, sequenceFor } from './paths';
import { isCovered, isValidTimeZone, localTime, nextCoveredInstant, toDateTime } from './schedule';
import { type Channel, type EscalationPath, type EscalationPolicy, type StepSequence, type Targets } from './types';

/**
 * The escalation simulator (DESIGN.md section 2): "a P1 security incident at 02:00 on a Sunday:
 * who is called, in what order, by when?". Pure: the same policy, matrix and instant always give
 * the same answer, in the API and in the browser.
 */

export interface SimulationRequest {
  responsibilityKey: string;
  severityKey: string;
  /**
   * When the problem is reported: an ISO 8601 instant ("2026-03-29T00:00:00Z"). Without an offset
   * ("2026-03-29T02:00") it is read as the client's wall clock time in the business-hours zone.
   */
  at: string;
}

/** A request that names something the policy or matrix does not have; `field` names the culprit for a 400. */
export class SimulationInputError extends Error {
  readonly field: keyof SimulationRequest;

  constructor(field: keyof SimulationRequest, message: string) {
    super(message);
    this.name = 'SimulationInputError';
    this.field = field;
  }
}

/** One call the path makes if nobody has answered yet. */
export interface SimulationEvent {
  /** Minutes after the problem was reported. */
  minute: number;
  /** The instant of the call, ISO UTC. */
  at: string;
  /** 0 for the first pass through the steps, 1 for the first repeat, and so on. */
  round: number;
  stepIndex: number;
  partyKey: string;
  partyName: string;
  /** The step's contact, or the party's first contact when the step names none, or null. */
  contactKey: string | null;
  contactName: string | null;
  channel: Channel;
  /** Whether the party is on duty at that instant; false for a reference that no longer resolves. */
  covering: boolean;
  /** "Sunday 02:00" on the called party's clock. */
  partyLocalTime: string;
  /** Whether the call is made within the response target. */
  withinResponseTarget: boolean;
}

export interface Simulation {
  /** When the problem is reported, ISO UTC. */
  at: string;
  /** "Sunday 02:00" on the client's clock (the business-hours zone). */
  clientLocalTime: string;
  timeZone: string;
  /** Whether `at` falls within the client's business hours (a holiday does not). */
  businessHours: boolean;
  severity: { key: string; name: string };
  /** The targets that apply at `at` (business hours or after hours) and the instants they fall on. */
  targets: Targets & { respondBy: string; resolveBy: string };
  responsibility: { key: string; title: string; category: CategoryKey };
  path: { key: string; scope: 'responsibility' | 'category'; sequence: SequenceKind } | null;
  /** Every call in order, repeats included: the plan if nobody answers. */
  events: SimulationEvent[];
  /** The first call that reaches a party on duty. */
  firstAnswer: { minute: number; partyKey: string; contactKey: string | null } | null;
  /** Set when no call reaches anyone on duty, or when no path applies (then at minute 0). */
  dry: { minute: number; message: string } | null;
  /** Things the reader should know: dangling references, parties without hours, a missed target. */
  warnings: string[];
}

/** How far ahead the dry message looks for the first party back on duty. */
const LOOKAHEAD_MINUTES = 7 * 24 * 60;

export function simulateEscalation(
  policy: EscalationPolicy,
  content: MatrixContent,
  request: SimulationRequest,
): Simulation {
  const row = content.responsibilities.find((r) => r.key === request.responsibilityKey);
  if (row === undefined) {
    throw new SimulationInputError(
      'responsibilityKey',
      `Unknown responsibility '${String(request.responsibilityKey)}': it is not a row of this matrix.`,
    );
  }
  const severity = policy.severities.find((s) => s.key === request.severityKey);
  if (severity === undefined) {
    throw new SimulationInputError(
      'severityKey',
      `Unknown severity '${String(request.severityKey)}'. ` +
        (policy.severities.length === 0
          ? 'The policy has no severities.'
          : `The policy has ${listNames(policy.severities.map((s) => quote(s.key)))}.`),
    );
  }
  const warnings = new Set<string>();
  const zoneKnown = isValidTimeZone(policy.businessHours.timeZone);
  const timeZone = zoneKnown ? policy.businessHours.timeZone : 'UTC';
  if (!zoneKnown) {
    warnings.add(`The client's time zone '${policy.businessHours.timeZone}' is unknown, so times are shown in UTC.`);
  }
  const start = reportedAt(request.at, timeZone);
  const businessHours = isCovered(policy.businessHours, start);
  const targets = businessHours ? severity.businessHours : severity.afterHours;
  const base = {
    at: isoUtc(start),
    clientLocalTime: localTime(timeZone, start),
    timeZone,
    businessHours,
    severity: { key: severity.key, name: severity.name },
    targets: {
      responseMinutes: targets.responseMinutes,
      resolutionMinutes: targets.resolutionMinutes,
      respondBy: isoUtc(start.plus({ minutes: targets.responseMinutes })),
      resolveBy: isoUtc(start.plus({ minutes: targets.resolutionMinutes })),
    },
    responsibility: { key: row.key, title: row.title, category: row.category },
  };

  const path = pathFor(policy, row, severity.key);
  if (path === null) {
    return {
      ...base,
      path: null,
      events: [],
      firstAnswer: null,
      dry: {
        minute: 0,
        message: `No escalation path covers ${quote(row.title)} at ${severity.name}. Add a path for this responsibility or for its category, ${categoryLabel(row.category)}.`,
      },
      warnings: [...warnings],
    };
  }

  const { kind, sequence } = sequenceFor(path, businessHours);
  const index = indexPolicy(policy, content);
  const events = planCalls(sequence).map((call): SimulationEvent => {
    const instant = start.plus({ minutes: call.minute });
    const resolved = resolveStep(call.step, index);
    const coverage = index.coverage.get(call.step.partyKey);
    if (resolved.problem !== null) {
      warnings.add(`Step ${call.stepIndex + 1} of the ${sequenceName(kind, path)}: ${resolved.problem}`);
    } else if (coverage === undefined && resolved.party !== null) {
      warnings.add(`${resolved.party.name} has no coverage hours in the policy, so they are treated as never on duty.`);
    }
    return {
      minute: call.minute,
      at: isoUtc(instant),
      round: call.round,
      stepIndex: call.stepIndex,
      partyKey: call.step.partyKey,
      partyName: resolved.party?.name ?? call.step.partyKey,
      contactKey: call.step.contactKey ?? resolved.contact?.key ?? null,
      contactName: resolved.contact?.name ?? null,
      channel: call.step.channel,
      covering: resolved.problem === null && partyCovers(index, call.step.partyKey, instant),
      partyLocalTime: localTime(coverage?.timeZone ?? timeZone, instant),
      withinResponseTarget: call.minute <= targets.responseMinutes,
    };
  });

  const answer = events.find((e) => e.covering);
  const firstAnswer = answer
    ? { minute: answer.minute, partyKey: answer.partyKey, contactKey: answer.contactKey }
    : null;
  if (answer && !answer.withinResponseTarget) {
    warnings.add(
      `The first call to someone on duty is made after ${duration(answer.minute)}, later than the ${duration(targets.responseMinutes)} response target.`,
    );
  }
  return {
    ...base,
    path: { key: path.key, scope: path.responsibilityKey !== null ? 'responsibility' : 'category', sequence: kind },
    events,
    firstAnswer,
    dry: firstAnswer ? null : runsDry(path, kind, sequence, index, start, timeZone),
    warnings: [...warnings],
  };
}

/** The reported instant; a bad one is the caller's input error, named for the 400 it becomes. */
function reportedAt(at: unknown, timeZone: string): DateTime {
  try {
    if (typeof at !== 'string') throw new RangeError('not a string');
    return toDateTime(at, timeZone);
  } catch {
    throw new SimulationInputError(
      'at',
      `'${String(at)}' is not a date and time. Use ISO 8601, such as 2026-03-29T02:00:00Z, or 2026-03-29T02:00 for the client's local time.`,
    );
  }
}

/** Why the sequence reached nobody, and when the first of the parties it calls is back on duty. */
function runsDry(
  path: EscalationPath,
  kind: SequenceKind,
  sequence: StepSequence,
  index: PolicyIndex,
  start: DateTime,
  timeZone: string,
): { minute: number; message: string } {
  const steps = sequenceName(kind, path);
  if (sequence.steps.length === 0)
    return { minute: 0, message: `The ${steps} of this path are empty: nobody is called.` };
  const minute = sequenceLength(sequence);
  const rounds = 1 + Math.max(0, Math.trunc(sequence.repeat));
  const callees = [...new Set(sequence.steps.map((step) => calleeLabel(step, resolveStep(step, index))))];
  const ran = rounds === 1 ? 'once' : `${rounds} times`;
  const message = `Nobody on duty is reached: the ${steps} call ${listNames(callees)}, run ${ran} and end after ${duration(minute)} without reaching anyone on duty.`;
  const back = firstBackOnDuty(sequence, index, start);
  const when = back
    ? ` The first of them back on duty is ${back.name}, on ${localTime(timeZone, back.at)} (${timeZone}).`
    : ' None of them is on duty in the next 7 days.';
  return { minute, message: message + when };
}

function firstBackOnDuty(
  sequence: StepSequence,
  index: PolicyIndex,
  start: DateTime,
): { name: string; at: DateTime } | null {
  let best: { name: string; at: DateTime } | null = null;
  for (const step of sequence.steps) {
    const resolved = resolveStep(step, index);
    const coverage = index.coverage.get(step.partyKey);
    if (resolved.problem !== null || resolved.party === null || coverage === undefined) continue;
    const at = nextCoveredInstant(coverage, start, LOOKAHEAD_MINUTES);
    if (at !== null && (best === null || at < best.at)) best = { name: resolved.party.name, at };
  }
  return best;
}
