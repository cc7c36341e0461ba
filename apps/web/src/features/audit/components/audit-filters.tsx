import { Button, Card, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ClientView, MemberView } from '../../../lib/api/types';
import { actionFilterOptions, isAuditAction } from '../lib/actions';
import { type AuditFilters, hasFilters, isBackwardRange } from '../lib/filters';

/** Today as yyyy-mm-dd in the viewer's time zone, the latest day worth choosing. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Filters by action, actor (when the role may read the member list), client (for MSP roles) and
 * a range of days. Every change applies at once.
 */
export function AuditFiltersBar({
  filters,
  onChange,
  members,
  clients,
}: {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  /** null when the role may not read members: no actor filter then. */
  members: readonly MemberView[] | null;
  /** null for client users, who see one client only. */
  clients: readonly ClientView[] | null;
}) {
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  const backward = isBackwardRange(filters);
  const maxDay = today();

  return (
    <Card padding="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: members && clients ? 5 : clients || members ? 4 : 3 }} spacing="md">
        <Select
          label="Action"
          placeholder="Any action"
          data={actionFilterOptions()}
          value={filters.action ?? null}
          onChange={(value) => set({ action: isAuditAction(value) ? value : undefined })}
          clearable
          searchable
          nothingFoundMessage="No such action"
        />
        {members ? (
          <Select
            label="Actor"
            placeholder="Anyone"
            data={members.map((member) => ({ value: member.userId, label: member.name }))}
            value={filters.actor ?? null}
            onChange={(value) => set({ actor: value ?? undefined })}
            clearable
            searchable
            nothingFoundMessage="Nobody by that name"
          />
        ) : null}
        {clients ? (
          <Select
            label="Client"
            placeholder="All clients"
            data={clients.map((client) => ({ value: client.id, label: client.name }))}
            value={filters.client ?? null}
            onChange={(value) => set({ client: value ?? undefined })}
            clearable
            searchable
            nothingFoundMessage="No client by that name"
          />
        ) : null}
        <TextInput
          type="date"
          label="From"
          value={filters.from ?? ''}
          max={filters.to ?? maxDay}
          onChange={(event) => set({ from: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label="To"
          value={filters.to ?? ''}
          min={filters.from}
          max={maxDay}
          onChange={(event) => set({ to: event.currentTarget.value || undefined })}
          error={backward ? 'Must be on or after the From day' : undefined}
        />
      </SimpleGrid>
      {hasFilters(filters) ? (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} aria-hidden />}
            onClick={() => onChange({})}
          >
            Clear filters
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}
