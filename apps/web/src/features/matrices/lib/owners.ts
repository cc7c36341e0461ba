import { assignmentsOf, checkRow, letterOf, RACI_LETTERS, type RaciLetter } from '@accord/raci';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import { type CategoryGroup, groupByCategory } from './group-rows';
import { byPosition } from './matrix-content';

/** What the owner view reads of a party and of a row. */
export type OwnerParty = Pick<PartyView, 'id' | 'name' | 'kind' | 'position'>;
export type OwnerRow = Pick<
  ResponsibilityView,
  'id' | 'category' | 'title' | 'description' | 'critical' | 'position' | 'letters'
>;

export type LetterCounts = Record<RaciLetter, number>;

/** One party's part in the matrix: per letter, its rows grouped by category in matrix order. */
export interface PartyDuties<P extends OwnerParty = OwnerParty, R extends OwnerRow = OwnerRow> {
  party: P;
  rows: Record<RaciLetter, CategoryGroup<R>[]>;
  counts: LetterCounts;
}

/** Every party, in column order, with the rows on which it holds each letter. */
export function dutiesByParty<P extends OwnerParty, R extends OwnerRow>(
  parties: readonly P[],
  rows: readonly R[],
): PartyDuties<P, R>[] {
  return byPosition(parties).map((party) => {
    const entries = RACI_LETTERS.map((letter) => {
      const groups = groupByCategory(rows.filter((row) => letterOf(row, party.id) === letter));
      return [letter, groups] as const;
    });
    const grouped = Object.fromEntries(entries) as Record<RaciLetter, CategoryGroup<R>[]>;
    const counts = Object.fromEntries(
      entries.map(([letter, groups]) => [letter, groups.reduce((sum, group) => sum + group.rows.length, 0)]),
    ) as LetterCounts;
    return { party, rows: grouped, counts };
  });
}

/** A party with no R and no A: it owns nothing, which the gap report also flags. */
export function hasNoDuties(counts: LetterCounts): boolean {
  return counts.R === 0 && counts.A === 0;
}

export type MissingRole = 'accountable' | 'responsible';

export interface UnownedRow<R extends OwnerRow = OwnerRow> {
  row: R;
  /** What the row lacks: someone who answers for it, someone who does it, or both. */
  missing: MissingRole[];
  /** Parties (by name, in column order) who do hold A or R on the row. */
  accountable: string[];
  responsible: string[];
}

/**
 * Rows that nobody answers for (no A) or nobody does (no R): "both sides assume the other".
 * The rule is @accord/raci's checkRow, over the letters of parties still in the matrix only, as in
 * the gap report. Critical rows first, then in the order the matrix shows them.
 */
export function unownedRows<R extends OwnerRow>(parties: readonly OwnerParty[], rows: readonly R[]): UnownedRow<R>[] {
  const columns = byPosition(parties);
  const known = new Set(columns.map((party) => party.id));
  const inMatrixOrder = groupByCategory(rows).flatMap((group) => group.rows);
  const unowned = inMatrixOrder.flatMap((row): UnownedRow<R>[] => {
    const codes = new Set(
      checkRow(assignmentsOf(row).filter((a) => known.has(a.partyId))).map((violation) => violation.code),
    );
    const missing: MissingRole[] = [];
    if (codes.has('no_accountable')) missing.push('accountable');
    if (codes.has('no_responsible')) missing.push('responsible');
    if (missing.length === 0) return [];
    return [
      {
        row,
        missing,
        accountable: namesHolding(row, 'A', columns),
        responsible: namesHolding(row, 'R', columns),
      },
    ];
  });
  // Array.prototype.sort is stable, so matrix order survives inside each half.
  return unowned.sort((a, b) => Number(b.row.critical) - Number(a.row.critical));
}

/** Names of the parties holding `letter` on the row, in column order, leaving out `except`. */
export function namesHolding(
  row: Pick<OwnerRow, 'letters'>,
  letter: RaciLetter,
  parties: readonly Pick<OwnerParty, 'id' | 'name' | 'position'>[],
  except?: string,
): string[] {
  return byPosition(parties)
    .filter((party) => party.id !== except && letterOf(row, party.id) === letter)
    .map((party) => party.name);
}

/** Why an unowned row is listed, in one sentence. */
export function unownedReason(unowned: Pick<UnownedRow, 'missing' | 'accountable' | 'responsible'>): string {
  const noAccountable = unowned.missing.includes('accountable');
  const noResponsible = unowned.missing.includes('responsible');
  if (noAccountable && noResponsible) return 'Nobody answers for the result and nobody is named to do the work.';
  if (noAccountable) {
    return unowned.responsible.length > 0
      ? `${joinNames(unowned.responsible)} ${verb(unowned.responsible, 'does', 'do')} the work, but nobody answers for the result.`
      : 'Nobody answers for the result.';
  }
  return unowned.accountable.length > 0
    ? `${joinNames(unowned.accountable)} ${verb(unowned.accountable, 'answers', 'answer')} for the result, but nobody is named to do the work.`
    : 'Nobody is named to do the work.';
}

/** "1 responsibility", "2 responsibilities", "0 responsibilities". */
export function countOf(count: number, singular = 'responsibility', plural = 'responsibilities'): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "Northwind IT answers for 23 responsibilities and does the work on 41." */
export function partySummary(name: string, counts: LetterCounts): string {
  const { A: answers, R: does } = counts;
  if (answers > 0 && does > 0) return `${name} answers for ${countOf(answers)} and does the work on ${does}.`;
  if (answers > 0) return `${name} answers for ${countOf(answers)} but does the work on none.`;
  if (does > 0) return `${name} does the work on ${countOf(does)} but answers for none.`;
  return `${name} neither answers for nor does the work on any responsibility.`;
}

/** "Northwind IT is also consulted on 4 responsibilities and kept informed about 9." or null. */
export function partyInvolvement(name: string, counts: LetterCounts): string | null {
  const { C: consulted, I: informed } = counts;
  if (consulted === 0 && informed === 0) return null;
  const how = hasNoDuties(counts) ? 'only' : 'also';
  if (consulted > 0 && informed > 0) {
    return `${name} is ${how} consulted on ${countOf(consulted)} and kept informed about ${informed}.`;
  }
  if (consulted > 0) return `${name} is ${how} consulted on ${countOf(consulted)}.`;
  return `${name} is ${how} kept informed about ${countOf(informed)}.`;
}

/** What the owner view says of a party that owns nothing. */
export function noDutiesWarning(name: string): string {
  return `This is a gap: ${name} does no work and answers for nothing in this matrix. Give ${name} the responsibilities it owns, or remove it from the matrix if it has no part in it.`;
}

/**
 * Who else is involved in a row listed under one of the party's letters, seen from that party:
 * under "Accountable for" who does the work, elsewhere who answers for the result.
 */
export function rowContext(
  row: Pick<OwnerRow, 'letters'>,
  letter: RaciLetter,
  parties: readonly Pick<OwnerParty, 'id' | 'name' | 'position'>[],
  self: string,
): string {
  if (letter === 'A') {
    const doers = namesHolding(row, 'R', parties, self);
    return doers.length > 0 ? `Work done by ${joinNames(doers)}.` : 'Nobody is named to do the work yet.';
  }
  const owners = namesHolding(row, 'A', parties, self);
  const answer =
    owners.length > 0
      ? `${joinNames(owners)} ${verb(owners, 'answers', 'answer')} for the result.`
      : 'Nobody answers for the result yet.';
  if (letter !== 'R') return answer;
  const sharing = namesHolding(row, 'R', parties, self);
  return sharing.length > 0 ? `${answer} Work shared with ${joinNames(sharing)}.` : answer;
}

/** "3 parties share 60 responsibilities." and how many still lack an owner. */
export function ownersOverview(parties: number, rows: number, unowned: number): string {
  if (rows === 0) return 'This matrix has no responsibilities yet.';
  const share = `${countOf(parties, 'party', 'parties')} ${parties === 1 ? 'holds' : 'share'} ${countOf(rows)}.`;
  if (unowned === 0) return `${share} Every one has a party that answers for it and a party that does the work.`;
  return `${share} ${unowned} ${unowned === 1 ? 'still lacks' : 'still lack'} an owner.`;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function verb(subjects: readonly string[], one: string, several: string): string {
  return subjects.length === 1 ? one : several;
}
