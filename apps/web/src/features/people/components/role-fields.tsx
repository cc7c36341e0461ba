import { Select } from '@mantine/core';
import type { CSSProperties } from 'react';
import { isClientRole } from '@accord/raci';
import type { ClientView as Client } from '../../../lib/api/types';
import { ROLE_HINTS, roleFrom, roleOptions } from '../lib/roles';

/**
 * Role, and for client roles the client: the pair a membership or invitation needs. The client
 * select appears only for client roles, which belong to one client.
 */
export function RoleFields({
  role,
  clientId,
  clients,
  clientsLoading,
  roleError,
  clientError,
  onRoleChange,
  onClientChange,
  withHint = true,
  inputProps,
}: {
  role: string;
  clientId: string;
  clients: readonly Client[];
  clientsLoading: boolean;
  roleError?: string;
  clientError?: string;
  onRoleChange: (role: string) => void;
  onClientChange: (clientId: string) => void;
  /** Show what the chosen role is for under the role select. */
  withHint?: boolean;
  /** Extra props for both selects (e.g. their width in a row). */
  inputProps?: { w?: number | string; style?: CSSProperties };
}) {
  const parsed = roleFrom(role);
  return (
    <>
      <Select
        label="Role"
        placeholder="Choose a role"
        data={roleOptions()}
        value={parsed}
        onChange={(value) => onRoleChange(value ?? '')}
        description={withHint && parsed ? ROLE_HINTS[parsed] : undefined}
        error={roleError}
        allowDeselect={false}
        required
        comboboxProps={{ withinPortal: true }}
        {...inputProps}
      />
      {parsed && isClientRole(parsed) ? (
        <Select
          label="Client"
          placeholder={
            clientsLoading ? 'Loading clients…' : clients.length ? 'Choose a client' : 'No active clients yet'
          }
          data={clients.map((client) => ({ value: client.id, label: client.name }))}
          value={clientId || null}
          onChange={(value) => onClientChange(value ?? '')}
          error={clientError}
          searchable
          nothingFoundMessage="No client by that name"
          disabled={clientsLoading || clients.length === 0}
          required
          comboboxProps={{ withinPortal: true }}
          {...inputProps}
        />
      ) : null}
    </>
  );
}
