import { Badge, Button, Card, Skeleton, Stack, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandGrab, IconInbox, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { useMatrix } from '../../matrices/api/get-matrix';
import { useMatrixEvents } from '../../matrices/hooks/use-matrix-events';
import { useAcceptClaim } from '../api/accept-claim';
import { type Claim, useClaims } from '../api/list-claims';
import {
  canProposeClaims,
  CLAIM_STATE_LABELS,
  CLAIM_STATES,
  type ClaimState,
  claimStateOf,
  countByState,
} from '../lib/claims';
import { AgreementNav } from './agreement-nav';
import { ClaimCard } from './claim-card';
import { ClaimModal } from './claim-modal';
import { DeclineClaimModal } from './decline-claim-modal';

const STATE_PARAM = 'state';

const EMPTY_TEXT: Readonly<Record<ClaimState, { title: string; description: string }>> = {
  open: {
    title: 'No open claims',
    description:
      'When internal IT or the MSP proposes to take on (or hand over) a responsibility, the claim waits here for the other side to decide.',
  },
  accepted: {
    title: 'No accepted claims yet',
    description: 'Claims the other side accepted are listed here, with who decided and when.',
  },
  declined: {
    title: 'No declined claims',
    description: 'Claims the other side declined are listed here, with their reason.',
  },
};

/** The claims inbox of one matrix: open, accepted and declined claims, each tab with its count. */
export function ClaimsPage({ matrixId }: { matrixId: string }) {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const matrix = useMatrix(workspaceId, matrixId);
  const claims = useClaims(workspaceId, matrixId);
  const accept = useAcceptClaim(workspaceId, matrixId, { id: workspace.user.id, name: workspace.user.name });
  const [params, setParams] = useSearchParams();
  const tab = claimStateOf(params.get(STATE_PARAM));
  const [creating, setCreating] = useState(false);
  const [declining, setDeclining] = useState<Claim | null>(null);
  const [acceptErrors, setAcceptErrors] = useState<Readonly<Record<string, unknown>>>({});
  useMatrixEvents(workspaceId, matrixId);

  const list = claims.data ?? [];
  const counts = countByState(list);
  const proposes = canProposeClaims(workspace.role);
  const parties = matrix.data?.parties ?? [];

  const setTab = (value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        const state = claimStateOf(value);
        if (state === 'open') next.delete(STATE_PARAM);
        else next.set(STATE_PARAM, state);
        return next;
      },
      { replace: true },
    );

  const onAccept = (claim: Claim) => {
    setAcceptErrors(({ [claim.id]: _old, ...rest }) => rest);
    // mutateAsync: the card leaves the Open tab at once (optimistic), so the answer is handled here.
    accept.mutateAsync({ claimId: claim.id, version: claim.version }).then(
      ({ claim: accepted }) =>
        notifications.show({
          color: 'green',
          title: 'Claim accepted',
          message: `“${accepted.responsibilityTitle}” has the proposed letters in the draft now. ${accepted.proposedBy.name} is told.`,
        }),
      (error: unknown) => {
        setAcceptErrors((errors) => ({ ...errors, [claim.id]: error }));
        notifications.show({
          color: 'red',
          title: 'The claim was not accepted',
          message: `“${claim.responsibilityTitle}”: see the claim for why.`,
        });
      },
    );
  };

  return (
    <Stack gap="lg">
      <title>{`Claims · ${matrix.data?.name ?? 'Matrix'} · Accord`}</title>
      <AgreementNav workspaceId={workspaceId} matrixId={matrixId} matrixName={matrix.data?.name} current="claims" />
      <PageHeader
        title="Claims"
        description={
          <>
            {matrix.data ? `${matrix.data.name}. ` : ''}Internal IT or the MSP proposes new letters for a row, with a
            reason; the other side accepts (the draft changes) or declines.
          </>
        }
        actions={
          proposes && matrix.data ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New claim
            </Button>
          ) : null
        }
      />

      {matrix.isError ? (
        <ErrorAlert error={matrix.error} title="Could not load the matrix" onRetry={() => void matrix.refetch()} />
      ) : null}
      {claims.isError ? (
        <ErrorAlert error={claims.error} title="Could not load the claims" onRetry={() => void claims.refetch()} />
      ) : null}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label="Claims by state">
          {CLAIM_STATES.map((state) => (
            <Tabs.Tab
              key={state}
              value={state}
              rightSection={
                claims.isSuccess ? (
                  <Badge
                    size="sm"
                    variant={state === tab ? 'filled' : 'light'}
                    color={state === 'open' && counts.open > 0 ? 'blue' : 'gray'}
                    aria-label={`${counts[state]} claims`}
                  >
                    {counts[state]}
                  </Badge>
                ) : null
              }
            >
              {CLAIM_STATE_LABELS[state]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CLAIM_STATES.map((state) => (
          <Tabs.Panel key={state} value={state} pt="md">
            {claims.isPending ? (
              <Stack gap="md" aria-busy aria-label="Loading claims…">
                <Skeleton height={180} radius="md" />
                <Skeleton height={180} radius="md" />
              </Stack>
            ) : claims.isSuccess && counts[state] === 0 ? (
              <Card withBorder>
                <EmptyState
                  icon={state === 'open' ? IconInbox : IconHandGrab}
                  title={EMPTY_TEXT[state].title}
                  description={EMPTY_TEXT[state].description}
                  action={
                    state === 'open' && proposes && matrix.data ? (
                      <Button
                        variant="light"
                        leftSection={<IconPlus size={16} aria-hidden />}
                        onClick={() => setCreating(true)}
                      >
                        Make a claim
                      </Button>
                    ) : null
                  }
                />
              </Card>
            ) : (
              <Stack gap="md">
                {list
                  .filter((claim) => claim.state === state)
                  .map((claim) => (
                    <ClaimCard
                      key={claim.id}
                      claim={claim}
                      parties={parties}
                      accepting={accept.isPending && accept.variables?.claimId === claim.id}
                      acceptError={acceptErrors[claim.id]}
                      onAccept={onAccept}
                      onDecline={setDeclining}
                    />
                  ))}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>

      {matrix.data && proposes ? (
        <ClaimModal
          workspaceId={workspaceId}
          matrix={matrix.data}
          opened={creating}
          onClose={() => setCreating(false)}
        />
      ) : null}
      <DeclineClaimModal
        workspaceId={workspaceId}
        matrixId={matrixId}
        claim={declining}
        onClose={() => setDeclining(null)}
      />
    </Stack>
  );
}
