import { Badge, Skeleton, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { type Icon, IconShieldCheck, IconShieldQuestion, IconShieldX } from '@tabler/icons-react';
import { errorMessage } from '../../../lib/forms/form-errors';
import { useAuditChain } from '../api/verify-audit-chain';

/**
 * The verdict of the API recomputing the workspace's hash chain: green when every event follows
 * from the one before, red naming the first that does not. Clicking checks again.
 */
export function ChainBadge({ workspaceId }: { workspaceId: string }) {
  const chain = useAuditChain(workspaceId);

  if (chain.isPending) {
    return (
      <>
        <Skeleton height={28} width={190} radius="xl" aria-hidden />
        <VisuallyHidden role="status">Verifying the audit chain…</VisuallyHidden>
      </>
    );
  }

  const verdict = chain.data;
  const state: { color: string; icon: Icon; label: string; hint: string } = chain.isError
    ? { color: 'gray', icon: IconShieldQuestion, label: 'Chain not checked', hint: errorMessage(chain.error) }
    : verdict?.ok
      ? {
          color: 'green',
          icon: IconShieldCheck,
          label: `Chain verified · ${verdict.events} ${verdict.events === 1 ? 'event' : 'events'}`,
          hint: 'The workspace’s whole chain was recomputed: every event follows from the one before it, so nothing was changed or removed. Click to check again.',
        }
      : {
          color: 'red',
          icon: IconShieldX,
          label: `Chain broken at #${verdict?.firstBrokenSeq ?? '?'}`,
          hint: 'This event does not follow from the one before it: the log was changed outside Accord. Click to check again.',
        };
  const { color, icon: StateIcon, label, hint } = state;

  return (
    <Tooltip label={hint} multiline w={280} withArrow>
      <UnstyledButton
        onClick={() => void chain.refetch()}
        aria-label={`${label}. Check the audit chain again`}
        style={{ borderRadius: 'var(--mantine-radius-xl)' }}
      >
        <Badge
          role="status"
          data-testid="chain-status"
          data-state={chain.isError ? 'unknown' : verdict?.ok ? 'verified' : 'broken'}
          color={color}
          variant={chain.isError ? 'light' : 'filled'}
          size="lg"
          radius="xl"
          tt="none"
          fw={600}
          leftSection={<StateIcon size={16} aria-hidden />}
          style={{ cursor: 'pointer', opacity: chain.isFetching ? 0.6 : 1 }}
        >
          {label}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
