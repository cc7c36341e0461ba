import { PARTY_KIND_LABELS, RACI_LETTER_NAMES, type RaciLetter } from '@accord/raci';
import { Badge, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, type Ref, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import { type GridPosition, moveFocus } from '../lib/grid-navigation';
import { groupByCategory } from '../lib/group-rows';
import { letterOfKey } from '../lib/letters';
import classes from './matrix-grid.module.css';

export const LETTER_COLORS: Record<RaciLetter, string> = {
  R: 'blue',
  A: 'grape',
  C: 'teal',
  I: 'gray',
};

export interface MatrixGridHandle {
  /** Scrolls to the row and puts focus on its first cell (or its party's cell). */
  focusRow: (responsibilityId: string, partyId?: string | null) => void;
}

/** "Internal IT, User onboarding: Responsible" */
export function cellLabel(
  party: Pick<PartyView, 'name'>,
  row: Pick<ResponsibilityView, 'title'>,
  letter?: RaciLetter,
): string {
  return `${party.name}, ${row.title}: ${letter ? RACI_LETTER_NAMES[letter] : 'no letter'}`;
}

/**
 * The matrix as an ARIA grid: rows grouped under their category, one column per party. One cell
 * is in the tab order (roving tabindex); arrow keys, Home/End and PageUp/PageDown move focus.
 * Where `onSetLetter` is given, R/A/C/I set the focused party's letter and Delete/Backspace
 * clears it; without it the grid is read-only.
 */
export function MatrixGrid({
  label,
  parties,
  responsibilities,
  onSetLetter,
  ref,
}: {
  label: string;
  parties: readonly PartyView[];
  responsibilities: readonly ResponsibilityView[];
  onSetLetter?: (row: ResponsibilityView, party: PartyView, letter: RaciLetter | null) => void;
  ref?: Ref<MatrixGridHandle>;
}) {
  const groups = useMemo(() => groupByCategory(responsibilities), [responsibilities]);
  const rows = useMemo(() => groups.flatMap((group) => group.rows), [groups]);
  const sortedParties = useMemo(() => [...parties].sort((a, b) => a.position - b.position), [parties]);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const [position, setPosition] = useState<GridPosition>({ row: 0, col: 0 });
  const size = { rows: rows.length, cols: sortedParties.length };
  // Rows or parties may disappear under us (live updates): keep the focus inside the grid.
  const active = {
    row: Math.min(position.row, Math.max(size.rows - 1, 0)),
    col: Math.min(position.col, Math.max(size.cols - 1, 0)),
  };

  const focusCell = (next: GridPosition) => {
    setPosition(next);
    const cell = cells.current.get(`${next.row}:${next.col}`);
    cell?.focus();
    cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  useImperativeHandle(ref, () => ({
    focusRow: (responsibilityId, partyId) => {
      const row = rows.findIndex((item) => item.id === responsibilityId);
      if (row === -1) return;
      const col = Math.max(
        sortedParties.findIndex((party) => party.id === partyId),
        0,
      );
      focusCell({ row, col });
    },
  }));

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || event.metaKey) return;
    const next = moveFocus(active, event.key, size, event.ctrlKey);
    if (next) {
      event.preventDefault();
      focusCell(next);
      return;
    }
    const row = rows[active.row];
    const party = sortedParties[active.col];
    if (!onSetLetter || !row || !party || event.ctrlKey) return;
    const letter = letterOfKey(event.key);
    if (letter) {
      event.preventDefault();
      if (row.letters[party.id] !== letter) onSetLetter(row, party, letter);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (row.letters[party.id] !== undefined) onSetLetter(row, party, null);
    }
  };

  let rowIndex = -1;
  return (
    <Table
      role="grid"
      aria-label={label}
      aria-readonly={onSetLetter ? undefined : true}
      aria-rowcount={rows.length + groups.length + 1}
      className={classes.grid}
      onKeyDown={onKeyDown}
      verticalSpacing="xs"
      horizontalSpacing="sm"
      stickyHeader
      withColumnBorders
    >
      <Table.Thead>
        <Table.Tr role="row">
          <Table.Th role="columnheader" miw={240}>
            Responsibility
          </Table.Th>
          {sortedParties.map((party) => (
            <Table.Th key={party.id} role="columnheader" ta="center" miw={110}>
              <Stack gap={0} align="center">
                <Text size="sm" fw={700}>
                  {party.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {PARTY_KIND_LABELS[party.kind]}
                </Text>
              </Stack>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <CategoryRows key={group.category} label={group.label} cols={sortedParties.length}>
            {group.rows.map((row) => {
              rowIndex += 1;
              const index = rowIndex;
              const broken = row.violations.length > 0;
              return (
                <Table.Tr key={row.id} role="row" data-row-id={row.id}>
                  <Table.Th role="rowheader" scope="row" className={broken ? classes.broken : undefined}>
                    <Group gap={6} wrap="nowrap" justify="space-between">
                      <Text size="sm" fw={500}>
                        {row.title}
                        {row.critical ? (
                          <Text span size="xs" c="red" fw={700} ml={6}>
                            critical
                          </Text>
                        ) : null}
                      </Text>
                      {broken ? <ViolationMarker violations={row.violations} /> : null}
                    </Group>
                  </Table.Th>
                  {sortedParties.map((party, col) => {
                    const letter = row.letters[party.id];
                    const focused = active.row === index && active.col === col;
                    return (
                      <Table.Td
                        key={party.id}
                        role="gridcell"
                        ref={(element: HTMLTableCellElement | null) => {
                          const cellKey = `${index}:${col}`;
                          if (element) cells.current.set(cellKey, element);
                          else cells.current.delete(cellKey);
                        }}
                        tabIndex={focused ? 0 : -1}
                        aria-label={cellLabel(party, row, letter)}
                        className={onSetLetter ? `${classes.cell} ${classes.editable}` : classes.cell}
                        onFocus={() => setPosition({ row: index, col })}
                        onClick={() => focusCell({ row: index, col })}
                      >
                        {letter ? (
                          <Badge color={LETTER_COLORS[letter]} variant="filled" size="lg" radius="sm" aria-hidden>
                            {letter}
                          </Badge>
                        ) : (
                          <Text c="dimmed" size="sm" aria-hidden>
                            ·
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </CategoryRows>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CategoryRows({ label, cols, children }: { label: string; cols: number; children: ReactNode }) {
  return (
    <>
      <Table.Tr role="row" className={classes.category}>
        <Table.Th role="rowheader" colSpan={cols + 1} scope="colgroup">
          <Text size="xs" fw={700} tt="uppercase" lts="0.06em" c="dimmed">
            {label}
          </Text>
        </Table.Th>
      </Table.Tr>
      {children}
    </>
  );
}

function ViolationMarker({ violations }: { violations: ResponsibilityView['violations'] }) {
  const messages = violations.map((violation) => violation.message);
  return (
    <Tooltip
      label={
        <Stack gap={2}>
          {messages.map((message) => (
            <Text key={message} size="xs">
              {message}
            </Text>
          ))}
        </Stack>
      }
      withArrow
      multiline
      w={260}
    >
      <Text component="span" c="red" lh={0} data-testid="row-violation">
        <IconAlertTriangle size={16} aria-hidden />
        <VisuallyHidden>Rule breaks: {messages.join(' ')}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
