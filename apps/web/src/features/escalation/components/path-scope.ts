import { CATEGORIES, categoryLabel, type MatrixContent } from '@accord/raci';
import type { ComboboxItemGroup } from '@mantine/core';

/**
 * The choices of a path's scope, for a grouped Select: every category first, then the rows of the
 * matrix under their categories. `current` is kept even when the matrix no longer has it.
 */
export function scopeOptions(content: MatrixContent, current?: string | null): ComboboxItemGroup[] {
  const groups: ComboboxItemGroup[] = [
    { group: 'A whole category', items: CATEGORIES.map((c) => ({ value: `category:${c.key}`, label: c.label })) },
  ];
  for (const category of CATEGORIES) {
    const rows = content.responsibilities.filter((r) => r.category === category.key);
    if (rows.length === 0) continue;
    groups.push({
      group: `One responsibility: ${category.label}`,
      items: rows.map((r) => ({ value: `responsibility:${r.key}`, label: r.title })),
    });
  }
  const known = groups.some((g) => g.items.some((item) => typeof item !== 'string' && item.value === current));
  if (current && !known) {
    const [kind, key = ''] = current.split(':');
    groups.push({
      group: 'No longer in the matrix',
      items: [
        { value: current, label: kind === 'category' ? categoryLabel(key) : `'${key}' (deleted responsibility)` },
      ],
    });
  }
  return groups;
}
