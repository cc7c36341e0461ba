import { Badge, Card, Group, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';

type Letter = 'R' | 'A' | 'C' | 'I';

const LETTER_COLOR: Record<Letter, string> = {
  R: 'accord',
  A: 'grape',
  C: 'teal',
  I: 'gray',
};
const LETTER_NAME: Record<Letter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

const PARTIES = ['MSP', 'Internal IT', 'Business'] as const;

interface ExampleRow {
  responsibility: string;
  letters: readonly (Letter | null)[];
  gap?: string;
}

/** An illustrative co-managed matrix: every row obeys the RACI rules except the one gap it shows. */
const EXAMPLE_ROWS: readonly ExampleRow[] = [
  { responsibility: 'Help desk, tier 1', letters: ['R', 'A', 'I'] },
  { responsibility: 'Endpoint protection (EDR)', letters: ['R', 'C', 'A'] },
  { responsibility: 'Backups and restore tests', letters: ['A', 'R', 'I'] },
  { responsibility: 'Vendor management', letters: ['C', 'R', 'A'] },
  {
    responsibility: 'After-hours coverage',
    letters: ['R', null, 'I'],
    gap: 'Nobody is accountable',
  },
];

function LetterCell({ letter, party }: { letter: Letter | null; party: string }) {
  if (!letter) {
    return (
      <Text span c="dimmed" aria-label={`${party}: no role`}>
        –
      </Text>
    );
  }
  return (
    <Tooltip label={`${party}: ${LETTER_NAME[letter]}`} withArrow>
      <Badge
        color={LETTER_COLOR[letter]}
        variant="light"
        size="lg"
        w={30}
        px={0}
        radius="sm"
        aria-label={`${party}: ${LETTER_NAME[letter]}`}
      >
        {letter}
      </Badge>
    </Tooltip>
  );
}

/** A static picture of what a client's matrix looks like in Accord. */
export function MatrixPreview() {
  return (
    <Card shadow="md" padding={0} radius="lg" aria-label="Example responsibility matrix">
      <Group justify="space-between" px="lg" py="md" wrap="nowrap">
        <div>
          <Text fw={700}>Harbor Dental</Text>
          <Text size="xs" c="dimmed">
            Co-managed · draft of version 4
          </Text>
        </div>
        <Badge variant="light" color="orange" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
          1 gap
        </Badge>
      </Group>
      <Table.ScrollContainer
        minWidth={460}
        type="native"
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Table verticalSpacing={8} horizontalSpacing="md" fz="sm" withRowBorders captionSide="bottom">
          <caption
            style={{
              position: 'absolute',
              width: 1,
              height: 1,
              overflow: 'hidden',
              clip: 'rect(0 0 0 0)',
            }}
          >
            Example: who is Responsible, Accountable, Consulted and Informed for five IT responsibilities
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Responsibility</Table.Th>
              {PARTIES.map((party) => (
                <Table.Th key={party} scope="col" ta="center" w={88}>
                  {party}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {EXAMPLE_ROWS.map((row) => (
              <Table.Tr key={row.responsibility} bg={row.gap ? 'var(--mantine-color-orange-light)' : undefined}>
                <Table.Th scope="row" fw={500}>
                  {row.responsibility}
                  {row.gap ? (
                    <Text size="xs" c="orange.8" fw={600}>
                      Gap: {row.gap.toLowerCase()}
                    </Text>
                  ) : null}
                </Table.Th>
                {row.letters.map((letter, index) => (
                  <Table.Td key={PARTIES[index]} ta="center">
                    <LetterCell letter={letter} party={PARTIES[index] ?? ''} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group
        justify="space-between"
        px="lg"
        py="sm"
        gap="xs"
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap={6} wrap="nowrap">
          <ThemeIcon size="sm" variant="light" color="gray" aria-hidden>
            <IconLock size={12} />
          </ThemeIcon>
          <Text size="xs" c="dimmed">
            Version 3 in effect · signed by all three parties
          </Text>
        </Group>
        <Text size="xs" c="dimmed" ff="monospace">
          sha256 9f2c…e1a4
        </Text>
      </Group>
    </Card>
  );
}
