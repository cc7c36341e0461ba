import { type EscalationPolicy, type RaciLetter } from '@accord/raci';
import { Button, Card, Grid, Group, Kbd, Popover, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilterOff, IconKeyboard, IconListDetails, IconPlus } from '@tabler/icons-react';
import {
  createContext,
  memo,
  useCallback,
  useContext,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ClaimModal } from '../../agreements/components/claim-modal';
import { canProposeClaims, claimSideOf, sideName } from '../../agreements/lib/claims';
import { EscalationPathBadge, useEscalationPolicy } from '../../escalation';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import type { PartyView, ResponsibilityView } from '../../../lib/api/types';
import { ApiError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/forms/form-errors';
import type { Matrix } from '../api/get-matrix';
import { type MatrixGap, useGaps } from '../api/list-gaps';
import { staleMatrixOf } from '../api/matrix-cache';
import { useReorderResponsibilities } from '../api/reorder-responsibilities';
import { staleRowOf, useSetAssignments } from '../api/set-assignments';
import { setPartyLetter } from '../lib/letters';
import { useMatrixFilters } from '../hooks/use-matrix-filters';
import { filterRows, hasFilters } from '../lib/matrix-filters';
import { type MoveDirection, moveLimits, moveWithinCategory } from '../lib/reorder';
import { DeleteResponsibilityDialog } from './delete-responsibility-dialog';
import { GapPanel } from './gap-panel';
import { MatrixFilterBar } from './matrix-filter-bar';
import { MatrixGrid, type MatrixGridEditing, type MatrixGridHandle } from './matrix-grid';
import { type ResponsibilityDialog, ResponsibilityModal } from './responsibility-modal';

/** Mantine gives focus back 10 ms after a dialog closes; ours goes where it belongs after that. */
const AFTER_DIALOG_MS = 30;
/** How long a focus request waits for its row to appear (after an add, or clearing filters). */
const FOCUS_WAIT_MS = 3000;

interface FocusRequest {
  id: string;
  /** A party's letter cell (null: the first one); undefined: the title cell. */
  partyId?: string | null;
  until: number;
}

/**
 * The "Grid" view of a matrix: filters (kept in the URL), the RACI grid with keyboard editing,
 * row and letter menus, the responsibility dialog, and the gap report beside it.
 */
export function MatrixGridTab({
  workspaceId,
  matrix,
  editable,
}: {
  workspaceId: string;
  matrix: Matrix;
  editable: boolean;
}) {
  const matrixId = matrix.id;
  const grid = useRef<MatrixGridHandle>(null);
  const { filters, setFilters, clearFilters } = useMatrixFilters();
  // Typing in the search box stays quick on large matrices: filtering follows a moment later.
  const appliedFilters = useDeferredValue(filters);

  const gaps = useGaps(workspaceId, matrixId);
  const gapRowIds = useMemo(
    () => new Set((gaps.data ?? []).flatMap((gap) => (gap.responsibilityId ? [gap.responsibilityId] : []))),
    [gaps.data],
  );
  const rows = matrix.responsibilities;
  const shown = useMemo(
    () => filterRows(rows, appliedFilters, { parties: matrix.parties, gapRowIds }),
    [rows, appliedFilters, matrix.parties, gapRowIds],
  );
  const filtered = hasFilters(filters);
  // Same categories, same array: the filter bar is not drawn again for a letter change.
  const categoryKey = [...new Set(rows.map((row) => row.category))].join(',');
  const categories = useMemo(() => (categoryKey ? categoryKey.split(',') : []), [categoryKey]);

  const [dialog, setDialog] = useState<ResponsibilityDialog | null>(null);
  const [deleting, setDeleting] = useState<ResponsibilityView | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);

  // Focus a row once the grid shows it (after an add, or once filters are cleared).
  useEffect(() => {
    if (!focusRequest) return;
    if (Date.now() > focusRequest.until) {
      setFocusRequest(null);
      return;
    }
    const handle = grid.current;
    const done =
      focusRequest.partyId === undefined
        ? handle?.focusTitle(focusRequest.id)
        : handle?.focusRow(focusRequest.id, focusRequest.partyId);
    if (done) setFocusRequest(null);
  }, [focusRequest, shown]);

  /** Focuses the row, clearing the filters first if they hide it. */
  const reveal = (id: string, partyId?: string | null) => {
    const ok = partyId === undefined ? grid.current?.focusTitle(id) : grid.current?.focusRow(id, partyId);
    if (ok) return;
    if (!shown.some((row) => row.id === id) && filtered) {
      clearFilters();
      notifications.show({ message: 'Filters were cleared to show the responsibility.' });
    }
    setFocusRequest({ id, partyId, until: Date.now() + FOCUS_WAIT_MS });
  };

  // Handlers given to memoised children read the newest state through this ref.
  const latest = useRef({ reveal, dialog, rows });
  useLayoutEffect(() => {
    latest.current = { reveal, dialog, rows };
  });

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
  const reorder = useReorderResponsibilities(workspaceId, matrixId, {
    onMoveError: (error) =>
      notifications.show(
        staleMatrixOf(error)
          ? {
              color: 'orange',
              title: 'Order changed by someone else',
              message:
                'The rows were rearranged by someone else meanwhile; the grid shows their order. Move again if needed.',
            }
          : error instanceof ApiError && error.statusCode === 400
            ? {
                color: 'orange',
                title: 'Rows changed meanwhile',
                message:
                  'Someone added or deleted a responsibility while you moved this one; the grid shows the rows as they are now. Move again if needed.',
              }
            : { color: 'red', title: 'Not moved', message: errorMessage(error) },
      ),
  });

  const limits = useMemo(() => moveLimits(rows), [rows]);
  const setLetter = useCallback(
    (row: ResponsibilityView, party: PartyView, letter: RaciLetter | null) =>
      setAssignments.mutate({
        responsibilityId: row.id,
        version: row.version,
        letters: setPartyLetter(row.letters, party.id, letter),
      }),
    [setAssignments.mutate],
  );
  const move = useCallback(
    (row: ResponsibilityView, direction: MoveDirection) => {
      const order = moveWithinCategory(latest.current.rows, row.id, direction);
      if (order) reorder.move(order);
    },
    [reorder.move],
  );
  const askToDelete = useCallback((row: ResponsibilityView) => setDeleting(row), []);
  const addToCategory = useCallback((category: string) => setDialog({ mode: 'create', category }), []);
  const { role } = useWorkspace();
  const [claiming, setClaiming] = useState<ResponsibilityView | null>(null);
  const claimSide = canProposeClaims(role) ? claimSideOf(role) : null;
  const claim = useMemo(
    () =>
      claimSide
        ? { label: `Claim for ${sideName(claimSide)}…`, open: (row: ResponsibilityView) => setClaiming(row) }
        : undefined,
    [claimSide],
  );
  const editing = useMemo<MatrixGridEditing | undefined>(
    () => (editable ? { setLetter, move, moveLimits: limits, remove: askToDelete, addToCategory, claim } : undefined),
    [editable, setLetter, move, limits, askToDelete, addToCategory, claim],
  );

  // Each row's escalation path at the first severity, beside its title.
  const policy = useEscalationPolicy(workspaceId, matrixId);
  // Drawn by each visible row, not built for all rows, so a letter change redraws one row only. The
  // badges read the policy from context: its arrival redraws the badges, not every row.
  const rowExtra = useCallback(
    (row: ResponsibilityView) => <RowEscalationPath key="path" row={row} parties={matrix.parties} />,
    [matrix.parties],
  );

  const openRow = useCallback(
    (row: ResponsibilityView) => setDialog({ mode: editable ? 'edit' : 'view', row }),
    [editable],
  );

  const closeDialog = useCallback((saved?: ResponsibilityView) => {
    const before = latest.current.dialog;
    setDialog(null);
    const id = saved?.id ?? (before && before.mode !== 'create' ? before.row.id : undefined);
    setTimeout(() => {
      if (id) latest.current.reveal(id);
      else grid.current?.focusActive();
    }, AFTER_DIALOG_MS);
  }, []);

  const closeDelete = useCallback((deleted: boolean) => {
    setDeleting(null);
    // After a delete the row below takes the focused row's place; after Cancel, back to the row.
    setTimeout(() => grid.current?.focusActive(), deleted ? 0 : AFTER_DIALOG_MS);
  }, []);

  const selectGap = useCallback((gap: MatrixGap) => {
    if (gap.responsibilityId) latest.current.reveal(gap.responsibilityId, gap.partyId);
  }, []);

  const addButton = editable ? (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setDialog({ mode: 'create', category: grid.current?.activeCategory() ?? null })}
    >
      Add responsibility
    </Button>
  ) : null;

  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Stack gap="sm">
          <MatrixFilterBar filters={filters} onChange={setFilters} parties={matrix.parties} categories={categories} />
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="row-count">
                {filtered
                  ? `${shown.length} of ${rows.length} ${rows.length === 1 ? 'responsibility' : 'responsibilities'}`
                  : `${rows.length} ${rows.length === 1 ? 'responsibility' : 'responsibilities'}`}
              </Text>
              {filtered ? (
                <Button size="compact-sm" variant="subtle" onClick={clearFilters}>
                  Clear filters
                </Button>
              ) : null}
            </Group>
            <Group gap="sm">
              <KeyboardHelp editable={editable} />
              {addButton}
            </Group>
          </Group>
          {!editable ? (
            <Text size="sm" c="dimmed">
              You can read this matrix; your role does not include editing it.
            </Text>
          ) : null}
          <Card padding={0} withBorder>
            {rows.length === 0 ? (
              <EmptyState
                icon={IconListDetails}
                title="No responsibilities yet"
                description={
                  editable
                    ? 'Add what has to be done, then give each party its letter: who does it, who answers for it, who is asked and who is told.'
                    : 'Nobody has added responsibilities to this matrix yet.'
                }
                action={addButton}
              />
            ) : shown.length === 0 ? (
              <EmptyState
                icon={IconFilterOff}
                title="No responsibilities match these filters"
                description="Change the filters, or clear them to see every responsibility."
                action={
                  <Button variant="light" onClick={clearFilters}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <PolicyContext.Provider value={policy.data?.policy}>
                <MatrixGrid
                  ref={grid}
                  label={`${matrix.name}: responsibilities by party`}
                  parties={matrix.parties}
                  responsibilities={shown}
                  onOpenRow={openRow}
                  editing={editing}
                  rowExtra={rowExtra}
                />
              </PolicyContext.Provider>
            )}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <GapPanel workspaceId={workspaceId} matrixId={matrixId} onSelect={selectGap} />
      </Grid.Col>
      <ResponsibilityModal workspaceId={workspaceId} matrixId={matrixId} dialog={dialog} onClose={closeDialog} />
      <ClaimModal
        workspaceId={workspaceId}
        matrix={matrix}
        row={claiming}
        opened={claiming !== null}
        onClose={() => {
          const row = claiming;
          setClaiming(null);
          if (row) setTimeout(() => grid.current?.focusTitle(row.id), AFTER_DIALOG_MS);
        }}
      />
      <DeleteResponsibilityDialog
        key={deleting?.id ?? 'none'}
        workspaceId={workspaceId}
        matrixId={matrixId}
        row={deleting}
        onDone={closeDelete}
      />
    </Grid>
  );
}

/** The escalation policy of the matrix, for the path badges of the drawn rows (none until loaded). */
const PolicyContext = createContext<EscalationPolicy | undefined>(undefined);

const RowEscalationPath = memo(function RowEscalationPath({
  row,
  parties,
}: {
  row: ResponsibilityView;
  parties: readonly PartyView[];
}) {
  const policy = useContext(PolicyContext);
  return policy ? <EscalationPathBadge policy={policy} row={row} parties={parties} /> : null;
});

const SHORTCUTS: { keys: string[]; what: string; edit?: boolean }[] = [
  { keys: ['←', '↑', '→', '↓'], what: 'Move between cells' },
  { keys: ['Home', 'End'], what: 'First or last cell of the row' },
  { keys: ['Ctrl', 'Home / End'], what: 'First or last cell of the grid' },
  { keys: ['PgUp', 'PgDn'], what: 'Ten rows up or down' },
  { keys: ['R', 'A', 'C', 'I'], what: 'Set the letter of the party', edit: true },
  { keys: ['Del'], what: 'Clear the letter; on the title, delete the row', edit: true },
  { keys: ['Enter'], what: 'Letter menu; on the title, edit the responsibility', edit: true },
  { keys: ['Enter'], what: 'Read the responsibility (on the title)', edit: false },
  { keys: ['Alt', '↑ / ↓'], what: 'Move the row within its category', edit: true },
  { keys: ['Shift', 'F10'], what: 'Row actions (on the title)', edit: true },
];

const KeyboardHelp = memo(function KeyboardHelp({ editable }: { editable: boolean }) {
  const shortcuts = SHORTCUTS.filter((shortcut) => shortcut.edit === undefined || shortcut.edit === editable);
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={360}>
      <Popover.Target>
        <Button variant="default" leftSection={<IconKeyboard size={16} aria-hidden />}>
          Keyboard shortcuts
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Table verticalSpacing={4} fz="sm" aria-label="Keyboard shortcuts of the grid">
          <Table.Tbody>
            {shortcuts.map((shortcut) => (
              <Table.Tr key={shortcut.what}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    {shortcut.keys.map((key) => (
                      <Kbd key={key} size="xs">
                        {key}
                      </Kbd>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{shortcut.what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
});
