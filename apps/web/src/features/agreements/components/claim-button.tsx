import { ActionIcon, Button, type ButtonProps, Tooltip } from '@mantine/core';
import { IconHandGrab } from '@tabler/icons-react';
import { useState } from 'react';
import type { MatrixView, ResponsibilityView } from '../../../lib/api/types';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { canProposeClaims, sideName, claimSideOf } from '../lib/claims';
import { ClaimModal } from './claim-modal';

export interface ClaimButtonProps {
  workspaceId: string;
  /** The draft the row belongs to (its parties name the columns of the modal). */
  matrix: MatrixView;
  /** The row to claim; its letters now are where the modal starts. */
  row: ResponsibilityView;
  /** 'icon' (default): a small icon button for a grid row; 'button': a labelled button. */
  variant?: 'icon' | 'button';
  size?: ButtonProps['size'];
}

/**
 * The claim action of one matrix row: opens a modal to propose new letters with a reason. Renders
 * nothing for people who make no claims (the business owner, viewers), so it can be placed on
 * every row as it is.
 */
export function ClaimButton({ workspaceId, matrix, row, variant = 'icon', size = 'sm' }: ClaimButtonProps) {
  const { role } = useWorkspace();
  const [opened, setOpened] = useState(false);
  if (!canProposeClaims(role)) return null;
  const side = claimSideOf(role);
  const label = `Claim “${row.title}” for ${side ? sideName(side) : 'your side'}`;
  return (
    <>
      {variant === 'button' ? (
        <Button
          size={size}
          variant="light"
          leftSection={<IconHandGrab size={16} aria-hidden />}
          onClick={() => setOpened(true)}
        >
          Claim
        </Button>
      ) : (
        <Tooltip label={label} withArrow openDelay={300}>
          <ActionIcon variant="subtle" color="gray" size={size} aria-label={label} onClick={() => setOpened(true)}>
            <IconHandGrab size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
      <ClaimModal
        workspaceId={workspaceId}
        matrix={matrix}
        row={row}
        opened={opened}
        onClose={() => setOpened(false)}
      />
    </>
  );
}
