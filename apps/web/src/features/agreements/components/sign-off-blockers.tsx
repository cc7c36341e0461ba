import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ApiErrorDetail } from '../../../lib/api/api-error';
import { matrixPath } from '../../../lib/auth/paths';
import { groupBlockers } from '../lib/blockers';

/** A 422 of "request sign-off": each row, party or escalation path that blocks it, with its messages and a way there. */
export function SignOffBlockers({
  workspaceId,
  matrixId,
  message,
  details,
  rows,
  parties,
}: {
  workspaceId: string;
  matrixId: string;
  message: string;
  details: readonly ApiErrorDetail[];
  rows: readonly { key: string; title: string }[];
  parties: readonly { key: string; name: string }[];
}) {
  const groups = groupBlockers(details, rows, parties);
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title="Not sent for sign-off"
    >
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {groups.length > 0 ? (
          <List size="sm" spacing={6} aria-label="What blocks sign-off">
            {groups.map((group) => (
              <List.Item key={`${group.kind}:${group.key ?? group.label}`}>
                <Anchor
                  component={Link}
                  to={
                    group.kind === 'escalation'
                      ? `${matrixPath(workspaceId, matrixId)}/escalation`
                      : matrixPath(workspaceId, matrixId)
                  }
                  fw={600}
                  size="sm"
                >
                  {group.label}
                </Anchor>
                {group.messages.map((text) => (
                  <Text key={text} size="sm">
                    {text}
                  </Text>
                ))}
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Alert>
  );
}
