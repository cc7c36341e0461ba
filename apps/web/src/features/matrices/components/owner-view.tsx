import { categoryLabel, PARTY_KIND_LABELS, type RaciLetter } from '@accord/raci';
import { Accordion, Alert, Anchor, Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type MouseEvent, useId, useMemo } from 'react';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import type { CategoryGroup } from '../lib/group-rows';
import { letterMeaning } from '../lib/letter-meanings';
import {
  countOf,
  dutiesByParty,
  hasNoDuties,
  noDutiesWarning,
  ownersOverview,
  type PartyDuties,
  partyInvolvement,
  partySummary,
  rowContext,
  unownedReason,
  type UnownedRow,
  unownedRows,
} from '../lib/owners';
import { LETTER_COLORS } from './matrix-grid';
import classes from './owner-view.module.css';
import { RaciLegend } from './raci-legend';

export interface MatrixOwnersViewProps {
  parties: readonly PartyView[];
  responsibilities: readonly ResponsibilityView[];
}

/** The id of a party's section, for the jump links at the top. */
const sectionId = (partyId: string) => `owners-party-${partyId}`;

/**
 * "Who owns what", for business owners: what nobody owns yet, then per party (in column order)
 * what it answers for and what it does, by category, with each row's plain-language description.
 * What a party is consulted on or kept informed about is folded away. Prints in full.
 */
export function MatrixOwnersView({ parties, responsibilities }: MatrixOwnersViewProps) {
  const duties = useMemo(() => dutiesByParty(parties, responsibilities), [parties, responsibilities]);
  const unowned = useMemo(() => unownedRows(parties, responsibilities), [parties, responsibilities]);
  const titleId = useId();
  const hasRows = responsibilities.length > 0;

  return (
    <Stack component="section" aria-labelledby={titleId} gap="lg" className={classes.view}>
      <Stack gap={4}>
        <Title order={2} id={titleId}>
          Who owns what
        </Title>
        <Text c="dimmed">{ownersOverview(parties.length, responsibilities.length, unowned.length)}</Text>
      </Stack>

      <Card withBorder padding="md">
        <RaciLegend withCritical />
      </Card>

      {duties.length > 1 ? <JumpLinks duties={duties} /> : null}

      {unowned.length > 0 ? <UnownedSection unowned={unowned} /> : null}

      {duties.length === 0 ? (
        <Text>This matrix has no parties yet, so nobody owns anything. Add the parties who share the work.</Text>
      ) : hasRows ? (
        duties.map((entry) => <PartySection key={entry.party.id} duties={entry} parties={parties} />)
      ) : (
        <Text>Add responsibilities to the matrix to see here who answers for each one and who does the work.</Text>
      )}
    </Stack>
  );
}

function JumpLinks({ duties }: { duties: readonly PartyDuties<PartyView, ResponsibilityView>[] }) {
  const jump = (event: MouseEvent<HTMLAnchorElement>, partyId: string) => {
    const target = document.getElementById(sectionId(partyId));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  };
  return (
    <Group component="nav" aria-label="Parties in this matrix" data-print="hide" gap="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        Jump to:
      </Text>
      <Group component="ul" gap="md" className={classes.plainList}>
        {duties.map(({ party }) => (
          <li key={party.id}>
            <Anchor href={`#${sectionId(party.id)}`} size="sm" onClick={(event) => jump(event, party.id)}>
              {party.name}
            </Anchor>
          </li>
        ))}
      </Group>
    </Group>
  );
}

function UnownedSection({ unowned }: { unowned: readonly UnownedRow<ResponsibilityView>[] }) {
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId} className={classes.unowned}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="red" variant="light" size="lg" aria-hidden>
            <IconAlertTriangle size={20} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={3} id={headingId}>
              Unowned: nobody answers for these
            </Title>
            <Text size="sm">
              {countOf(unowned.length)} {unowned.length === 1 ? 'has' : 'have'} nobody who answers for the result or
              nobody named to do the work. Until one party takes each of them, both sides may assume the other handles
              it, and it does not get done.
            </Text>
          </Stack>
        </Group>
        <ul className={classes.rows}>
          {unowned.map((entry) => (
            <li key={entry.row.id} className={classes.row}>
              <RowTitle row={entry.row} category />
              {entry.row.description ? (
                <Text size="sm" c="dimmed">
                  {entry.row.description}
                </Text>
              ) : null}
              <Text size="sm" c="red" fw={500}>
                {unownedReason(entry)}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Card>
  );
}

function PartySection({
  duties,
  parties,
}: {
  duties: PartyDuties<PartyView, ResponsibilityView>;
  parties: readonly PartyView[];
}) {
  const { party, counts, rows } = duties;
  const headingId = useId();
  const idle = hasNoDuties(counts);
  const involvement = partyInvolvement(party.name, counts);
  const secondary = (['C', 'I'] as const).filter((letter) => counts[letter] > 0);

  return (
    <Card withBorder component="section" aria-labelledby={headingId} id={sectionId(party.id)} className={classes.party}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="sm" align="baseline">
            <Title order={3} id={headingId} tabIndex={-1} className={classes.partyName}>
              {party.name}
            </Title>
            <Text size="sm" c="dimmed">
              {PARTY_KIND_LABELS[party.kind]}
            </Text>
          </Group>
          <Text size="lg">{partySummary(party.name, counts)}</Text>
          {involvement ? (
            <Text size="sm" c="dimmed">
              {involvement}
            </Text>
          ) : null}
        </Stack>

        {idle ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={`${party.name} owns nothing`}
          >
            {noDutiesWarning(party.name)}
          </Alert>
        ) : (
          (['A', 'R'] as const).map((letter) => (
            <LetterSection key={letter} letter={letter} groups={rows[letter]} party={party} parties={parties} />
          ))
        )}

        {secondary.length > 0 ? (
          <Accordion
            multiple
            order={4}
            variant="separated"
            chevronPosition="left"
            classNames={{ panel: classes.foldedPanel, chevron: classes.chevron, control: classes.foldedControl }}
          >
            {secondary.map((letter) => (
              <Accordion.Item key={letter} value={letter}>
                <Accordion.Control>
                  <Group gap="xs" wrap="nowrap">
                    <LetterBadge letter={letter} />
                    <Text span fw={600}>
                      {letterMeaning(letter).listHeading} {countOf(counts[letter])}
                    </Text>
                    <Text span size="sm" c="dimmed" visibleFrom="xs">
                      ({letterMeaning(letter).meaning})
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <CategoryLists groups={rows[letter]} letter={letter} party={party} parties={parties} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        ) : null}
      </Stack>
    </Card>
  );
}

function LetterSection({
  letter,
  groups,
  party,
  parties,
}: {
  letter: 'A' | 'R';
  groups: readonly CategoryGroup<ResponsibilityView>[];
  party: PartyView;
  parties: readonly PartyView[];
}) {
  const headingId = useId();
  const meaning = letterMeaning(letter);
  const count = groups.reduce((sum, group) => sum + group.rows.length, 0);
  return (
    <section aria-labelledby={headingId}>
      <Group gap="xs" align="center" mb="xs" wrap="nowrap" className={classes.letterHeading}>
        <LetterBadge letter={letter} />
        <Title order={4} id={headingId}>
          {meaning.listHeading}{' '}
          <Text span c="dimmed" fw={400} fz="sm">
            ({meaning.meaning}) · {countOf(count)}
          </Text>
        </Title>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing in this matrix.
        </Text>
      ) : (
        <CategoryLists groups={groups} letter={letter} party={party} parties={parties} />
      )}
    </section>
  );
}

function CategoryLists({
  groups,
  letter,
  party,
  parties,
}: {
  groups: readonly CategoryGroup<ResponsibilityView>[];
  letter: RaciLetter;
  party: PartyView;
  parties: readonly PartyView[];
}) {
  return (
    <Stack gap="sm">
      {groups.map((group) => (
        <div key={group.category} className={classes.category}>
          <Title order={5} fz="xs" tt="uppercase" lts="0.06em" c="dimmed" className={classes.categoryHeading}>
            {group.label}
          </Title>
          <ul className={classes.rows}>
            {group.rows.map((row) => (
              <li key={row.id} className={classes.row}>
                <RowTitle row={row} />
                {row.description ? (
                  <Text size="sm" c="dimmed">
                    {row.description}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" fs="italic">
                  {rowContext(row, letter, parties, party.id)}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Stack>
  );
}

function RowTitle({ row, category = false }: { row: ResponsibilityView; category?: boolean }) {
  return (
    <Group gap={6} wrap="wrap" align="baseline">
      <Text size="sm" fw={600}>
        {row.title}
      </Text>
      {row.critical ? (
        <Badge color="red" variant="light" size="sm" tt="none" className={classes.critical}>
          Critical
        </Badge>
      ) : null}
      {category ? (
        <Text size="xs" c="dimmed">
          {categoryLabel(row.category)}
        </Text>
      ) : null}
    </Group>
  );
}

function LetterBadge({ letter }: { letter: RaciLetter }) {
  return (
    <Badge color={LETTER_COLORS[letter]} variant="filled" radius="sm" aria-hidden className={classes.letter}>
      {letter}
    </Badge>
  );
}
