import { SUPPORT_MODEL_LABELS, type RaciLetter } from '@accord/raci';
import { Anchor, Badge, Button, Card, Grid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useRef } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import { clientMatricesPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { useMatrix } from '../api/get-matrix';
import { staleRowOf, useSetAssignments } from '../api/set-assignments';
import { useMatrixEvents } from '../hooks/use-matrix-events';
import { setPartyLetter } from '../lib/letters';
import { GapPanel } from './gap-panel';
import { MatrixGrid, type MatrixGridHandle } from './matrix-grid';

/** One matrix: header with exports and rule status, the RACI grid and the gap report. */
export function MatrixPage({ matrixId }: { matrixId: string }) {
  const workspace = useWorkspace();
  const { workspaceId } = workspace;
  const matrix = useMatrix(workspaceId, matrixId);
  const setAssignments = useSetAssignments(workspaceId, matrixId, {
    onRowError: (error, row) => {
      const title = row ? `“${row.title}”` : 'This row';
      notifications.show(
        staleRowOf(error)
          ? {
              color: 'orange',
              title: 'Changed by someone else',
              message: `${title} was changed by someone else; it now shows their letters.`,
            }
          : { color: 'red', title: 'Not saved', message: `${title}: the letter could not be saved.` },
      );
    },
  });
  const grid = useRef<MatrixGridHandle>(null);
  useMatrixEvents(workspaceId, matrixId);

  if (matrix.isError) {
    return <ErrorAlert error={matrix.error} title="Could not load the matrix" onRetry={() => void matrix.refetch()} />;
  }
  if (matrix.isPending) {
    return (
      <Stack gap="lg" aria-busy>
        <Skeleton height={48} width={360} />
        <Skeleton height={480} />
      </Stack>
    );
  }

  const data = matrix.data;
  const breaks = data.responsibilities.reduce((sum, row) => sum + row.violations.length, 0);
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `/api/workspaces/${encodeURIComponent(workspaceId)}/matrices/${encodeURIComponent(matrixId)}/export.${format}`;

  const setLetter = (row: ResponsibilityView, party: PartyView, letter: RaciLetter | null) => {
    setAssignments.mutate({
      responsibilityId: row.id,
      version: row.version,
      letters: setPartyLetter(row.letters, party.id, letter),
    });
  };

  return (
    <Stack gap="lg">
      <title>{`${data.name} · Accord`}</title>
      <Anchor component={Link} to={clientMatricesPath(workspaceId, data.clientId)} size="sm">
        ← All matrices of this client
      </Anchor>
      <PageHeader
        title={data.name}
        description={
          <>
            {SUPPORT_MODEL_LABELS[data.model]} · version {data.version} ·{' '}
            {breaks > 0 ? (
              <Badge color="red" variant="light" tt="none">
                {breaks} rule {breaks === 1 ? 'break' : 'breaks'}
              </Badge>
            ) : (
              <Badge color="green" variant="light" tt="none">
                {data.signable ? 'Signable' : 'No rule breaks'}
              </Badge>
            )}
          </>
        }
        actions={
          <>
            <Button
              component="a"
              href={exportUrl('csv')}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Export CSV
            </Button>
            <Button
              component="a"
              href={exportUrl('xlsx')}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              Export XLSX
            </Button>
          </>
        }
      />
      <Text size="sm" c="dimmed">
        {workspace.can('matrix.edit')
          ? 'Use the arrow keys to move between cells; type R, A, C or I to set a letter, Delete to clear it.'
          : 'You can read this matrix; your role does not include editing it.'}
      </Text>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Card padding={0} withBorder>
            <Table.ScrollContainer minWidth={480} type="native" maxHeight="70vh">
              <MatrixGrid
                ref={grid}
                label={`${data.name}: responsibilities by party`}
                parties={data.parties}
                responsibilities={data.responsibilities}
                onSetLetter={workspace.can('matrix.edit') ? setLetter : undefined}
              />
            </Table.ScrollContainer>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <GapPanel
            workspaceId={workspaceId}
            matrixId={matrixId}
            onSelect={(gap) => {
              if (gap.responsibilityId) grid.current?.focusRow(gap.responsibilityId, gap.partyId);
            }}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
