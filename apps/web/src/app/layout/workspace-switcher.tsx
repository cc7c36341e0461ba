import { Group, Select, Text } from '@mantine/core';
import { ROLE_LABELS } from '@accord/raci';
import { IconBuildingCommunity, IconCheck } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import { sectionOf, workspacePath } from '../../lib/auth/paths';
import type { Membership } from '../../lib/auth/session';
import { canOpenSection } from './navigation';

/** "Internal IT admin · Harbor Dental", or just the role for MSP roles. */
export function membershipSummary(membership: Membership): string {
  const role = ROLE_LABELS[membership.role];
  return membership.clientName ? `${role} · ${membership.clientName}` : role;
}

/**
 * Lists the workspaces the person belongs to. The workspace lives in the address, so choosing one
 * navigates (to the same page there, when the role there may open it), and two tabs can work in
 * two workspaces.
 */
export function WorkspaceSwitcher({
  memberships,
  currentWorkspaceId,
  onNavigate,
  w = 260,
}: {
  memberships: readonly Membership[];
  currentWorkspaceId: string | null;
  onNavigate?: () => void;
  w?: number | string;
}) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const byId = new Map(memberships.map((membership) => [membership.workspaceId, membership]));

  const choose = (workspaceId: string | null) => {
    const membership = workspaceId ? byId.get(workspaceId) : undefined;
    if (!membership) return;
    const section = sectionOf(pathname);
    const target = section && canOpenSection(membership.role, section) ? section : 'clients';
    void navigate(workspacePath(membership.workspaceId, target));
    onNavigate?.();
  };

  return (
    <Select
      aria-label="Workspace"
      placeholder="Choose a workspace"
      w={w}
      value={currentWorkspaceId && byId.has(currentWorkspaceId) ? currentWorkspaceId : null}
      onChange={choose}
      allowDeselect={false}
      checkIconPosition="right"
      leftSection={<IconBuildingCommunity size={16} aria-hidden />}
      data={memberships.map((membership) => ({ value: membership.workspaceId, label: membership.workspaceName }))}
      renderOption={({ option, checked }) => {
        const membership = byId.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
            <div>
              <Text size="sm" fw={500}>
                {option.label}
              </Text>
              {membership ? (
                <Text size="xs" c="dimmed">
                  {membershipSummary(membership)}
                </Text>
              ) : null}
            </div>
            {checked ? <IconCheck size={14} aria-hidden /> : null}
          </Group>
        );
      }}
      comboboxProps={{ shadow: 'md', width: 300, position: 'bottom-start' }}
    />
  );
}
