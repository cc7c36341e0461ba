import { PARTY_KIND_LABELS, RACI_LETTER_NAMES, RACI_LETTERS, type RaciLetter } from '@accord/raci';
import { ActionIcon, Badge, Box, Button, Group, Kbd, Menu, Stack, Table, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconDots,
  IconHandGrab,
  IconEraser,
  IconMoon,
  IconPencil,
  IconPlus,
  IconSignature,
  IconTrash,
} from '@tabler/icons-react';
import { defaultRangeExtractor, type Range, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  type CSSProperties,
  type KeyboardEvent,
  memo,
  type ReactNode,
  type Ref,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import { gridEntries } from '../lib/grid-entries';
import { gridCommand } from '../lib/grid-keys';
import { moveFocus } from '../lib/grid-navigation';
import { groupByCategory } from '../lib/group-rows';
import { letterOfKey } from '../lib/letters';
import type { MoveDirection } from '../lib/reorder';
import classes from './matrix-grid.module.css';

export const LETTER_COLORS: Record<RaciLetter, string> = {
  R: 'blue',
  A: 'grape',
  C: 'teal',
  I: 'gray',
};

/** Column widths: the title column is fixed so the party columns line up whatever rows are drawn. */
const TITLE_WIDTH = 300;
const PARTY_MIN_WIDTH = 116;
/**
 * The scroller's height before it is measured: its max-height (70vh, matrix-grid.module.css). With
 * it the first render already draws the rows in view; without it the virtualizer knows no size
 * until after the first commit, so the rows came in a second, synchronous render.
 */
const SCROLLER_SHARE_OF_VIEWPORT = 0.7;
/** First guesses of line heights; every drawn line is measured. */
const ROW_ESTIMATE = 45;
const GROUP_ESTIMATE = 35;
/** How long a focus request waits for its row to be drawn (after scrolling to it). */
const FOCUS_WAIT_MS = 2000;
/**
 * What closes a cell's menu from outside. Not "keydown" (Mantine's default): the key that opens
 * a menu from its cell would reach the new menu's listener and close it again at once.
 */
const CLICK_OUTSIDE = ['mousedown', 'touchstart'];

export interface MatrixGridHandle {
  /**
   * Scrolls to the row and focuses its party's letter cell (its first letter cell without a
   * party). False when the grid does not show the row (filtered out or gone).
   */
  focusRow: (responsibilityId: string, partyId?: string | null) => boolean;
  /** Scrolls to the row and focuses its title cell; false when the grid does not show it. */
  focusTitle: (responsibilityId: string) => boolean;
  /** Focuses the cell that is in the tab order (after a dialog closes, or a row was deleted). */
  focusActive: () => void;
  /** The category of the row that has, or last had, focus. */
  activeCategory: () => string | null;
}

/** What editors can do; without it the grid is read-only. */
export interface MatrixGridEditing {
  setLetter: (row: ResponsibilityView, party: PartyView, letter: RaciLetter | null) => void;
  move: (row: ResponsibilityView, direction: MoveDirection) => void;
  /** Per row id, whether it can move up or down within its category. */
  moveLimits: ReadonlyMap<string, { up: boolean; down: boolean }>;
  remove: (row: ResponsibilityView) => void;
  addToCategory: (category: string) => void;
  /** Propose new letters for the row to the other side; absent for people who make no claims. */
  claim?: { label: string; open: (row: ResponsibilityView) => void };
}

/**
 * The drawn lines are the table's own elements with the classes and data attributes that Mantine's
 * Table.Tr, Table.Th and Table.Td would give them (rows with borders; cells with column borders, as
 * the grid's Table asks): the same look, without a component, a context read and a style lookup
 * for each of the hundred-odd cells drawn on every scroll and every render of a row.
 */
const LINE = { className: `${Table.classes.tr} mantine-Table-tr`, 'data-with-row-border': true } as const;
const LINE_HEADER = { className: `${Table.classes.th} mantine-Table-th`, 'data-with-column-border': true } as const;
const LINE_CELL = { className: `${Table.classes.td} mantine-Table-td`, 'data-with-column-border': true } as const;

/** "Internal IT, User onboarding: Responsible" */
export function cellLabel(
  party: Pick<PartyView, 'name'>,
  row: Pick<ResponsibilityView, 'title'>,
  letter?: RaciLetter,
): string {
  return `${party.name}, ${row.title}: ${letter ? RACI_LETTER_NAMES[letter] : 'no letter'}`;
}

type OpenMenu = { kind: 'row'; rowId: string } | { kind: 'letter'; rowId: string; col: number };

interface ActivePosition {
  /** The row by id, so focus stays on it when rows are added, moved or filtered around it. */
  rowId: string | null;
  /** Where it was, for when the row is gone. */
  row: number;
  col: number;
}

/** What the drawn rows call back with; one stable object, so unchanged rows are not drawn again. */
interface RowCallbacks {
  register: (key: string, element: HTMLElement | null) => void;
  focusCell: (rowId: string, col: number) => void;
  clickCell: (rowId: string, col: number) => void;
  /** A menu of the row opened or closed; `col` is the cell it belongs to (0 for the row's own). */
  menuChange: (rowId: string, menu: OpenMenu | null, col: number) => void;
  /** Double click on a title: as Enter. */
  openRow: (rowId: string) => void;
  rowAction: (rowId: string, action: 'edit' | 'up' | 'down' | 'delete' | 'claim') => void;
  chooseLetter: (rowId: string, partyId: string, letter: RaciLetter | null) => void;
}

/**
 * The matrix as an ARIA grid: rows grouped under their category, a title column and one column
 * per party. Only the lines in view are drawn (plus the focused one), so a matrix of a thousand
 * rows stays quick; aria-rowcount and aria-rowindex tell assistive technology where it is.
 *
 * One cell is in the tab order (roving tabindex). Arrow keys, Home/End, Ctrl+Home/End and
 * PageUp/PageDown move focus, scrolling the target row into view first. On a letter cell R, A, C
 * or I sets the letter, Delete clears it and Enter opens a letter menu; on the title cell Enter
 * opens the responsibility, Alt+ArrowUp/ArrowDown move it within its category, Delete asks to
 * delete it and Shift+F10 opens its menu. Without `editing` only reading is possible.
 */
export const MatrixGrid = memo(function MatrixGrid({
  label,
  parties,
  responsibilities,
  onOpenRow,
  editing,
  rowExtra,
  ref,
}: {
  label: string;
  parties: readonly PartyView[];
  /** The rows to show (already filtered); the grid groups and orders them. */
  responsibilities: readonly ResponsibilityView[];
  /** Enter on a title cell: edit the responsibility, or read it without the permission. */
  onOpenRow: (row: ResponsibilityView) => void;
  editing?: MatrixGridEditing;
  /**
   * What else a row's title cell shows (its escalation path). Called by each drawn row, so an edit
   * draws only the edited row again; a new function draws every row again, so keep it stable
   * while what it shows is unchanged.
   */
  rowExtra?: (row: ResponsibilityView) => ReactNode;
  ref?: Ref<MatrixGridHandle>;
}) {
  const groups = useMemo(() => groupByCategory(responsibilities), [responsibilities]);
  const { entries, rows, entryOfRow } = useMemo(() => gridEntries(groups), [groups]);
  const rowIndexById = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const sortedParties = useMemo(() => [...parties].sort((a, b) => a.position - b.position), [parties]);
  const cols = sortedParties.length + 1;

  const [active, setActive] = useState<ActivePosition>({ rowId: null, row: 0, col: 0 });
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const activeRow = Math.min(
    Math.max((active.rowId === null ? undefined : rowIndexById.get(active.rowId)) ?? active.row, 0),
    Math.max(rows.length - 1, 0),
  );
  const activeCol = Math.min(active.col, cols - 1);
  const activeRowId = rows[activeRow]?.id ?? null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headerHeight, setHeaderHeight] = useState(0);
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return undefined;
    const measure = () => setHeaderHeight(head.getBoundingClientRect().height);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  // The focused row is always drawn, so the one cell in the tab order exists and keeps focus
  // while the person scrolls away from it.
  const activeEntry = rows.length ? (entryOfRow[activeRow] ?? -1) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeEntry < 0 || activeEntry >= range.count || indexes.includes(activeEntry)) return indexes;
      return [...indexes, activeEntry].sort((a, b) => a - b);
    },
    [activeEntry],
  );
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (entries[index]?.kind === 'group' ? GROUP_ESTIMATE : ROW_ESTIMATE),
    getItemKey: (index) => entries[index]?.key ?? index,
    overscan: 8,
    measureElement: measureLine,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    rangeExtractor,
    initialRect: { width: 0, height: Math.round(window.innerHeight * SCROLLER_SHARE_OF_VIEWPORT) },
  });

  // Cells by "rowId:col", while drawn.
  const cells = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<{ rowId: string; col: number; until: number } | null>(null);
  const refocusOnChange = useRef<{ rowId: string; col: number } | null>(null);
  const skipMenuRefocus = useRef(false);

  const focusDrawn = (rowId: string, col: number): boolean => {
    const cell = cells.current.get(`${rowId}:${col}`);
    if (!cell) return false;
    if (document.activeElement !== cell) cell.focus({ preventScroll: true });
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return true;
  };

  const focusCell = (rowIndex: number, col: number): boolean => {
    const row = rows[rowIndex];
    if (!row) return false;
    setActive({ rowId: row.id, row: rowIndex, col });
    if (focusDrawn(row.id, col)) {
      pendingFocus.current = null;
    } else {
      // Not drawn yet: scroll there and focus once the virtualizer has drawn it.
      pendingFocus.current = { rowId: row.id, col, until: Date.now() + FOCUS_WAIT_MS };
      const entry = entryOfRow[rowIndex];
      if (entry !== undefined) virtualizer.scrollToIndex(entry, { align: 'center' });
    }
    return true;
  };

  useLayoutEffect(() => {
    const request = pendingFocus.current;
    if (!request) return;
    if (Date.now() > request.until || !rowIndexById.has(request.rowId)) pendingFocus.current = null;
    else if (focusDrawn(request.rowId, request.col)) pendingFocus.current = null;
  });

  // When the rows change, focus must not fall out of the grid: a moved row's cell may lose it
  // while React moves it in the DOM, and a focused row may go (deleted by someone, or no longer
  // matching the filters), leaving focus on the page. Then focus goes to the row in its place.
  const lastFocused = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const request = refocusOnChange.current;
    refocusOnChange.current = null;
    const index = request ? rowIndexById.get(request.rowId) : undefined;
    if (request && index !== undefined) {
      focusCell(index, request.col);
      return;
    }
    const focused = lastFocused.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (focused && !focused.isConnected && lost && rows.length) focusCell(activeRow, activeCol);
    // Only when the rows change (focusCell is new on every render and would run this each time).
  }, [rows]);

  useImperativeHandle(ref, () => ({
    focusRow: (responsibilityId, partyId) => {
      const index = rowIndexById.get(responsibilityId);
      if (index === undefined) return false;
      const party = sortedParties.findIndex((item) => item.id === partyId);
      return focusCell(index, party === -1 ? Math.min(1, cols - 1) : party + 1);
    },
    focusTitle: (responsibilityId) => {
      const index = rowIndexById.get(responsibilityId);
      return index === undefined ? false : focusCell(index, 0);
    },
    focusActive: () => {
      if (rows.length) focusCell(activeRow, activeCol);
    },
    activeCategory: () => rows[activeRow]?.category ?? null,
  }));

  // The drawn rows call back through one stable object that reads the newest props from a ref.
  const latest = useRef({ rows, rowIndexById, sortedParties, editing, onOpenRow, focusCell });
  useLayoutEffect(() => {
    latest.current = { rows, rowIndexById, sortedParties, editing, onOpenRow, focusCell };
  });
  const callbacks = useMemo<RowCallbacks>(() => {
    const rowOf = (rowId: string) => {
      const index = latest.current.rowIndexById.get(rowId);
      return index === undefined ? undefined : { index, row: latest.current.rows[index] };
    };
    const refocus = (rowId: string, col: number) => {
      requestAnimationFrame(() => {
        const found = rowOf(rowId);
        if (found) latest.current.focusCell(found.index, col);
      });
    };
    return {
      register: (key, element) => {
        if (element) cells.current.set(key, element);
        else cells.current.delete(key);
      },
      focusCell: (rowId, col) => {
        const found = rowOf(rowId);
        lastFocused.current = cells.current.get(`${rowId}:${col}`) ?? null;
        if (found) setActive({ rowId, row: found.index, col });
      },
      openRow: (rowId) => {
        const found = rowOf(rowId);
        if (found?.row) latest.current.onOpenRow(found.row);
      },
      clickCell: (rowId, col) => {
        const found = rowOf(rowId);
        if (!found) return;
        setActive({ rowId, row: found.index, col });
        if (col > 0 && latest.current.editing) setMenu({ kind: 'letter', rowId, col });
      },
      menuChange: (rowId, next, col) => {
        setMenu(next);
        if (next) {
          const found = rowOf(rowId);
          if (found) setActive({ rowId, row: found.index, col });
          return;
        }
        // Back to the cell the menu belongs to, unless the chosen item opened a dialog.
        if (skipMenuRefocus.current) skipMenuRefocus.current = false;
        else refocus(rowId, col);
      },
      rowAction: (rowId, action) => {
        const found = rowOf(rowId);
        const edit = latest.current.editing;
        if (!found?.row) return;
        if (action === 'edit') {
          skipMenuRefocus.current = true;
          latest.current.onOpenRow(found.row);
        } else if (action === 'delete') {
          skipMenuRefocus.current = true;
          edit?.remove(found.row);
        } else if (action === 'claim') {
          skipMenuRefocus.current = true;
          edit?.claim?.open(found.row);
        } else if (edit) {
          refocusOnChange.current = { rowId, col: 0 };
          edit.move(found.row, action);
        }
      },
      chooseLetter: (rowId, partyId, letter) => {
        const found = rowOf(rowId);
        const party = latest.current.sortedParties.find((item) => item.id === partyId);
        const col = latest.current.sortedParties.findIndex((item) => item.id === partyId) + 1;
        setMenu(null);
        refocus(rowId, col);
        if (found?.row && party && found.row.letters[partyId] !== letter) {
          latest.current.editing?.setLetter(found.row, party, letter);
        }
      },
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys typed in a menu (drawn in a portal, but bubbling through React) or on a button in a
    // cell are theirs, not the grid's.
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-grid-cell') || !tableRef.current?.contains(target)) return;
    if (!event.altKey && !event.metaKey) {
      const next = moveFocus({ row: activeRow, col: activeCol }, event.key, { rows: rows.length, cols }, event.ctrlKey);
      if (next) {
        event.preventDefault();
        focusCell(next.row, next.col);
        return;
      }
    }
    const row = rows[activeRow];
    if (!row) return;
    const command = gridCommand(event, activeCol === 0 ? 'title' : 'letter', Boolean(editing));
    if (!command) return;
    event.preventDefault();
    const party = sortedParties[activeCol - 1];
    switch (command.type) {
      case 'open-row':
        onOpenRow(row);
        break;
      case 'row-menu':
        setMenu({ kind: 'row', rowId: row.id });
        break;
      case 'move-row':
        if (editing?.moveLimits.get(row.id)?.[command.direction]) {
          refocusOnChange.current = { rowId: row.id, col: 0 };
          editing.move(row, command.direction);
        }
        break;
      case 'delete-row':
        editing?.remove(row);
        break;
      case 'letter-menu':
        if (party) setMenu({ kind: 'letter', rowId: row.id, col: activeCol });
        break;
      case 'set-letter':
        if (party && row.letters[party.id] !== command.letter) editing?.setLetter(row, party, command.letter);
        break;
      case 'clear-letter':
        if (party && row.letters[party.id] !== undefined) editing?.setLetter(row, party, null);
        break;
    }
  };

  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  const lines: ReactNode[] = [];
  let drawnTo = 0;
  for (const item of items) {
    const entry = entries[item.index];
    if (!entry) continue;
    const start = item.start - headerHeight;
    if (start > drawnTo) {
      // The spacer above the first drawn line keeps its key while scrolling; others sit beside the focused row.
      const key = drawnTo === 0 ? 'gap-start' : `gap-before-${entry.key}`;
      lines.push(<Spacer key={key} height={start - drawnTo} cols={cols} />);
    }
    drawnTo = Math.max(drawnTo, item.end - headerHeight);
    if (entry.kind === 'group') {
      lines.push(
        <GroupRow
          key={entry.key}
          index={item.index}
          measure={virtualizer.measureElement}
          label={entry.label}
          category={entry.category}
          count={entry.count}
          cols={cols}
          onAdd={editing?.addToCategory}
        />,
      );
    } else {
      const row = entry.row;
      const limits = editing?.moveLimits.get(row.id);
      lines.push(
        <DataRow
          key={entry.key}
          index={item.index}
          measure={virtualizer.measureElement}
          row={row}
          parties={sortedParties}
          activeCol={row.id === activeRowId ? activeCol : null}
          menu={menu?.rowId === row.id ? (menu.kind === 'row' ? 'row' : menu.col) : null}
          editable={Boolean(editing)}
          claimLabel={editing?.claim?.label}
          canMoveUp={limits?.up ?? false}
          canMoveDown={limits?.down ?? false}
          renderExtra={rowExtra}
          callbacks={callbacks}
        />,
      );
    }
  }
  if (totalSize > drawnTo) lines.push(<Spacer key="gap-end" height={totalSize - drawnTo} cols={cols} />);

  return (
    <Box
      ref={scrollRef}
      className={classes.scroller}
      style={
        {
          '--grid-header-height': `${headerHeight}px`,
          '--grid-title-width': `${TITLE_WIDTH}px`,
        } as CSSProperties
      }
    >
      <Table
        ref={tableRef}
        role="grid"
        aria-label={label}
        aria-readonly={editing ? undefined : true}
        aria-rowcount={entries.length + 1}
        aria-colcount={cols}
        className={classes.grid}
        style={{ minWidth: TITLE_WIDTH + sortedParties.length * PARTY_MIN_WIDTH }}
        onKeyDown={onKeyDown}
        verticalSpacing="xs"
        horizontalSpacing="sm"
        stickyHeader
        withColumnBorders
      >
        <colgroup>
          <col style={{ width: TITLE_WIDTH }} />
          {sortedParties.map((party) => (
            <col key={party.id} />
          ))}
        </colgroup>
        <Table.Thead ref={headRef}>
          <Table.Tr role="row" aria-rowindex={1}>
            <Table.Th role="columnheader" className={classes.titleHeader}>
              Responsibility
            </Table.Th>
            {sortedParties.map((party) => (
              <Table.Th key={party.id} role="columnheader" ta="center">
                <Stack gap={0} align="center">
                  <Text size="sm" fw={700} lineClamp={2}>
                    {party.name}
                  </Text>
                  <Group gap={4} justify="center" wrap="nowrap">
                    {PARTY_KIND_LABELS[party.kind] !== party.name ? (
                      <Text size="xs" c="dimmed">
                        {PARTY_KIND_LABELS[party.kind]}
                      </Text>
                    ) : null}
                    {party.requiredToSign ? (
                      <Tooltip label="Must sign off the agreement" withArrow>
                        <Text span c="dimmed" lh={0} aria-label="signs off">
                          <IconSignature size={14} aria-hidden />
                        </Text>
                      </Tooltip>
                    ) : null}
                  </Group>
                </Stack>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{lines}</Table.Tbody>
      </Table>
    </Box>
  );
});

/**
 * A line's height for the virtualizer, without forcing a layout while React commits. A newly
 * drawn line keeps its estimate until the ResizeObserver, after layout, reports its size: lines
 * are table rows in the normal flow, so an estimate only sizes the spacers, never the row itself.
 */
function measureLine(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  if (entry) return Math.round(element.getBoundingClientRect().height);
  return instance.measurementsCache[instance.indexFromElement(element)]?.size ?? ROW_ESTIMATE;
}

function Spacer({ height, cols }: { height: number; cols: number }) {
  return (
    <tr role="presentation" aria-hidden className={classes.spacer}>
      <td colSpan={cols} style={{ height }} />
    </tr>
  );
}

const GroupRow = memo(function GroupRow({
  index,
  measure,
  label,
  category,
  count,
  cols,
  onAdd,
}: {
  index: number;
  measure: (element: HTMLTableRowElement | null) => void;
  label: string;
  category: string;
  count: number;
  cols: number;
  onAdd?: (category: string) => void;
}) {
  return (
    <tr
      {...LINE}
      className={`${LINE.className} ${classes.category}`}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      ref={measure}
    >
      <th {...LINE_HEADER} role="rowheader" colSpan={cols} scope="colgroup">
        <Group gap="xs" wrap="nowrap" className={classes.groupLabel}>
          <Text size="xs" fw={700} tt="uppercase" lts="0.06em" c="dimmed">
            {label}
          </Text>
          <Text size="xs" c="dimmed" aria-hidden>
            {count}
          </Text>
          {onAdd ? (
            // Out of the tab order like every control inside the grid; keyboard users have the
            // "Add responsibility" button above the grid.
            <Button
              size="compact-xs"
              variant="subtle"
              tabIndex={-1}
              leftSection={<IconPlus size={12} aria-hidden />}
              aria-label={`Add a responsibility to ${label}`}
              onClick={() => onAdd(category)}
            >
              Add
            </Button>
          ) : null}
        </Group>
      </th>
    </tr>
  );
});

const DataRow = memo(function DataRow({
  index,
  measure,
  row,
  parties,
  activeCol,
  menu,
  editable,
  canMoveUp,
  canMoveDown,
  renderExtra,
  claimLabel,
  callbacks,
}: {
  index: number;
  measure: (element: HTMLTableRowElement | null) => void;
  row: ResponsibilityView;
  parties: readonly PartyView[];
  /** The focusable column when this is the focused row. */
  activeCol: number | null;
  /** The menu open in this row: its own ('row'), a letter cell's (by column), or none. */
  menu: 'row' | number | null;
  editable: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  renderExtra?: (row: ResponsibilityView) => ReactNode;
  claimLabel?: string;
  callbacks: RowCallbacks;
}) {
  const broken = row.violations.length > 0;
  const details = [
    row.critical ? 'Critical.' : '',
    row.afterHours ? 'Needs after-hours cover.' : '',
    broken ? `Rule breaks: ${row.violations.map((violation) => violation.message).join(' ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const detailsId = `row-details-${row.id}`;
  return (
    <tr {...LINE} role="row" aria-rowindex={index + 2} data-index={index} data-row-id={row.id} ref={measure}>
      <th
        {...LINE_HEADER}
        role="rowheader"
        scope="row"
        data-grid-cell
        ref={(element: HTMLTableCellElement | null) => callbacks.register(`${row.id}:0`, element)}
        tabIndex={activeCol === 0 ? 0 : -1}
        aria-label={row.title}
        aria-describedby={details ? detailsId : undefined}
        className={`${LINE_HEADER.className} ${classes.title}${broken ? ` ${classes.broken}` : ''}`}
        onFocus={(event) => {
          if (event.target === event.currentTarget) callbacks.focusCell(row.id, 0);
        }}
        onClick={() => callbacks.clickCell(row.id, 0)}
        onDoubleClick={() => callbacks.openRow(row.id)}
      >
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Group gap={6} wrap="nowrap" miw={0}>
            <Text size="sm" fw={500} lineClamp={2}>
              {row.title}
            </Text>
            {row.critical ? (
              <Badge size="xs" color="red" variant="light" tt="none" aria-hidden className={classes.flag}>
                critical
              </Badge>
            ) : null}
            {row.afterHours ? (
              <Tooltip label="Needs after-hours cover" withArrow>
                <Text span c="indigo" lh={0} aria-hidden className={classes.flag}>
                  <IconMoon size={14} />
                </Text>
              </Tooltip>
            ) : null}
          </Group>
          <Group gap={2} wrap="nowrap" className={classes.flag}>
            {renderExtra?.(row)}
            {broken ? <ViolationMarker violations={row.violations} /> : null}
            {editable ? (
              <RowMenu
                row={row}
                opened={menu === 'row'}
                canMoveUp={canMoveUp}
                canMoveDown={canMoveDown}
                claimLabel={claimLabel}
                callbacks={callbacks}
              />
            ) : null}
          </Group>
        </Group>
        {details ? (
          <span id={detailsId} hidden>
            {details}
          </span>
        ) : null}
      </th>
      {parties.map((party, partyIndex) => {
        const col = partyIndex + 1;
        const letter = row.letters[party.id];
        return (
          <td
            {...LINE_CELL}
            key={party.id}
            role="gridcell"
            data-grid-cell
            ref={(element: HTMLTableCellElement | null) => callbacks.register(`${row.id}:${col}`, element)}
            tabIndex={activeCol === col ? 0 : -1}
            aria-label={cellLabel(party, row, letter)}
            aria-haspopup={editable ? 'menu' : undefined}
            className={`${LINE_CELL.className} ${classes.cell}${editable ? ` ${classes.editable}` : ''}`}
            onFocus={(event) => {
              if (event.target === event.currentTarget) callbacks.focusCell(row.id, col);
            }}
            onClick={() => callbacks.clickCell(row.id, col)}
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
            {menu === col ? (
              <LetterMenu row={row} party={party} letter={letter} col={col} callbacks={callbacks} />
            ) : null}
          </td>
        );
      })}
    </tr>
  );
});

/**
 * The row's actions button and menu. The menu is mounted only while open: a closed Mantine menu
 * per drawn row would cost every scroll and keypress a little.
 */
function RowMenu({
  row,
  opened,
  canMoveUp,
  canMoveDown,
  claimLabel,
  callbacks,
}: {
  row: ResponsibilityView;
  opened: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** "Claim for internal IT…", when the person makes claims. */
  claimLabel?: string;
  callbacks: RowCallbacks;
}) {
  const button = (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="sm"
      tabIndex={-1}
      aria-label={`Actions for ${row.title}`}
      aria-haspopup="menu"
      aria-expanded={opened}
      onClick={(event) => {
        event.stopPropagation();
        if (!opened) callbacks.menuChange(row.id, { kind: 'row', rowId: row.id }, 0);
      }}
    >
      <IconDots size={16} aria-hidden />
    </ActionIcon>
  );
  if (!opened) return button;
  return (
    <Menu
      opened
      onChange={(next) => {
        if (!next) callbacks.menuChange(row.id, null, 0);
      }}
      position="bottom-end"
      returnFocus={false}
      withInitialFocusPlaceholder={false}
      clickOutsideEvents={CLICK_OUTSIDE}
      shadow="md"
      width={230}
    >
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          data-autofocus
          leftSection={<IconPencil size={14} aria-hidden />}
          rightSection={<Shortcut keys={['Enter']} />}
          onClick={() => callbacks.rowAction(row.id, 'edit')}
        >
          Edit
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowUp size={14} aria-hidden />}
          rightSection={<Shortcut keys={['Alt', '↑']} />}
          disabled={!canMoveUp}
          onClick={() => callbacks.rowAction(row.id, 'up')}
        >
          Move up
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowDown size={14} aria-hidden />}
          rightSection={<Shortcut keys={['Alt', '↓']} />}
          disabled={!canMoveDown}
          onClick={() => callbacks.rowAction(row.id, 'down')}
        >
          Move down
        </Menu.Item>
        {claimLabel ? (
          <Menu.Item
            leftSection={<IconHandGrab size={14} aria-hidden />}
            onClick={() => callbacks.rowAction(row.id, 'claim')}
          >
            {claimLabel}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={14} aria-hidden />}
          rightSection={<Shortcut keys={['Del']} />}
          onClick={() => callbacks.rowAction(row.id, 'delete')}
        >
          Delete…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The letter choices of one cell, drawn only while open; typing R, A, C, I or Delete chooses too. */
function LetterMenu({
  row,
  party,
  letter,
  col,
  callbacks,
}: {
  row: ResponsibilityView;
  party: PartyView;
  letter: RaciLetter | undefined;
  col: number;
  callbacks: RowCallbacks;
}) {
  const choose = (next: RaciLetter | null) => callbacks.chooseLetter(row.id, party.id, next);
  return (
    <Menu
      opened
      onChange={(next) => {
        if (!next) callbacks.menuChange(row.id, null, col);
      }}
      position="bottom"
      returnFocus={false}
      withInitialFocusPlaceholder={false}
      clickOutsideEvents={CLICK_OUTSIDE}
      shadow="md"
      width={210}
    >
      <Menu.Target>
        {/* The menu is labelled by its target (Mantine): this anchor carries the cell's name. */}
        <span className={classes.menuAnchor} aria-hidden>
          {party.name}, {row.title}
        </span>
      </Menu.Target>
      <Menu.Dropdown
        onKeyDown={(event) => {
          const typed = letterOfKey(event.key);
          if (typed && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            choose(typed);
          } else if (event.key === 'Delete' || event.key === 'Backspace') {
            event.preventDefault();
            choose(null);
          } else if (event.key === 'Tab') {
            event.preventDefault();
            callbacks.menuChange(row.id, null, col);
          }
        }}
        onClick={(event) => event.stopPropagation()}
      >
        <Menu.Label>{party.name}</Menu.Label>
        {RACI_LETTERS.map((choice) => (
          <Menu.Item
            key={choice}
            data-autofocus={choice === (letter ?? 'R') ? true : undefined}
            leftSection={
              <Badge color={LETTER_COLORS[choice]} variant="filled" size="sm" radius="sm" aria-hidden>
                {choice}
              </Badge>
            }
            rightSection={choice === letter ? <IconCheck size={14} aria-label="current" /> : null}
            onClick={() => choose(choice)}
          >
            {RACI_LETTER_NAMES[choice]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconEraser size={14} aria-hidden />}
          rightSection={<Shortcut keys={['Del']} />}
          disabled={letter === undefined}
          onClick={() => choose(null)}
        >
          No letter
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Shortcut({ keys }: { keys: string[] }) {
  return (
    <Group gap={2} wrap="nowrap" aria-hidden>
      {keys.map((key) => (
        <Kbd key={key} size="xs">
          {key}
        </Kbd>
      ))}
    </Group>
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
      <Text component="span" c="red" lh={0} data-testid="row-violation" aria-hidden>
        <IconAlertTriangle size={16} />
      </Text>
    </Tooltip>
  );
}
