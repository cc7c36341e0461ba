import { CATEGORIES, categoryLabel, RACI_LETTER_NAMES, RACI_LETTERS } from '@accord/raci';
import { CloseButton, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo } from 'react';
import type { PartyView } from '../../../lib/api/types';
import type { LetterFilter, MatrixFilters } from '../lib/matrix-filters';

const LETTER_OPTIONS: { value: LetterFilter; label: string }[] = [
  { value: 'any', label: 'Any letter' },
  ...RACI_LETTERS.map((letter) => ({ value: letter, label: `${RACI_LETTER_NAMES[letter]} (${letter})` })),
  { value: 'none', label: 'No letter' },
];

/**
 * The filters above the grid: title search, a party and the letter it holds, categories, and
 * "only gaps and rule breaks". Every change goes to `onChange` (which keeps it in the URL).
 */
export const MatrixFilterBar = memo(function MatrixFilterBar({
  filters,
  onChange,
  parties,
  categories,
}: {
  filters: MatrixFilters;
  onChange: (change: Partial<MatrixFilters>) => void;
  parties: readonly PartyView[];
  /** Category keys the matrix uses. */
  categories: readonly string[];
}) {
  const sortedParties = [...parties].sort((a, b) => a.position - b.position);
  const party = sortedParties.some((item) => item.key === filters.party) ? filters.party : null;
  const order = (key: string) => {
    const index = CATEGORIES.findIndex((category) => category.key === key);
    return index === -1 ? CATEGORIES.length : index;
  };
  const categoryOptions = [...new Set([...categories, ...filters.categories])]
    .sort((a, b) => order(a) - order(b))
    .map((key) => ({ value: key, label: categoryLabel(key) }));

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter responsibilities">
      <TextInput
        label="Search"
        placeholder="Search titles"
        w={{ base: '100%', sm: 220 }}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filters.search}
        onChange={(event) => onChange({ search: event.currentTarget.value })}
        rightSection={
          filters.search ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => onChange({ search: '' })} />
          ) : null
        }
      />
      <Select
        label="Party"
        placeholder="Any party"
        w={{ base: '100%', sm: 170 }}
        data={sortedParties.map((item) => ({ value: item.key, label: item.name }))}
        value={party}
        clearable
        onChange={(value) => onChange({ party: value, letter: value ? filters.letter : 'any' })}
      />
      <Select
        label="Holds"
        w={{ base: '100%', sm: 180 }}
        data={LETTER_OPTIONS}
        value={party ? filters.letter : 'any'}
        disabled={!party}
        allowDeselect={false}
        onChange={(value) => onChange({ letter: (value ?? 'any') as LetterFilter })}
      />
      <MultiSelect
        label="Categories"
        placeholder={filters.categories.length ? undefined : 'All categories'}
        w={{ base: '100%', sm: 280 }}
        data={categoryOptions}
        value={filters.categories}
        clearable
        searchable
        hidePickedOptions
        onChange={(value) => onChange({ categories: value })}
      />
      <Switch
        label="Only gaps and rule breaks"
        checked={filters.gapsOnly}
        onChange={(event) => onChange({ gapsOnly: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
});
