import { CATEGORIES } from '@accord/raci';
import { describe, expect, it } from 'vitest';
import { groupByCategory } from './group-rows';

const [first, second] = CATEGORIES;

describe('groupByCategory', () => {
  it('groups rows in category order with their labels, rows by position', () => {
    const rows = [
      { id: 'b', category: second.key, position: 0 },
      { id: 'a2', category: first.key, position: 3 },
      { id: 'a1', category: first.key, position: 1 },
    ];
    expect(groupByCategory(rows)).toEqual([
      { category: first.key, label: first.label, rows: [rows[2], rows[1]] },
      { category: second.key, label: second.label, rows: [rows[0]] },
    ]);
  });

  it('puts a category it does not know last, named by its key', () => {
    const groups = groupByCategory([
      { id: 'x', category: 'mystery', position: 0 },
      { id: 'a', category: first.key, position: 1 },
    ]);
    expect(groups.map((g) => g.label)).toEqual([first.label, 'mystery']);
  });

  it('answers no groups for no rows', () => {
    expect(groupByCategory([])).toEqual([]);
  });
});
