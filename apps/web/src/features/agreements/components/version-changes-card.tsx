import { Card, Group, List, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { useVersionDiff } from '../api/get-version-diff';
import type { VersionSummary } from '../api/list-versions';

const DEFAULT = 'default';

/**
 * What this version changes, in plain words: by default against the agreement in effect before it
 * (else the version before); any other version can be chosen to compare with.
 */
export function VersionChangesCard({
  workspaceId,
  matrixId,
  number,
  versions,
}: {
  workspaceId: string;
  matrixId: string;
  number: number;
  versions: readonly VersionSummary[];
}) {
  const [against, setAgainst] = useState<string>(DEFAULT);
  const diff = useVersionDiff(workspaceId, matrixId, number, against === DEFAULT ? undefined : Number(against));
  const others = versions.filter((v) => v.number !== number);
  const base = diff.data?.against ?? null;
  const baseVersion = versions.find((v) => v.number === base);

  const comparedWith =
    diff.data === undefined
      ? ''
      : base === null
        ? 'This is the first version of the agreement.'
        : `Compared with version ${base}${
            baseVersion?.inEffect
              ? ', the agreement in effect'
              : baseVersion?.status === 'approved'
                ? ', an earlier approved agreement'
                : baseVersion
                  ? `, ${baseVersion.status}`
                  : ''
          }.`;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="changes-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={2} fz="h3" id="changes-heading">
              What changes
            </Title>
            <Text size="sm" c="dimmed">
              {comparedWith}
            </Text>
          </Stack>
          {others.length > 0 ? (
            <Select
              label="Compare with"
              size="xs"
              w={220}
              value={against}
              onChange={(value) => setAgainst(value ?? DEFAULT)}
              allowDeselect={false}
              data={[
                { value: DEFAULT, label: 'The agreement in effect' },
                ...others.map((v) => ({ value: String(v.number), label: `Version ${v.number} (${v.status})` })),
              ]}
            />
          ) : null}
        </Group>
        {diff.isPending ? (
          <Stack gap={6} aria-busy aria-label="Comparing…">
            <Skeleton height={14} width="80%" />
            <Skeleton height={14} width="60%" />
          </Stack>
        ) : diff.isError ? (
          <ErrorAlert error={diff.error} title="Could not compare the versions" onRetry={() => void diff.refetch()} />
        ) : diff.data.changes.length === 0 ? (
          <Text size="sm">Nothing changes: the two versions agree on every row and on the escalation policy.</Text>
        ) : (
          <List size="sm" spacing={4} aria-label={`Changes in version ${number}`}>
            {diff.data.changes.map((change, index) => (
              <List.Item key={`${index}-${change}`}>{change}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
