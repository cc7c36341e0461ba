import type { CategoryGroup } from './group-rows';

/** One line of the virtualised grid: a category heading or a responsibility. */
export type GridEntry<T> =
  | { kind: 'group'; key: string; category: string; label: string; count: number }
  | { kind: 'row'; key: string; row: T; rowIndex: number };

export interface GridEntries<T> {
  entries: GridEntry<T>[];
  /** The responsibilities in display order; keyboard navigation counts in this list. */
  rows: T[];
  /** For each index of `rows`, the index of its line in `entries`. */
  entryOfRow: number[];
}

/**
 * Flattens grouped rows into the lines the grid draws, one heading before each category's rows,
 * keeping the two numberings (lines for scrolling, rows for the keyboard) side by side.
 */
export function gridEntries<T extends { id: string }>(groups: readonly CategoryGroup<T>[]): GridEntries<T> {
  const entries: GridEntry<T>[] = [];
  const rows: T[] = [];
  const entryOfRow: number[] = [];
  for (const group of groups) {
    entries.push({
      kind: 'group',
      key: `category:${group.category}`,
      category: group.category,
      label: group.label,
      count: group.rows.length,
    });
    for (const row of group.rows) {
      entryOfRow.push(entries.length);
      entries.push({ kind: 'row', key: row.id, row, rowIndex: rows.length });
      rows.push(row);
    }
  }
  return { entries, rows, entryOfRow };
}
