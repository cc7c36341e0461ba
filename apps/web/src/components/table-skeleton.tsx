import { Skeleton, Table, VisuallyHidden } from '@mantine/core';

/** Placeholder rows in the shape of the table that is loading. */
export function TableSkeleton({ columns, rows = 4, label }: { columns: number; rows?: number; label: string }) {
  return (
    <>
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      {Array.from({ length: rows }, (_, row) => (
        <Table.Tr key={row} aria-hidden>
          {Array.from({ length: columns }, (_, column) => (
            <Table.Td key={column}>
              <Skeleton height={14} width={column === 0 ? '70%' : '50%'} radius="sm" my={6} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}
