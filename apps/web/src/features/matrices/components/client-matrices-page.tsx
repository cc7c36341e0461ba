import { SUPPORT_MODEL_LABELS } from '@accord/raci';
import { Anchor, Button, Card, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconLayoutGrid, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListTable } from '../../../components/list-table';
import { matrixPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useMatrices } from '../api/list-matrices';
import { NewMatrixModal } from './new-matrix-modal';

/** The responsibility matrices of one client; roles with matrix.edit start new ones. */
export function ClientMatricesPage({ clientId, clientName }: { clientId: string; clientName: string | null }) {
  const workspace = useWorkspace();
  const edit = workspace.can('matrix.edit');
  const [creating, setCreating] = useState(false);
  const matrices = useMatrices(workspace.workspaceId, clientId);
  const list = matrices.data ?? [];

  const newButton = edit ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      New matrix
    </Button>
  ) : null;

  return (
    <Stack gap="lg">
      <PageHeader
        title={clientName ? `${clientName} · Matrices` : 'Matrices'}
        description="Who is responsible, accountable, consulted and informed for each part of IT."
        actions={newButton}
      />

      {matrices.isError ? (
        <ErrorAlert error={matrices.error} title="Could not load matrices" onRetry={() => void matrices.refetch()} />
      ) : null}

      {matrices.isSuccess && list.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconLayoutGrid}
            title="No matrix yet"
            description={
              edit
                ? 'Start from a fully managed or co-managed template and adjust it together with the client.'
                : 'When the MSP or your IT admin starts a matrix, it appears here.'
            }
            action={newButton}
          />
        </Card>
      ) : null}

      {matrices.isPending || list.length > 0 ? (
        <Card padding={0}>
          <ListTable
            aria-label="Matrices"
            minWidth={560}
            pending={matrices.isPending}
            loadingLabel="Loading matrices…"
            columns={[
              { label: 'Name' },
              { label: 'Model', width: 160 },
              { label: 'Rows', width: 100 },
              { label: 'Updated', width: 160 },
            ]}
          >
            {list.map((matrix) => (
              <Table.Tr key={matrix.id}>
                <Table.Td>
                  <Anchor component={Link} to={matrixPath(workspace.workspaceId, matrix.id)} fw={600}>
                    {matrix.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{SUPPORT_MODEL_LABELS[matrix.model]}</Table.Td>
                <Table.Td>{matrix.responsibilities}</Table.Td>
                <Table.Td>
                  <Tooltip label={formatDateTime(matrix.updatedAt)} withArrow>
                    <Text size="sm" c="dimmed" component="time" dateTime={matrix.updatedAt} tabIndex={0}>
                      {formatDate(matrix.updatedAt)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Card>
      ) : null}

      <NewMatrixModal
        workspaceId={workspace.workspaceId}
        clientId={clientId}
        opened={creating}
        onClose={() => setCreating(false)}
      />
    </Stack>
  );
}
