import { isRaciLetter, type RaciLetter } from '@accord/raci';

/** Which letter the chosen party must hold: a given one, any, or none at all. */
export type LetterFilter = RaciLetter | 'any' | 'none';

/** What the grid shows; kept in the URL so a filtered view can be shared as a link. */
export interface MatrixFilters {
  /** Words the title must contain, in any order (case and accents ignored). */
  search: string;
  /** The key of the party `letter` is about (keys survive renames); null for no party filter. */
  party: string | null;
  letter: LetterFilter;
  /** Category keys; empty for every category. */
  categories: string[];
  /** Only rows with a rule break or an entry in the gap report. */
  gapsOnly: boolean;
}

export const NO_FILTERS: MatrixFilters = { search: '', party: null, letter: 'any', categories: [], gapsOnly: false };

/** The search parameter of each filter. Other parameters (such as `view`) are left alone. */
export const FILTER_PARAMS = {
  search: 'q',
  party: 'party',
  letter: 'letter',
  categories: 'category',
  gapsOnly: 'gaps',
} as const;

function letterFilterOf(value: string | null): LetterFilter {
  if (value === 'none') return 'none';
  const upper = value?.toUpperCase();
  return isRaciLetter(upper) ? upper : 'any';
}

/** Reads the filters from the URL; anything unreadable counts as "no filter". */
export function filtersFromParams(params: URLSearchParams): MatrixFilters {
  const categories = (params.get(FILTER_PARAMS.categories) ?? '')
    .split(',')
    .map((category) => category.trim())
    .filter((category) => category !== '');
  return {
    search: params.get(FILTER_PARAMS.search) ?? '',
    party: params.get(FILTER_PARAMS.party) || null,
    letter: letterFilterOf(params.get(FILTER_PARAMS.letter)),
    categories: [...new Set(categories)],
    gapsOnly: params.get(FILTER_PARAMS.gapsOnly) === '1',
  };
}

/**
 * A copy of `params` with these filters written in: filters at their default leave no parameter,
 * so an unfiltered page has a clean URL. Parameters that are not filters are kept.
 */
export function filtersToParams(filters: MatrixFilters, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | null) => {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  };
  set(FILTER_PARAMS.search, filters.search === '' ? null : filters.search);
  set(FILTER_PARAMS.party, filters.party);
  set(FILTER_PARAMS.letter, filters.party === null || filters.letter === 'any' ? null : filters.letter);
  set(FILTER_PARAMS.categories, filters.categories.length ? filters.categories.join(',') : null);
  set(FILTER_PARAMS.gapsOnly, filters.gapsOnly ? '1' : null);
  return next;
}

/** True when any filter narrows the rows. */
export function hasFilters(filters: MatrixFilters): boolean {
  return (
    normalize(filters.search) !== '' || filters.party !== null || filters.categories.length > 0 || filters.gapsOnly
  );
}

/** Lower case without accents, so "Sauvegarde" finds "sauvegardé". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

export interface FilterableRow {
  id: string;
  title: string;
  category: string;
  letters: Record<string, string>;
  violations: readonly unknown[];
}

export interface FilterContext {
  parties: readonly { id: string; key: string }[];
  /** Rows the gap report names. */
  gapRowIds: ReadonlySet<string>;
}

/**
 * The rows that pass every filter, in their original order. A party filter naming a party the
 * matrix no longer has (an old link) is ignored rather than hiding everything. Without filters the
 * same array comes back, so a grid memoised on it is not drawn again when only the gap report
 * changed.
 */
export function filterRows<T extends FilterableRow>(
  rows: readonly T[],
  filters: MatrixFilters,
  { parties, gapRowIds }: FilterContext,
): readonly T[] {
  if (!hasFilters(filters)) return rows;
  const words = normalize(filters.search).split(/\s+/).filter(Boolean);
  const categories = new Set(filters.categories);
  const partyId = filters.party === null ? null : (parties.find((p) => p.key === filters.party)?.id ?? null);
  return rows.filter((row) => {
    if (categories.size > 0 && !categories.has(row.category)) return false;
    if (filters.gapsOnly && row.violations.length === 0 && !gapRowIds.has(row.id)) return false;
    if (partyId !== null) {
      const letter = row.letters[partyId];
      if (filters.letter === 'none' ? letter !== undefined : letter === undefined) return false;
      if (filters.letter !== 'any' && filters.letter !== 'none' && letter !== filters.letter) return false;
    }
    if (words.length > 0) {
      const title = normalize(row.title);
      if (!words.every((word) => title.includes(word))) return false;
    }
    return true;
  });
}
