import { GAP_SEVERITIES, type GapSeverity } from '@accord/raci';
import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { type MatrixGap, useGaps } from '../api/list-gaps';
import classes from './gap-panel.module.css';

/** Gaps shown before "Show all": a long report would bury the page (and slow it down). */
const FIRST_GAPS = 10;

const SEVERITY: Record<GapSeverity, { label: string; color: string }> = {
  high: { label: 'High', color: 'red' },
  medium: { label: 'Medium', color: 'orange' },
  low: { label: 'Low', color: 'gray' },
};

/**
 * The gap report of the matrix, most severe first; choosing an entry goes to its row. Memoised:
 * a letter typed in the grid does not draw the whole report again until the new report arrives.
 */
export const GapPanel = memo(function GapPanel({
  workspaceId,
  matrixId,
  onSelect,
}: {
  workspaceId: string;
  matrixId: string;
  onSelect: (gap: MatrixGap) => void;
}) {
  const gaps = useGaps(workspaceId, matrixId);
  const [showAll, setShowAll] = useState(false);
  const list = [...(gaps.data ?? [])].sort(
    (a, b) => GAP_SEVERITIES.indexOf(a.severity) - GAP_SEVERITIES.indexOf(b.severity),
  );
  const shown = showAll ? list : list.slice(0, FIRST_GAPS);

  return (
    <Card withBorder component="section" aria-labelledby="gap-panel-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h4" id="gap-panel-title">
            Gaps
          </Title>
          {gaps.isSuccess ? (
            <Badge variant="light" color={list.length > 0 ? 'orange' : 'green'} tt="none">
              {list.length}
            </Badge>
          ) : null}
        </Group>
        {gaps.isError ? (
          <ErrorAlert error={gaps.error} title="Could not load gaps" onRetry={() => void gaps.refetch()} />
        ) : null}
        {gaps.isPending ? <Skeleton height={80} aria-label="Loading gaps…" /> : null}
        {gaps.isSuccess && list.length === 0 ? (
          <Group gap="xs" c="green">
            <IconCircleCheck size={18} aria-hidden />
            <Text size="sm">No gaps: every area has an owner.</Text>
          </Group>
        ) : null}
        {list.length > 0 ? (
          <Stack gap="xs" component="ul" className={classes.list}>
            {shown.map((gap) => (
              <li key={gap.id}>
                <UnstyledButton
                  className={classes.entry}
                  onClick={() => onSelect(gap)}
                  disabled={!gap.responsibilityId}
                  aria-label={`${SEVERITY[gap.severity].label}: ${gap.title}`}
                >
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="xs" color={SEVERITY[gap.severity].color} variant="light" tt="none" mt={2}>
                      {SEVERITY[gap.severity].label}
                    </Badge>
                    <Text size="sm" fw={600}>
                      {gap.title}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>
                    {gap.explanation}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        ) : null}
        {list.length > FIRST_GAPS ? (
          <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((all) => !all)}>
            {showAll ? `Show the first ${FIRST_GAPS} only` : `Show all ${list.length} gaps`}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
});
