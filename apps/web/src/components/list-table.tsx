import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableSkeleton } from './table-skeleton';

export interface ListColumn {
  label: string;
  width?: number;
  /** Named for screen readers only (e.g. the column of row actions). */
  hidden?: boolean;
}

interface ListTableProps {
  columns: readonly ListColumn[];
  minWidth: number;
  pending: boolean;
  loadingLabel: string;
  skeletonRows?: number;
  highlightOnHover?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  /** The rows (Table.Tr); shown once the data is there. */
  children: ReactNode;
}

/** The lists of the app (clients, people, invitations, matrices): one look, one loading state. */
export function ListTable({
  columns,
  minWidth,
  pending,
  loadingLabel,
  skeletonRows,
  highlightOnHover = true,
  children,
  ...aria
}: ListTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover={highlightOnHover} {...aria}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} w={column.width}>
                {column.hidden ? <VisuallyHidden>{column.label}</VisuallyHidden> : column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pending ? <TableSkeleton columns={columns.length} rows={skeletonRows} label={loadingLabel} /> : children}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
