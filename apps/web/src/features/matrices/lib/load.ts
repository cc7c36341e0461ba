import {
  gapReport,
  loadByParty,
  OVERLOAD_MIN_ROWS,
  OVERLOAD_SHARE,
  type PartyLoad,
  RACI_LETTERS,
  type RaciLetter,
  type SupportModel,
} from '@accord/raci';
import { letterMeaning } from './letter-meanings';
import { type ContentParty, type ContentRow, matrixContentOf } from './matrix-content';
import { countOf } from './owners';

export interface LoadSegment {
  letter: RaciLetter;
  count: number;
  /** The count as a percentage of all rows of the matrix: the width of the segment in the bar. */
  percent: number;
}

export interface PartyLoadView<P extends ContentParty = ContentParty> {
  party: P;
  load: PartyLoad;
  /** R, A, C, I in that order, so the R segment starts every bar and meets the overload line. */
  segments: LoadSegment[];
  /** The gap report finds that the party does most of the work; `warning` explains it. */
  overloaded: boolean;
  /** The party holds no R and no A. */
  withoutDuties: boolean;
  /** The gap report's plain-language explanation for either finding, if any. */
  warning: string | null;
}

export interface LoadChartData<P extends ContentParty = ContentParty> {
  rows: number;
  parties: PartyLoadView<P>[];
}

/**
 * The workload of every party, in column order: counts and shares from loadByParty, the overload
 * and no-duties findings from the gap report, so the chart can never disagree with the gap panel
 * (a fully managed MSP doing nearly everything, for example, is that model and not a warning).
 */
export function loadChartData<P extends ContentParty>(matrix: {
  model: SupportModel;
  parties: readonly P[];
  responsibilities: readonly ContentRow[];
}): LoadChartData<P> {
  const content = matrixContentOf(matrix);
  const rows = content.responsibilities.length;
  const findings = new Map(
    gapReport(content)
      .filter((gap) => gap.kind === 'overloaded_party' || gap.kind === 'party_without_duties')
      .map((gap) => [`${gap.kind}:${gap.partyKey ?? ''}`, gap.explanation]),
  );
  const byId = new Map(matrix.parties.map((party) => [party.id, party]));
  return {
    rows,
    parties: loadByParty(content).flatMap((load) => {
      const party = byId.get(load.partyKey);
      if (!party) return [];
      const overloaded = findings.get(`overloaded_party:${load.partyKey}`);
      const idle = findings.get(`party_without_duties:${load.partyKey}`);
      return [
        {
          party,
          load,
          segments: RACI_LETTERS.map((letter) => ({
            letter,
            count: load.counts[letter],
            percent: rows === 0 ? 0 : (load.counts[letter] / rows) * 100,
          })),
          overloaded: overloaded !== undefined,
          withoutDuties: load.dutyRows === 0,
          warning: overloaded ?? idle ?? null,
        },
      ];
    }),
  };
}

/** "57%": a share between 0 and 1 as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "MSP does the work (Responsible) on 34 of 60 responsibilities (57%)." */
export function segmentLabel(name: string, segment: Pick<LoadSegment, 'letter' | 'count'>, rows: number): string {
  const meaning = letterMeaning(segment.letter);
  const share = rows === 0 ? '' : ` (${formatShare(segment.count / rows)})`;
  return `${name} ${meaning.meaning} (${meaning.name}) on ${segment.count} of ${countOf(rows)}${share}.`;
}

/** "Does the work on 34 (57%) · answers for 2 (3%) · consulted on 20 · informed about 3" */
export function loadLine(load: Pick<PartyLoad, 'counts'>, rows: number): string {
  const pct = (count: number) => (rows === 0 ? '' : ` (${formatShare(count / rows)})`);
  return [
    `Does the work on ${load.counts.R}${pct(load.counts.R)}`,
    `answers for ${load.counts.A}${pct(load.counts.A)}`,
    `consulted on ${load.counts.C}`,
    `informed about ${load.counts.I}`,
  ].join(' · ');
}

/** The overload rule, in words, for the chart's legend. */
export const OVERLOAD_RULE = `A party that does the work on more than ${formatShare(OVERLOAD_SHARE)} of the responsibilities (and on at least ${OVERLOAD_MIN_ROWS}) is flagged: if it is overstretched or unavailable, much of IT stalls.`;
