import type { AgreementSnapshot } from '@accord/raci';
import { Badge, Group, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { snapshotCategories } from '../lib/snapshot';
import { LetterBadge } from './letter-badge';

/** A version's matrix, read-only, grouped by category: what the signatures are about. */
export function VersionMatrixTable({ snapshot, number }: { snapshot: AgreementSnapshot; number: number }) {
  const parties = snapshot.matrix.parties;
  const groups = snapshotCategories(snapshot);
  return (
    <Table.ScrollContainer minWidth={240 + parties.length * 92} type="native">
      <Table
        verticalSpacing={6}
        horizontalSpacing="sm"
        striped={false}
        aria-label={`Responsibilities of version ${number}`}
        stickyHeader
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Responsibility</Table.Th>
            {parties.map((party) => (
              <Table.Th key={party.key} ta="center" w={92}>
                {party.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.category}>
              <Table.Tr>
                <Table.Th colSpan={parties.length + 1} scope="colgroup" bg="var(--mantine-color-default-hover)">
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts="0.04em">
                    {group.label}
                  </Text>
                </Table.Th>
              </Table.Tr>
              {group.rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={500}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {row.title}
                      </Text>
                      {row.critical ? (
                        <Badge color="red" variant="light" size="xs" tt="none">
                          Critical
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Th>
                  {parties.map((party) => (
                    <Table.Td key={party.key} ta="center">
                      <LetterBadge letter={row.letters[party.key]} size="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
