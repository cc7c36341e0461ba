import { describe, expect, it } from 'vitest';
import { gridEntries } from './grid-entries';

describe('gridEntries', () => {
  it('puts a heading before the rows of each category and maps rows to their lines', () => {
    const a1 = { id: 'a1' };
    const a2 = { id: 'a2' };
    const b1 = { id: 'b1' };
    const { entries, rows, entryOfRow } = gridEntries([
      { category: 'a', label: 'A', rows: [a1, a2] },
      { category: 'b', label: 'B', rows: [b1] },
    ]);
    expect(entries.map((e) => e.key)).toEqual(['category:a', 'a1', 'a2', 'category:b', 'b1']);
    expect(entries[0]).toEqual({ kind: 'group', key: 'category:a', category: 'a', label: 'A', count: 2 });
    expect(rows).toEqual([a1, a2, b1]);
    expect(entryOfRow).toEqual([1, 2, 4]);
    expect(entries[4]).toEqual({ kind: 'row', key: 'b1', row: b1, rowIndex: 2 });
  });

  it('has no lines without groups', () => {
    expect(gridEntries([])).toEqual({ entries: [], rows: [], entryOfRow: [] });
  });
});
