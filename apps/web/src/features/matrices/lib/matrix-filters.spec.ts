import { describe, expect, it } from 'vitest';
import {
  filterRows,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  type MatrixFilters,
  NO_FILTERS,
} from './matrix-filters';

const parties = [
  { id: 'p-msp', key: 'msp' },
  { id: 'p-it', key: 'internal_it' },
  { id: 'p-biz', key: 'business' },
];

const row = (id: string, title: string, category: string, letters: Record<string, string>, broken = false) => ({
  id,
  title,
  category,
  letters,
  violations: broken ? [{ code: 'no_accountable' }] : [],
});

const rows = [
  row('r1', 'Help desk tier 1', 'help_desk', { 'p-it': 'R', 'p-biz': 'A', 'p-msp': 'I' }),
  row('r2', 'Quarterly restore test', 'backups', { 'p-msp': 'R' }, true),
  row('r3', 'Backup monitoring', 'backups', { 'p-msp': 'R', 'p-it': 'A' }),
  row('r4', 'Sauvegardé offsite', 'backups', { 'p-msp': 'R', 'p-it': 'A' }),
];

const context = { parties, gapRowIds: new Set(['r3']) };
const ids = (filters: Partial<MatrixFilters>) =>
  filterRows(rows, { ...NO_FILTERS, ...filters }, context).map((r) => r.id);

describe('filterRows', () => {
  it('shows every row without filters', () => {
    expect(ids({})).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('gives back the very same array without filters, whatever the gap report says', () => {
    expect(filterRows(rows, NO_FILTERS, context)).toBe(rows);
    expect(filterRows(rows, NO_FILTERS, { parties, gapRowIds: new Set(['r1']) })).toBe(rows);
  });

  it('finds titles containing every word searched for, ignoring case and accents', () => {
    expect(ids({ search: 'BACKUP' })).toEqual(['r3']);
    expect(ids({ search: 'test restore' })).toEqual(['r2']);
    expect(ids({ search: 'sauvegarde' })).toEqual(['r4']);
    expect(ids({ search: '   ' })).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('keeps the rows of the chosen categories', () => {
    expect(ids({ categories: ['help_desk'] })).toEqual(['r1']);
    expect(ids({ categories: ['help_desk', 'backups'] })).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('keeps rows where the party holds any letter, a given letter, or none', () => {
    expect(ids({ party: 'internal_it' })).toEqual(['r1', 'r3', 'r4']);
    expect(ids({ party: 'internal_it', letter: 'A' })).toEqual(['r3', 'r4']);
    expect(ids({ party: 'internal_it', letter: 'none' })).toEqual(['r2']);
    expect(ids({ party: 'business', letter: 'C' })).toEqual([]);
  });

  it('ignores a party the matrix no longer has', () => {
    expect(ids({ party: 'cloud_vendor', letter: 'R' })).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('keeps only rows with a rule break or a gap when asked', () => {
    expect(ids({ gapsOnly: true })).toEqual(['r2', 'r3']);
  });

  it('combines filters', () => {
    expect(ids({ gapsOnly: true, party: 'internal_it' })).toEqual(['r3']);
    expect(ids({ categories: ['backups'], search: 'offsite' })).toEqual(['r4']);
  });
});

describe('filters in the URL', () => {
  it('reads what it writes', () => {
    const filters: MatrixFilters = {
      search: 'restore',
      party: 'internal_it',
      letter: 'A',
      categories: ['backups', 'help_desk'],
      gapsOnly: true,
    };
    const params = filtersToParams(filters, new URLSearchParams('view=grid'));
    expect(params.toString()).toBe(
      'view=grid&q=restore&party=internal_it&letter=A&category=backups%2Chelp_desk&gaps=1',
    );
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('leaves no parameter for a filter at its default, and keeps other parameters', () => {
    const params = filtersToParams(NO_FILTERS, new URLSearchParams('view=grid&q=old&gaps=1&letter=R'));
    expect(params.toString()).toBe('view=grid');
  });

  it('drops the letter when no party is chosen', () => {
    expect(filtersToParams({ ...NO_FILTERS, letter: 'R' }, new URLSearchParams()).toString()).toBe('');
  });

  it('reads unknown or malformed values as no filter', () => {
    expect(filtersFromParams(new URLSearchParams('letter=x&gaps=yes&category=,,backups,backups&party='))).toEqual({
      ...NO_FILTERS,
      categories: ['backups'],
    });
    expect(filtersFromParams(new URLSearchParams('letter=c')).letter).toBe('C');
  });
});

describe('hasFilters', () => {
  it('is false only when nothing narrows the rows', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, search: '  ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, search: 'x' })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, gapsOnly: true })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, party: 'msp' })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, categories: ['backups'] })).toBe(true);
  });
});
