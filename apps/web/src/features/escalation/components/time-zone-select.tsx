import { type ComboboxItemGroup, Select } from '@mantine/core';
import { useMemo } from 'react';

let zones: string[] | null = null;

/** Every IANA zone the browser knows, plus UTC (which Intl does not list). */
function allZones(): string[] {
  if (zones === null) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = [...new Set(['UTC', ...supported])];
  }
  return zones;
}

/** Zones grouped by region ("America", "Europe", ...), the current value always among them. */
function zoneGroups(current: string): ComboboxItemGroup[] {
  const list = allZones().includes(current) || current === '' ? allZones() : [current, ...allZones()];
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const zone of list) {
    const region = zone.includes('/') ? (zone.split('/')[0] ?? 'Other') : 'Other';
    const items = groups.get(region) ?? [];
    items.push({ value: zone, label: zone.replaceAll('_', ' ') });
    groups.set(region, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** A searchable list of IANA time zones ("new york" finds America/New_York). */
export function TimeZoneSelect({
  id,
  value,
  onChange,
  error,
  readOnly,
  label = 'Time zone',
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
  readOnly: boolean;
  label?: string;
}) {
  const data = useMemo(() => zoneGroups(value), [value]);
  return (
    <Select
      id={id}
      label={label}
      data={data}
      value={value === '' ? null : value}
      onChange={(zone) => {
        if (zone) onChange(zone);
      }}
      searchable
      allowDeselect={false}
      readOnly={readOnly}
      nothingFoundMessage="No time zone matches"
      maxDropdownHeight={280}
      error={error}
      w={280}
    />
  );
}
