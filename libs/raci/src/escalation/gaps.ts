import { DateTime } from 'luxon';
import type { Gap, GapSeverity } from '../gap-kinds';
import { categoryLabel, type MatrixContent } from '../matrix';
import { listNames, quote } from '../text';
import { calleeLabel, indexPolicy, planCalls, type PolicyIndex, resolveStep } from './calls';
import { duration, sequenceName } from './format';
import { governs, pathFor, pathScopeLabel, type SequenceKind, sequenceFor } from './paths';
import { isCovered, isValidTimeZone, localTime, toDateTime } from './schedule';
import { type EscalationPath, type EscalationPolicy, type SeverityLevel, type StepSequence } from './types';

/**
 * The escalation findings of the gap report. The coverage checks walk a real week on the clocks of
 * the client and of every party, so the caller passes the moment to start from ("now"): the report
 * stays a pure function and a test can pin the week, daylight-saving changes included.
 */

/** The week is sampled every SAMPLE_MINUTES, starting at the first quarter hour at or after the reference. */
export const SAMPLE_MINUTES = 15;
export const SAMPLE_DAYS = 7;

/**
 * Instants every 15 minutes for a week, as epoch milliseconds (thousands of luxon objects would
 * cost more than the checks), aligned to quarter hours so that examples read "Sunday 02:00".
 */
function sampleWeek(reference: Date | string): number[] {
  const step = SAMPLE_MINUTES * 60_000;
  const first = Math.ceil(toDateTime(reference).toMillis() / step) * step;
  const count = (SAMPLE_DAYS * 24 * 60) / SAMPLE_MINUTES;
  return Array.from({ length: count }, (_, i) => first + i * step);
}

function instantAt(millis: number): DateTime {
  return DateTime.fromMillis(millis, { zone: 'utc' });
}

/**
 * Which parties work outside the client's business hours, for the critical_without_after_hours
 * check: a party does when its coverage is 24/7, or when at some sampled instant of the coming week
 * it is on duty while the client's business is closed (an evening shift, a weekend rota, a team in
 * another time zone). A party without coverage hours in the policy does not.
 */
export function afterHoursCoverageOf(
  policy: EscalationPolicy,
  content: MatrixContent,
  reference: Date | string,
): Record<string, boolean> {
  const index = indexPolicy(policy, content);
  const closed = sampleWeek(reference)
    .map(instantAt)
    .filter((instant) => !isCovered(policy.businessHours, instant));
  return Object.fromEntries(
    content.parties.map((party) => {
      const coverage = index.coverage.get(party.key);
      const covers = coverage !== undefined && (coverage.alwaysOn || closed.some((i) => isCovered(coverage, i)));
      return [party.key, covers];
    }),
  );
}

/**
 * What could go wrong when something breaks: critical rows nobody knows whom to call for, hours of
 * the week in which a P1 reaches nobody on duty, waits that outlast the response target, and steps
 * pointing at parties or contacts that are gone. Never throws on a policy whose references dangle;
 * throws a RangeError only when `reference` is not a date.
 */
export function escalationGaps(policy: EscalationPolicy, content: MatrixContent, reference: Date | string): Gap[] {
  const samples = sampleWeek(reference);
  const index = indexPolicy(policy, content);
  const mostSevere = policy.severities.at(0);
  return [
    ...(mostSevere ? criticalWithoutPath(policy, content, mostSevere) : []),
    ...(mostSevere ? uncoveredInstants(policy, content, index, mostSevere, samples) : []),
    ...policy.paths.flatMap((path) => danglingSteps(path, policy, content, index, mostSevere)),
    ...policy.paths.flatMap((path) => slowSteps(path, policy, content, index)),
  ];
}

/** Like gaps.ts: `kind:rowKey:partyKey`; path findings put the path key where the row key goes. */
function gap(id: readonly string[], fields: Omit<Gap, 'id'>): Gap {
  return { id: [fields.kind, ...id].join(':'), ...fields };
}

function rowOf(path: EscalationPath): { rowKey?: string } {
  return path.responsibilityKey === null ? {} : { rowKey: path.responsibilityKey };
}

function criticalWithoutPath(policy: EscalationPolicy, content: MatrixContent, severity: SeverityLevel): Gap[] {
  return content.responsibilities
    .filter((row) => row.critical && pathFor(policy, row, severity.key) === null)
    .map((row) => {
      const t = quote(row.title);
      return gap([row.key, ''], {
        kind: 'critical_without_path',
        severity: 'high',
        rowKey: row.key,
        title: `No escalation path for ${t}`,
        explanation: `${t} is critical, but no escalation path says who is called for a ${severity.name} about it, so people would have to work out whom to call in the middle of an emergency. Add a path for ${categoryLabel(row.category)} or for this responsibility.`,
      });
    });
}

function uncoveredInstants(
  policy: EscalationPolicy,
  content: MatrixContent,
  index: PolicyIndex,
  severity: SeverityLevel,
  samples: readonly number[],
): Gap[] {
  const business = samples.map((millis) => isCovered(policy.businessHours, instantAt(millis)));
  const covers = memoisedCover(index);
  const zone = isValidTimeZone(policy.businessHours.timeZone) ? policy.businessHours.timeZone : 'UTC';
  return policy.paths
    .filter((path) => governs(policy, path, content, severity.key))
    .flatMap((path) => {
      const plans = {
        business_hours: planCalls(sequenceFor(path, true).sequence),
        after_hours: planCalls(sequenceFor(path, false).sequence),
      };
      const unanswered = samples.flatMap((millis, i) => {
        const { kind } = sequenceFor(path, business[i]);
        const answered = plans[kind].some(
          (call) =>
            resolveStep(call.step, index).problem === null && covers(call.step.partyKey, millis + call.minute * 60_000),
        );
        return answered ? [] : [{ millis, kind }];
      });
      if (unanswered.length === 0) return [];
      const [example] = unanswered;
      const scope = pathScopeLabel(path, content);
      const sequence = sequenceFor(path, example.kind === 'business_hours').sequence;
      return [
        gap([path.key, ''], {
          kind: 'p1_uncovered_instant',
          severity: 'high',
          ...rowOf(path),
          title: `A ${severity.name} about ${scope} can go unanswered`,
          explanation:
            `If a ${severity.name} about ${scope} is reported on ${localTime(zone, instantAt(example.millis))} (${zone}), ` +
            `the ${sequenceName(example.kind, path)} ${whoIsCalled(sequence, index)}, but nobody called is on duty then, so nobody answers. ` +
            `That is the case for ${howLong(unanswered.length * SAMPLE_MINUTES)} of the coming week. ` +
            `Add someone who covers those hours, such as a 24/7 on-call line, or widen the coverage hours.`,
        }),
      ];
    });
}

/** Coverage by party and instant, remembered: the same instants come up for every path and repeat. */
function memoisedCover(index: PolicyIndex): (partyKey: string, millis: number) => boolean {
  const known = new Map<string, boolean>();
  return (partyKey, millis) => {
    const coverage = index.coverage.get(partyKey);
    if (coverage === undefined) return false;
    if (coverage.alwaysOn) return true;
    const key = `${partyKey}@${millis}`;
    let answer = known.get(key);
    if (answer === undefined) {
      answer = isCovered(coverage, instantAt(millis));
      known.set(key, answer);
    }
    return answer;
  };
}

function whoIsCalled(sequence: StepSequence, index: PolicyIndex): string {
  const callees = [...new Set(sequence.steps.map((step) => calleeLabel(step, resolveStep(step, index))))];
  return callees.length === 0 ? 'call nobody' : `call ${listNames(callees)}`;
}

function howLong(minutes: number): string {
  if (minutes < 60) return `about ${duration(minutes)}`;
  return `about ${Math.round(minutes / 60)} of the 168 hours`;
}

/** Both step lists of a path with their kind; the after-hours one only when the path has it. */
function sequencesOf(path: EscalationPath): { kind: SequenceKind; sequence: StepSequence }[] {
  return path.afterHours === null
    ? [{ kind: 'business_hours', sequence: path }]
    : [
        { kind: 'business_hours', sequence: path },
        { kind: 'after_hours', sequence: path.afterHours },
      ];
}

function danglingSteps(
  path: EscalationPath,
  policy: EscalationPolicy,
  content: MatrixContent,
  index: PolicyIndex,
  mostSevere: SeverityLevel | undefined,
): Gap[] {
  // A step that reaches nobody matters most on a path that carries the most severe problems.
  const severity: GapSeverity = mostSevere && governs(policy, path, content, mostSevere.key) ? 'high' : 'medium';
  const scope = pathScopeLabel(path, content);
  return sequencesOf(path).flatMap(({ kind, sequence }) =>
    sequence.steps.flatMap((step, stepIndex) => {
      const { problem } = resolveStep(step, index);
      if (problem === null) return [];
      return [
        gap([path.key, kind, String(stepIndex)], {
          kind: 'unknown_contact',
          severity,
          ...rowOf(path),
          partyKey: step.partyKey,
          title: `A step of the path for ${scope} calls someone who is no longer there`,
          explanation: `Step ${stepIndex + 1} of the ${sequenceName(kind, path)} for ${scope}: ${problem} Choose who should be called instead.`,
        }),
      ];
    }),
  );
}

interface Limit {
  severity: SeverityLevel;
  minutes: number;
  when: 'during business hours' | 'after hours';
}

/**
 * The response targets a step list must keep: the business-hours targets for a path's own steps
 * (and the after-hours ones too when the path has no after-hours steps, since its own steps then
 * run at night as well), the after-hours targets for its after-hours steps.
 */
function limitsFor(kind: SequenceKind, path: EscalationPath, severities: readonly SeverityLevel[]): Limit[] {
  const day = severities.map((s): Limit => ({
    severity: s,
    minutes: s.businessHours.responseMinutes,
    when: 'during business hours',
  }));
  const night = severities.map((s): Limit => ({
    severity: s,
    minutes: s.afterHours.responseMinutes,
    when: 'after hours',
  }));
  if (kind === 'after_hours') return night;
  return path.afterHours === null ? [...day, ...night] : day;
}

function slowSteps(path: EscalationPath, policy: EscalationPolicy, content: MatrixContent, index: PolicyIndex): Gap[] {
  const severities = policy.severities.filter((s) => governs(policy, path, content, s.key));
  const scope = pathScopeLabel(path, content);
  return sequencesOf(path).flatMap(({ kind, sequence }) => {
    const limits = limitsFor(kind, path, severities);
    return sequence.steps.flatMap((step, stepIndex) => {
      // The last wait of a list that does not repeat comes before nothing: it delays no call.
      if (stepIndex === sequence.steps.length - 1 && sequence.repeat === 0) return [];
      const tightest = limits
        .filter((l) => step.waitMinutes > l.minutes)
        .reduce<Limit | null>((best, l) => (best === null || l.minutes < best.minutes ? l : best), null);
      if (tightest === null) return [];
      const callee = calleeLabel(step, resolveStep(step, index));
      const name = tightest.severity.name;
      return [
        gap([path.key, kind, String(stepIndex)], {
          kind: 'wait_exceeds_target',
          severity: 'medium',
          ...rowOf(path),
          partyKey: step.partyKey,
          title: `Step ${stepIndex + 1} for ${scope} waits longer than the ${name} response target`,
          explanation: `The ${sequenceName(kind, path)} for ${scope} wait ${duration(step.waitMinutes)} after calling ${callee} before calling anyone else, but a ${name} must be answered within ${duration(tightest.minutes)} ${tightest.when}. If ${callee} does not answer, the target is missed before the next call is even made. Shorten the wait to ${duration(tightest.minutes)} or less.`,
        }),
      ];
    });
  });
}
