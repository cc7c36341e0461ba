import { OVERLOAD_SHARE, PARTY_KIND_LABELS, type SupportModel } from '@accord/raci';
import {
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconTable } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import { letterMeaning, LETTER_MEANINGS } from '../lib/letter-meanings';
import { formatShare, type LoadChartData, loadChartData, loadLine, OVERLOAD_RULE, segmentLabel } from '../lib/load';
import { countOf } from '../lib/owners';
import classes from './load-chart.module.css';
import { LETTER_COLORS } from './matrix-grid';

export interface PartyLoadChartProps {
  /** The support model decides what counts as overload: a fully managed MSP is meant to do nearly everything. */
  model: SupportModel;
  parties: readonly PartyView[];
  responsibilities: readonly ResponsibilityView[];
}

/** A segment narrower than this (percent of the bar) shows its count in the tooltip only. */
const MIN_LABELLED_PERCENT = 5;

/**
 * The workload of each party as a stacked bar of its R, A, C and I letters, a full bar being every
 * responsibility of the matrix, with a line at the overload share. Numbers come from loadByParty,
 * warnings from the gap report. Screen readers get the same numbers as a table; anyone can switch
 * to the table.
 */
export function PartyLoadChart({ model, parties, responsibilities }: PartyLoadChartProps) {
  const data = useMemo(() => loadChartData({ model, parties, responsibilities }), [model, parties, responsibilities]);
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const tableId = useId();
  const empty = data.rows === 0 || data.parties.length === 0;

  return (
    <Card withBorder component="section" aria-labelledby={titleId} className={classes.card}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Title order={2} fz="h4" id={titleId}>
              Workload by party
            </Title>
            <Text size="sm" c="dimmed">
              {empty
                ? 'No workload to show yet.'
                : `What each party holds across the ${countOf(data.rows)}. A full bar is every responsibility.`}
            </Text>
          </Stack>
          {empty ? null : (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setAsTable((shown) => !shown)}
              aria-pressed={asTable}
              aria-controls={tableId}
              leftSection={asTable ? <IconChartBar size={16} aria-hidden /> : <IconTable size={16} aria-hidden />}
            >
              {asTable ? 'Show as chart' : 'Show as table'}
            </Button>
          )}
        </Group>

        {data.parties.length === 0 ? (
          <Text size="sm">This matrix has no parties yet.</Text>
        ) : data.rows === 0 ? (
          <Text size="sm">This matrix has no responsibilities yet, so no party holds any letter.</Text>
        ) : asTable ? (
          <LoadTable data={data} id={tableId} />
        ) : (
          <>
            <Bars data={data} model={model} />
            {/* The bars are pictures of the numbers: screen readers read the table instead. */}
            <VisuallyHidden>
              <LoadTable data={data} id={tableId} />
            </VisuallyHidden>
          </>
        )}

        {empty ? null : <Legend />}
      </Stack>
    </Card>
  );
}

function Bars({ data, model }: { data: LoadChartData<PartyView>; model: SupportModel }) {
  const fullyManagedMsp = model === 'fully_managed' && data.parties.some((entry) => entry.party.kind === 'msp');
  return (
    <Stack gap="md" aria-hidden className={classes.bars}>
      {data.parties.map(({ party, load, segments, overloaded, withoutDuties, warning }) => (
        <div key={party.id} className={classes.party} data-overloaded={overloaded || undefined}>
          <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
            <Group gap={6} align="baseline" wrap="nowrap">
              <Text fw={600} size="sm">
                {party.name}
              </Text>
              <Text size="xs" c="dimmed">
                {PARTY_KIND_LABELS[party.kind]}
              </Text>
            </Group>
            {overloaded || withoutDuties ? (
              <Tooltip label={warning} multiline w={300} withArrow disabled={!warning}>
                <Badge
                  color={overloaded ? 'orange' : 'gray'}
                  variant="light"
                  tt="none"
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                  className={classes.flag}
                >
                  {overloaded ? 'Does most of the work' : 'Owns nothing'}
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
          <div className={classes.track}>
            <Progress.Root size={24} radius="sm" className={classes.bar}>
              {segments
                .filter((segment) => segment.count > 0)
                .map((segment) => (
                  <Tooltip key={segment.letter} label={segmentLabel(party.name, segment, data.rows)} withArrow>
                    <Progress.Section
                      value={segment.percent}
                      color={LETTER_COLORS[segment.letter]}
                      className={classes.section}
                    >
                      {segment.percent >= MIN_LABELLED_PERCENT ? (
                        <Progress.Label className={classes.label}>
                          {segment.letter} {segment.count}
                        </Progress.Label>
                      ) : null}
                    </Progress.Section>
                  </Tooltip>
                ))}
            </Progress.Root>
            <div className={classes.threshold} style={{ left: formatShare(OVERLOAD_SHARE) }} />
          </div>
          <Text size="xs" c={overloaded ? 'orange' : 'dimmed'} mt={4}>
            {loadLine(load, data.rows)}
          </Text>
        </div>
      ))}
      {fullyManagedMsp ? (
        <Text size="xs" c="dimmed">
          In a fully managed matrix the MSP is meant to do nearly all the work, so it is not flagged.
        </Text>
      ) : null}
    </Stack>
  );
}

function LoadTable({ data, id }: { data: LoadChartData<PartyView>; id: string }) {
  return (
    <Table id={id} withTableBorder withColumnBorders striped className={classes.table} captionSide="top">
      <Table.Caption>Letters each party holds, out of {countOf(data.rows)}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Party</Table.Th>
          {LETTER_MEANINGS.map((meaning) => (
            <Table.Th key={meaning.letter} scope="col" ta="right">
              {meaning.name} ({meaning.letter})
              <Text span size="xs" c="dimmed" display="block" fw={400}>
                {meaning.meaning}
              </Text>
            </Table.Th>
          ))}
          <Table.Th scope="col" ta="right">
            Share it does the work on
          </Table.Th>
          <Table.Th scope="col">Finding</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.parties.map(({ party, load, overloaded, withoutDuties, warning }) => (
          <Table.Tr key={party.id}>
            <Table.Th scope="row">{party.name}</Table.Th>
            {LETTER_MEANINGS.map(({ letter }) => (
              <Table.Td key={letter} ta="right">
                {load.counts[letter]}
              </Table.Td>
            ))}
            <Table.Td ta="right">{formatShare(load.responsibleShare)}</Table.Td>
            <Table.Td>
              {overloaded ? (
                <Text size="sm" c="orange">
                  Does most of the work. {warning}
                </Text>
              ) : withoutDuties ? (
                <Text size="sm">Owns nothing. {warning}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  None
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Legend() {
  return (
    <Stack gap={6}>
      <Group gap="md" wrap="wrap" component="ul" className={classes.legend} aria-label="Legend">
        {LETTER_MEANINGS.map(({ letter }) => (
          <Group key={letter} component="li" gap={6} wrap="nowrap">
            <span
              className={classes.swatch}
              style={{ background: `var(--mantine-color-${LETTER_COLORS[letter]}-filled)` }}
              aria-hidden
            />
            <Text size="xs">
              <strong>{letter}</strong> {letterMeaning(letter).name}: {letterMeaning(letter).meaning}
            </Text>
          </Group>
        ))}
        <Group component="li" gap={6} wrap="nowrap">
          <span className={classes.thresholdSwatch} aria-hidden />
          <Text size="xs">Overload line: {formatShare(OVERLOAD_SHARE)} of the responsibilities</Text>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {OVERLOAD_RULE}
      </Text>
    </Stack>
  );
}
