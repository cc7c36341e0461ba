import { Anchor, Button, Group } from '@mantine/core';
import { IconArrowLeft, IconHandGrab, IconHistory, IconRoute, IconTable } from '@tabler/icons-react';
import { Link } from 'react-router';
import { matrixClaimsPath, matrixPath, matrixVersionsPath } from '../../../lib/auth/paths';
import { escalationPolicyPath } from '../../escalation/lib/paths';

export type AgreementPage = 'draft' | 'escalation' | 'claims' | 'versions';

/**
 * The way between a matrix's pages: the draft, its escalation policy, its claims, its versions,
 * with a link back (to the matrix, or where `back` says) on the left.
 */
export function AgreementNav({
  workspaceId,
  matrixId,
  matrixName,
  current,
  back,
}: {
  workspaceId: string;
  matrixId: string;
  matrixName: string | undefined;
  current: AgreementPage;
  back?: { to: string; label: string };
}) {
  const links = [
    { page: 'draft', label: 'Draft matrix', to: matrixPath(workspaceId, matrixId), icon: IconTable },
    { page: 'escalation', label: 'Escalation', to: escalationPolicyPath(workspaceId, matrixId), icon: IconRoute },
    { page: 'claims', label: 'Claims', to: matrixClaimsPath(workspaceId, matrixId), icon: IconHandGrab },
    {
      page: 'versions',
      label: 'Versions & sign-off',
      to: matrixVersionsPath(workspaceId, matrixId),
      icon: IconHistory,
    },
  ] as const;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Anchor component={Link} to={back?.to ?? matrixPath(workspaceId, matrixId)} size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          <IconArrowLeft size={14} aria-hidden />
          {back?.label ?? matrixName ?? 'Back to the matrix'}
        </Group>
      </Anchor>
      <Group gap={4} component="nav" aria-label="Pages of this matrix" wrap="wrap">
        {links.map(({ page, label, to, icon: Icon }) => (
          <Button
            key={page}
            component={Link}
            to={to}
            size="xs"
            variant={page === current ? 'light' : 'subtle'}
            color={page === current ? undefined : 'gray'}
            leftSection={<Icon size={14} aria-hidden />}
            aria-current={page === current ? 'page' : undefined}
          >
            {label}
          </Button>
        ))}
      </Group>
    </Group>
  );
}
