import { CATEGORIES, categoryLabel } from '@accord/raci';

export interface CategoryGroup<T> {
  category: string;
  label: string;
  rows: T[];
}

/**
 * Rows grouped by category, in the order @accord/raci lists the categories (unknown categories
 * last, by first appearance); rows keep their position order inside a group.
 */
export function groupByCategory<T extends { category: string; position: number }>(
  rows: readonly T[],
): CategoryGroup<T>[] {
  const order = (category: string) => {
    const index = CATEGORIES.findIndex((c) => c.key === category);
    return index === -1 ? CATEGORIES.length : index;
  };
  const groups = new Map<string, T[]>();
  for (const row of [...rows].sort((a, b) => a.position - b.position)) {
    const list = groups.get(row.category);
    if (list) list.push(row);
    else groups.set(row.category, [row]);
  }
  return [...groups]
    .map(([category, list]) => ({ category, label: categoryLabel(category), rows: list }))
    .sort((a, b) => order(a.category) - order(b.category));
}
