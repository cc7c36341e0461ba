import { afterHoursCoverageOf, escalationGaps } from './escalation/gaps';
import { type EscalationPolicy } from './escalation/types';
import { GAP_SEVERITIES, type Gap } from './gap-kinds';
import {
  assignmentsOf,
  letterOf,
  type MatrixContent,
  type Party,
  type Responsibility,
  TOOL_ACCESS_LABELS,
} from './matrix';
import { checkRow, RACI_LETTERS, type RaciLetter } from './raci';
import { listNames, quote } from './text';

export { GAP_KINDS, GAP_SEVERITIES, type Gap, type GapKind, type GapSeverity } from './gap-kinds';

export interface GapReportOptions {
  /** Which parties cover nights and weekends (24/7). Without it the after-hours check is skipped. */
  afterHoursCoverage?: Partial<Record<string, boolean>>;
  /**
   * The matrix's escalation policy and the moment to check it from (the caller's "now", so that the
   * report stays pure). Adds the escalation gaps and, unless `afterHoursCoverage` is given, derives
   * it from the policy's coverage hours (see afterHoursCoverageOf).
   */
  escalation?: { policy: EscalationPolicy; reference: Date | string };
}

/**
 * A party is overloaded when it is Responsible on more than OVERLOAD_SHARE of the rows and on at
 * least OVERLOAD_MIN_ROWS rows. Only R counts: every valid row holds one A and at least one R on
 * two different parties, so the R-or-A shares of all parties add up to at least 200% and in a
 * three-party matrix someone always holds R or A on two thirds of the rows. Counting A would flag
 * every matrix; R is the work itself. The MSP of a fully managed matrix is never reported: doing
 * nearly everything is what that model means.
 */
export const OVERLOAD_SHARE = 0.6;
export const OVERLOAD_MIN_ROWS = 10;

export interface PartyLoad {
  partyKey: string;
  name: string;
  counts: Record<RaciLetter, number>;
  /** Rows on which the party holds R or A. */
  dutyRows: number;
  /** dutyRows divided by the number of rows (0 for an empty matrix). */
  dutyShare: number;
  /** Rows on which the party holds R, divided by the number of rows: the measure of overload. */
  responsibleShare: number;
}

/** Per party, in column order: how many of each letter it holds. Letters of unknown parties are ignored. */
export function loadByParty(content: MatrixContent): PartyLoad[] {
  const rows = content.responsibilities;
  return content.parties.map((party) => {
    const letters = rows.map((row) => letterOf(row, party.key));
    const counts = Object.fromEntries(RACI_LETTERS.map((l) => [l, letters.filter((x) => x === l).length])) as Record<
      RaciLetter,
      number
    >;
    const dutyRows = counts.R + counts.A;
    return {
      partyKey: party.key,
      name: party.name,
      counts,
      dutyRows,
      dutyShare: share(dutyRows, rows.length),
      responsibleShare: share(counts.R, rows.length),
    };
  });
}

/**
 * What could go wrong in practice, most serious first (then in matrix order). Rule breaches appear
 * here too, phrased as risks rather than as validation errors.
 */
export function gapReport(content: MatrixContent, options: GapReportOptions = {}): Gap[] {
  const names = partyNames(content.parties);
  const { escalation } = options;
  const afterHoursCoverage =
    options.afterHoursCoverage ??
    (escalation ? afterHoursCoverageOf(escalation.policy, content, escalation.reference) : undefined);
  const gaps = [
    ...content.responsibilities.flatMap((row) => rowRuleGaps(row, names)),
    ...afterHoursGaps(content.responsibilities, names, afterHoursCoverage),
    ...toolAccessGaps(content),
    ...partyGaps(content),
    ...(escalation ? escalationGaps(escalation.policy, content, escalation.reference) : []),
  ];
  return gaps
    .map((gap, index) => ({ gap, index }))
    .sort((x, y) => rank(x.gap) - rank(y.gap) || x.index - y.index)
    .map(({ gap }) => gap);
}

type Names = Map<string, string>;

function partyNames(parties: readonly Party[]): Names {
  return new Map(parties.map((p) => [p.key, p.name]));
}

function rank(gap: Gap): number {
  return GAP_SEVERITIES.indexOf(gap.severity);
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function gap(fields: Omit<Gap, 'id'>): Gap {
  return { id: [fields.kind, fields.rowKey ?? '', fields.partyKey ?? ''].join(':'), ...fields };
}

/** Only letters of parties in the matrix count: a letter for a removed party helps nobody. */
function knownLetters(row: Responsibility, names: Names) {
  return assignmentsOf(row).filter((a) => names.has(a.partyId));
}

function rowRuleGaps(row: Responsibility, names: Names): Gap[] {
  const assignments = knownLetters(row, names);
  const accountable = assignments.filter((a) => a.letter === 'A').map((a) => names.get(a.partyId) ?? a.partyId);
  return checkRow(assignments).flatMap((violation): Gap[] => {
    const t = quote(row.title);
    switch (violation.code) {
      case 'no_accountable':
        return [
          gap({
            kind: 'no_accountable',
            severity: 'high',
            rowKey: row.key,
            title: `Nobody is accountable for ${t}`,
            explanation: `Nobody is accountable for ${t}. Both sides may assume the other handles it. Choose the one party that answers for the result.`,
          }),
        ];
      case 'no_responsible':
        return [
          gap({
            kind: 'no_responsible',
            severity: 'high',
            rowKey: row.key,
            title: `Nobody does the work for ${t}`,
            explanation:
              (accountable.length > 0 ? `${listNames(accountable)} answers for ${t}, but n` : 'N') +
              `o party is named to do the work, so it may simply not get done. Name at least one party who is responsible.`,
          }),
        ];
      case 'several_accountable':
        return [
          gap({
            kind: 'several_accountable',
            severity: 'medium',
            rowKey: row.key,
            title: `Several parties are accountable for ${t}`,
            explanation: `${listNames(accountable)} are all accountable for ${t}. When more than one party answers for the result, each may wait for the other to decide. Keep one accountable party.`,
          }),
        ];
      default:
        // A party cannot hold two letters in a Letters record, so checkRow's fourth rule never fires here.
        return [];
    }
  });
}

function needsAfterHoursCover(row: Responsibility): boolean {
  return row.critical || row.afterHours === true;
}

function afterHoursGaps(
  rows: readonly Responsibility[],
  names: Names,
  coverage: GapReportOptions['afterHoursCoverage'],
): Gap[] {
  if (coverage === undefined) return [];
  const covers = (partyKey: string) => Object.hasOwn(coverage, partyKey) && coverage[partyKey] === true;
  return rows.filter(needsAfterHoursCover).flatMap((row) => {
    const doers = knownLetters(row, names)
      .filter((a) => a.letter === 'R')
      .map((a) => a.partyId);
    // A row without any R is already reported as no_responsible; saying it twice adds nothing.
    if (doers.length === 0 || doers.some(covers)) return [];
    const t = quote(row.title);
    const who = listNames(doers.map((key) => names.get(key) ?? key));
    const why = row.critical ? `${t} is critical` : `${t} must also be handled outside business hours`;
    return [
      gap({
        kind: 'critical_without_after_hours',
        severity: row.critical ? 'high' : 'medium',
        rowKey: row.key,
        title: `Nobody covers ${t} after hours`,
        explanation: `${why}, but ${who} ${doers.length === 1 ? 'does' : 'do'} not work nights and weekends. A problem at 2 a.m. on a Sunday would wait until the next business day.`,
      }),
    ];
  });
}

function toolAccessGaps(content: MatrixContent): Gap[] {
  if (content.model !== 'co_managed') return [];
  const internalIt = content.parties.filter((p) => p.kind === 'internal_it');
  return content.responsibilities.flatMap((row) => {
    const tool = row.toolAccess;
    if (tool === undefined) return [];
    return internalIt
      .filter((party) => letterOf(row, party.key) === null)
      .map((party) =>
        gap({
          kind: 'tool_access_gatekeeping',
          severity: 'medium',
          rowKey: row.key,
          partyKey: party.key,
          title: `${party.name} is locked out of ${TOOL_ACCESS_LABELS[tool]}`,
          explanation: `In a co-managed model ${party.name} needs ${TOOL_ACCESS_LABELS[tool]} to do their part, but they hold no letter on ${quote(row.title)}. Without access they depend on the MSP for every task that needs it.`,
        }),
      );
  });
}

function partyGaps(content: MatrixContent): Gap[] {
  const total = content.responsibilities.length;
  if (total === 0) return [];
  const parties = new Map(content.parties.map((p) => [p.key, p]));
  return loadByParty(content).flatMap((load) => {
    const party = parties.get(load.partyKey);
    if (party === undefined) return [];
    if (load.dutyRows === 0) return [withoutDuties(party)];
    return isOverloaded(load, party, content) ? [overloaded(party, load.counts.R, total)] : [];
  });
}

function isOverloaded(load: PartyLoad, party: Party, content: MatrixContent): boolean {
  if (content.model === 'fully_managed' && party.kind === 'msp') return false;
  return load.responsibleShare > OVERLOAD_SHARE && load.counts.R >= OVERLOAD_MIN_ROWS;
}

function withoutDuties(party: Party): Gap {
  // An IT party with nothing to own usually means the matrix does not match the contract.
  const itParty = party.kind === 'msp' || party.kind === 'internal_it';
  return gap({
    kind: 'party_without_duties',
    severity: itParty ? 'medium' : 'low',
    partyKey: party.key,
    title: `${party.name} has no responsibilities`,
    explanation: `${party.name} is neither responsible nor accountable for anything in this matrix. Give them work they own, or remove them if they have no part in it.`,
  });
}

function overloaded(party: Party, responsible: number, total: number): Gap {
  const percent = Math.round((responsible / total) * 100);
  return gap({
    kind: 'overloaded_party',
    severity: 'medium',
    partyKey: party.key,
    title: `${party.name} does most of the work`,
    explanation: `${party.name} is responsible for ${responsible} of the ${total} responsibilities (${percent}%). If they are overstretched or unavailable, much of IT stalls. Consider sharing some of the work.`,
  });
}
