import { categoryLabel, RACI_LETTER_NAMES, RACI_LETTERS, type RaciLetter } from '@accord/raci';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  ThemeIcon,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconCheck } from '@tabler/icons-react';
import { type FormEvent, type SyntheticEvent, useMemo, useState } from 'react';
import { ApiError } from '../../../lib/api/api-error';
import type { MatrixView, ResponsibilityView } from '../../../lib/api/types';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { errorMessage } from '../../../lib/forms/form-errors';
import { useCreateClaim } from '../api/create-claim';
import {
  claimSideOf,
  deciderOf,
  letterChanges,
  type LettersById,
  proposedRowProblems,
  sideName,
  withLetter,
} from '../lib/claims';
import { LetterBadge } from './letter-badge';

const NONE = 'none';
const LETTER_OPTIONS = [
  { value: NONE, label: 'None' },
  ...RACI_LETTERS.map((letter) => ({ value: letter, label: letter })),
];

/**
 * Proposes new letters for one row of the draft, with a reason. `row` fixed: the claim is about
 * that row (the grid's claim action); otherwise the modal starts with a responsibility picker
 * (the claims inbox's "New claim").
 */
export function ClaimModal({
  workspaceId,
  matrix,
  row,
  opened,
  onClose,
}: {
  workspaceId: string;
  matrix: MatrixView;
  row?: ResponsibilityView | null;
  opened: boolean;
  onClose: () => void;
}) {
  const side = claimSideOf(useWorkspace().role);
  const title = row ? `Claim “${row.title}”` : 'New claim';
  // The modal is portalled out of the page, but React still bubbles its events to the component
  // that renders it: typing "r" in the reason must not reach a matrix grid's key handling.
  return (
    <div
      onKeyDown={stop}
      onKeyUp={stop}
      onClick={stop}
      onMouseDown={stop}
      onDoubleClick={stop}
      style={{ display: 'contents' }}
    >
      <Modal opened={opened} onClose={onClose} title={<Text fw={700}>{title}</Text>} size="lg" centered>
        {opened && side ? (
          <ClaimForm workspaceId={workspaceId} matrix={matrix} fixedRow={row ?? null} side={side} onDone={onClose} />
        ) : null}
      </Modal>
    </div>
  );
}

function ClaimForm({
  workspaceId,
  matrix,
  fixedRow,
  side,
  onDone,
}: {
  workspaceId: string;
  matrix: MatrixView;
  fixedRow: ResponsibilityView | null;
  side: 'msp' | 'internal_it';
  onDone: () => void;
}) {
  const create = useCreateClaim(workspaceId, matrix.id);
  const [rowId, setRowId] = useState<string | null>(fixedRow?.id ?? null);
  const row = fixedRow ?? matrix.responsibilities.find((candidate) => candidate.id === rowId) ?? null;
  const [letters, setLetters] = useState<LettersById>(() => ({ ...(row?.letters ?? {}) }));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);

  const parties = matrix.parties;
  const current: LettersById = row?.letters ?? {};
  const changes = row ? letterChanges(parties, current, letters) : [];
  const problems = row ? proposedRowProblems(letters) : [];
  const canSend = row !== null && changes.length > 0 && problems.length === 0;

  const rowOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const candidate of matrix.responsibilities) {
      const label = categoryLabel(candidate.category);
      groups.set(label, [...(groups.get(label) ?? []), { value: candidate.id, label: candidate.title }]);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [matrix.responsibilities]);

  const chooseRow = (id: string | null) => {
    setRowId(id);
    const chosen = matrix.responsibilities.find((candidate) => candidate.id === id);
    setLetters({ ...(chosen?.letters ?? {}) });
    setSubmitError(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!row || !canSend) return;
    if (reason.trim() === '') {
      setReasonError('Say why, so that the other side can decide');
      return;
    }
    setSubmitError(null);
    create.mutate(
      { responsibilityId: row.id, letters, reason: reason.trim() },
      {
        onSuccess: (claim) => {
          notifications.show({
            color: 'green',
            title: 'Claim sent',
            message: `${claim.responsibilityTitle}: ${deciderOf(claim.proposedFor)} decides. Nothing changes in the draft until then.`,
          });
          onDone();
        },
        onError: setSubmitError,
      },
    );
  };

  const details = submitError instanceof ApiError ? submitError.details : [];

  return (
    <form onSubmit={submit} noValidate aria-label="Claim a responsibility">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          You propose new letters for this row for {sideName(side)}. {capitalise(deciderOf(side))} accepts or declines;
          the draft changes only when they accept.
        </Text>
        {fixedRow ? null : (
          <Select
            label="Responsibility"
            placeholder="Choose the row to claim"
            data={rowOptions}
            value={rowId}
            onChange={chooseRow}
            searchable
            nothingFoundMessage="No responsibility of that name"
            required
            data-autofocus
            maxDropdownHeight={320}
            comboboxProps={{ withinPortal: true }}
          />
        )}

        {row ? (
          <>
            <Table withTableBorder={false} verticalSpacing={6} aria-label="Letters by party">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Party</Table.Th>
                  <Table.Th w={64}>Now</Table.Th>
                  <Table.Th>Proposed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {parties.map((party) => {
                  const proposed = letters[party.id] ?? null;
                  return (
                    <Table.Tr key={party.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {party.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <LetterBadge letter={current[party.id]} size="sm" />
                      </Table.Td>
                      <Table.Td>
                        <SegmentedControl
                          size="xs"
                          aria-label={`Proposed letter for ${party.name}`}
                          data={LETTER_OPTIONS}
                          value={proposed ?? NONE}
                          onChange={(value) =>
                            setLetters((before) =>
                              withLetter(before, party.id, value === NONE ? null : (value as RaciLetter)),
                            )
                          }
                          color={proposed !== (current[party.id] ?? null) ? 'accord' : undefined}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {RACI_LETTERS.map((letter) => `${letter} ${RACI_LETTER_NAMES[letter]}`).join(' · ')}
            </Text>

            {problems.length > 0 ? (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
                title="These letters break a RACI rule"
                role="status"
              >
                <List size="sm" spacing={2}>
                  {problems.map((problem) => (
                    <List.Item key={problem.code}>{problem.message}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : changes.length === 0 ? (
              <Text size="sm" c="dimmed" role="status">
                Choose the letters you propose: they are the row’s letters now.
              </Text>
            ) : (
              <Stack gap={6} role="status">
                <Group gap={6}>
                  <ThemeIcon color="green" variant="light" size="sm" radius="xl" aria-hidden>
                    <IconCheck size={12} />
                  </ThemeIcon>
                  <Text size="sm">Follows the RACI rules. If accepted:</Text>
                </Group>
                <List size="sm" spacing={2} aria-label="What the claim changes">
                  {changes.map((change) => (
                    <List.Item key={change.partyId}>
                      <Group gap={6} component="span" wrap="nowrap">
                        <Text span size="sm" fw={500}>
                          {change.partyName}
                        </Text>
                        <LetterBadge letter={change.before} size="sm" />
                        <IconArrowRight size={12} aria-label="becomes" />
                        <LetterBadge letter={change.after} size="sm" />
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )}

            <Textarea
              label="Reason"
              description={`Why ${sideName(side)} should hold these letters; ${deciderOf(side)} reads it before deciding.`}
              placeholder="We onboard every new hire ourselves since we moved to the new HR system."
              autosize
              minRows={2}
              maxRows={6}
              maxLength={2000}
              required
              value={reason}
              error={reasonError}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonError(null);
              }}
            />
          </>
        ) : null}

        {submitError ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            title="The claim was not sent"
          >
            <Text size="sm">{errorMessage(submitError)}</Text>
            {details.length > 1 ? (
              <List size="sm" mt={4}>
                {details.map((detail, index) => (
                  <List.Item key={`${detail.field}-${index}`}>{detail.message}</List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!canSend}>
            Send claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function stop(event: SyntheticEvent): void {
  event.stopPropagation();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
