import { categoryLabel } from '@accord/raci';
import { Alert, Badge, Blockquote, Button, Card, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconHistoryToggle, IconX } from '@tabler/icons-react';
import type { PartyView } from '../../../lib/api/types';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { errorMessage } from '../../../lib/forms/form-errors';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';
import { currentClaimOf } from '../api/accept-claim';
import type { Claim } from '../api/list-claims';
import {
  canDecideClaim,
  CLAIM_STATE_LABELS,
  type ClaimState,
  deciderOf,
  lettersSummary,
  sideName,
} from '../lib/claims';

const STATE_COLORS: Readonly<Record<ClaimState, string>> = { open: 'blue', accepted: 'green', declined: 'red' };

function When({ iso }: { iso: string }) {
  return (
    <Tooltip label={formatDateTime(iso)} withArrow>
      <Text span size="sm" c="dimmed" component="time" dateTime={iso} tabIndex={0}>
        {formatRelativeTime(iso)}
      </Text>
    </Tooltip>
  );
}

/** One claim of the inbox: the row, who claims it for whom and why, what changes, and the decision. */
export function ClaimCard({
  claim,
  parties,
  accepting,
  acceptError,
  onAccept,
  onDecline,
}: {
  claim: Claim;
  parties: readonly PartyView[];
  accepting: boolean;
  /** Why the last attempt to accept this claim failed, if it did. */
  acceptError: unknown;
  onAccept: (claim: Claim) => void;
  onDecline: (claim: Claim) => void;
}) {
  const workspace = useWorkspace();
  const decides = canDecideClaim(workspace.role, claim);
  const mine = claim.proposedBy.id === workspace.user.id;
  const state = claim.state as ClaimState;
  const conflict = acceptError ? currentClaimOf(acceptError) : null;

  return (
    <Card
      withBorder
      padding="lg"
      component="article"
      aria-label={`Claim on ${claim.responsibilityTitle}`}
      data-claim-id={claim.id}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700} size="lg">
                {claim.responsibilityTitle}
              </Text>
              {claim.category ? (
                <Badge variant="default" tt="none" size="sm">
                  {categoryLabel(claim.category)}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm">
              <Text span fw={600}>
                {mine ? 'You' : claim.proposedBy.name}
              </Text>{' '}
              {mine ? 'claim' : 'claims'} it for {sideName(claim.proposedFor)} · <When iso={claim.createdAt} />
            </Text>
          </Stack>
          <Badge color={STATE_COLORS[state] ?? 'gray'} variant="light" tt="none">
            {CLAIM_STATE_LABELS[state] ?? claim.state}
          </Badge>
        </Group>

        <Blockquote color="gray" p="sm" iconSize={0} fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {claim.reason}
        </Blockquote>

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {state === 'open' ? 'If accepted' : 'The claim'}
          </Text>
          {claim.changes.length > 0 ? (
            <List size="sm" spacing={2}>
              {claim.changes.map((change) => (
                <List.Item key={change}>{change}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              No change to the letters as they are now.
            </Text>
          )}
          {parties.length > 0 ? (
            <Text size="xs" c="dimmed">
              {state === 'open' ? 'Now' : 'Before'}:{' '}
              {lettersSummary(parties, state === 'open' ? claim.lettersNow : claim.lettersBefore)} · Proposed:{' '}
              {lettersSummary(parties, claim.letters)}
            </Text>
          ) : null}
        </Stack>

        {claim.stale ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconHistoryToggle aria-hidden />}
            title="The row changed since the claim was made"
          >
            <Stack gap={4}>
              {claim.changedSince.length > 0 ? (
                <List size="sm" spacing={2}>
                  {claim.changedSince.map((change) => (
                    <List.Item key={change}>{change}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm">Its letters were edited.</Text>
              )}
              <Text size="sm">
                It cannot be accepted as it is: decline it with a reason, and {claim.proposedBy.name} can claim the row
                again as it is now.
              </Text>
            </Stack>
          </Alert>
        ) : null}

        {acceptError && state === 'open' ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title="Not accepted">
            {conflict?.stale
              ? 'Someone changed the row after the claim was made, so the claim was not applied. What changed is shown above.'
              : errorMessage(acceptError)}
          </Alert>
        ) : null}

        {state !== 'open' && claim.decidedBy ? (
          <Text size="sm">
            {state === 'accepted' ? 'Accepted' : 'Declined'} by{' '}
            <Text span fw={600}>
              {claim.decidedBy.name}
            </Text>
            {claim.decidedAt ? (
              <>
                {' '}
                · <When iso={claim.decidedAt} />
              </>
            ) : null}
            {claim.decisionReason ? `: ${claim.decisionReason}` : ''}
          </Text>
        ) : null}

        {state === 'open' && decides ? (
          <Group gap="sm">
            <Tooltip
              label="The row changed since the claim was made; accepting would overwrite that change."
              disabled={!claim.stale}
              withArrow
              multiline
              maw={280}
            >
              {/* A disabled button gets no pointer events: the wrapper keeps the explanation reachable. */}
              <span tabIndex={claim.stale ? 0 : -1} style={{ display: 'inline-block' }}>
                <Button
                  color="green"
                  leftSection={<IconCheck size={16} aria-hidden />}
                  onClick={() => onAccept(claim)}
                  loading={accepting}
                  disabled={claim.stale}
                  aria-describedby={claim.stale ? `stale-${claim.id}` : undefined}
                >
                  Accept
                </Button>
              </span>
            </Tooltip>
            <Button
              variant="light"
              color="red"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => onDecline(claim)}
              disabled={accepting}
            >
              Decline
            </Button>
            {claim.stale ? (
              <Text id={`stale-${claim.id}`} size="xs" c="dimmed">
                Cannot be accepted: the row changed since.
              </Text>
            ) : null}
          </Group>
        ) : null}

        {state === 'open' && !decides ? (
          <Text size="sm" c="dimmed">
            Waiting for {deciderOf(claim.proposedFor)} to accept or decline.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
