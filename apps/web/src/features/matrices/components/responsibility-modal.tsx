import { CATEGORIES, categoryLabel } from '@accord/raci';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconUsers } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { ResponsibilityView } from '../../../lib/api/types';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { requiredMessage } from '../../../lib/forms/validation';
import { useCreateResponsibility } from '../api/create-responsibility';
import { staleRowOf } from '../api/set-assignments';
import { useUpdateResponsibility } from '../api/update-responsibility';
import { type Category, changesBetween, type Draft, draftOf } from '../lib/responsibility-changes';

/** What the dialog is for: a new row (in a category), editing a row, or reading one. */
export type ResponsibilityDialog =
  | { mode: 'create'; category: string | null }
  | { mode: 'edit'; row: ResponsibilityView }
  | { mode: 'view'; row: ResponsibilityView };

const FIELDS = ['title', 'description', 'category'] as const;
const TITLE_MAX = 160;
const DESCRIPTION_MAX = 2000;

const CATEGORY_OPTIONS = CATEGORIES.map((category) => ({ value: category.key, label: category.label }));

/**
 * Adds, edits or shows one responsibility. Escape or Cancel closes without saving; `onClose`
 * gets the id of the row that was saved, if any, so the grid can put focus on it.
 */
export const ResponsibilityModal = memo(function ResponsibilityModal({
  workspaceId,
  matrixId,
  dialog,
  onClose,
}: {
  workspaceId: string;
  matrixId: string;
  dialog: ResponsibilityDialog | null;
  onClose: (saved?: ResponsibilityView) => void;
}) {
  // While the dialog fades out after closing, it keeps showing what it showed.
  const [shown, setShown] = useState(dialog);
  if (dialog !== null && dialog !== shown) setShown(dialog);
  const title =
    shown?.mode === 'create' ? 'New responsibility' : shown?.mode === 'edit' ? 'Edit responsibility' : 'Responsibility';
  return (
    <Modal
      opened={dialog !== null}
      onClose={() => onClose()}
      title={<Text fw={700}>{title}</Text>}
      size="lg"
      centered
      // The page puts focus back on the grid cell itself: the cell may have moved meanwhile.
      returnFocus={false}
    >
      {shown?.mode === 'view' ? <ResponsibilityDetails row={shown.row} onClose={() => onClose()} /> : null}
      {shown && shown.mode !== 'view' ? (
        <ResponsibilityForm
          key={shown.mode === 'edit' ? shown.row.id : 'new'}
          workspaceId={workspaceId}
          matrixId={matrixId}
          dialog={shown}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
});

function ResponsibilityForm({
  workspaceId,
  matrixId,
  dialog,
  onDone,
}: {
  workspaceId: string;
  matrixId: string;
  dialog: Exclude<ResponsibilityDialog, { mode: 'view' }>;
  onDone: (saved?: ResponsibilityView) => void;
}) {
  const create = useCreateResponsibility(workspaceId, matrixId);
  const update = useUpdateResponsibility(workspaceId, matrixId);
  // The version the edit is based on; after a conflict, the other person's row.
  const [base, setBase] = useState(dialog.mode === 'edit' ? dialog.row : null);
  const [theirs, setTheirs] = useState<ResponsibilityView | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const initial: Draft = base
    ? draftOf(base)
    : {
        title: '',
        description: '',
        category: dialog.mode === 'create' ? (dialog.category ?? '') : '',
        critical: false,
        afterHours: false,
      };
  const form = useForm({
    initialValues: { title: initial.title, description: initial.description, category: initial.category },
    validate: (values) => ({
      title:
        requiredMessage(values.title, 'Enter a title') ??
        (values.title.trim().length > TITLE_MAX ? `Use at most ${TITLE_MAX} characters` : undefined),
      category: requiredMessage(values.category, 'Choose a category'),
      description:
        values.description.trim().length > DESCRIPTION_MAX ? `Use at most ${DESCRIPTION_MAX} characters` : undefined,
    }),
  });
  const [critical, setCritical] = useState(initial.critical);
  const [afterHours, setAfterHours] = useState(initial.afterHours);
  const pending = create.isPending || update.isPending;

  const showError = (error: unknown) => {
    const { fields, message } = toFormErrors(error, FIELDS);
    form.setErrors(fields);
    setFormError(message);
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const draft: Draft = { ...values, critical, afterHours };
    if (dialog.mode === 'create') {
      create.mutate(
        {
          title: draft.title.trim(),
          category: draft.category as Category,
          ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
          critical: draft.critical,
        },
        {
          onSuccess: (row) => {
            notifications.show({
              color: 'green',
              message: `“${row.title}” was added to ${categoryLabel(row.category)}.`,
            });
            onDone(row);
          },
          onError: showError,
        },
      );
      return;
    }
    if (!base) return;
    const changes = changesBetween(base, draft);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { responsibilityId: base.id, version: base.version, changes },
      {
        onSuccess: (row) => onDone(row),
        onError: (error) => {
          const current = staleRowOf(error);
          if (current) {
            // Saving again overwrites their version with what is in the form; "Use theirs" takes it.
            setBase(current);
            setTheirs(current);
            return;
          }
          showError(error);
        },
      },
    );
  });

  const useTheirs = () => {
    if (!theirs) return;
    form.reset({ title: theirs.title, description: theirs.description, category: theirs.category });
    setCritical(theirs.critical);
    setAfterHours(theirs.afterHours);
    setTheirs(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {theirs ? <ConflictNotice theirs={theirs} onUseTheirs={useTheirs} /> : null}
        {formError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label="Title"
          description="What has to be done, in a few words, e.g. “Quarterly restore test”"
          maxLength={TITLE_MAX}
          required
          data-autofocus
          {...form.inputProps('title')}
        />
        <Select
          label="Category"
          required
          searchable
          data={CATEGORY_OPTIONS}
          allowDeselect={false}
          nothingFoundMessage="No such category"
          comboboxProps={{ withinPortal: true }}
          {...form.selectProps('category')}
        />
        <Textarea
          label="Description"
          description="Optional: what it covers, in words a business owner understands"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={DESCRIPTION_MAX}
          value={form.values.description}
          error={form.errors.description}
          onChange={(event) => form.setValue('description', event.currentTarget.value)}
        />
        <Switch
          label="Critical"
          description="An outage or a miss here hurts the business at once"
          checked={critical}
          onChange={(event) => setCritical(event.currentTarget.checked)}
        />
        {dialog.mode === 'edit' ? (
          <Switch
            label="Needs after-hours cover"
            description="Someone must answer for it at night, at weekends and on holidays"
            checked={afterHours}
            onChange={(event) => setAfterHours(event.currentTarget.checked)}
          />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onDone()} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {dialog.mode === 'create' ? 'Add responsibility' : theirs ? 'Save mine instead' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The other person's version after a 412, next to the form that still holds what was typed. */
function ConflictNotice({ theirs, onUseTheirs }: { theirs: ResponsibilityView; onUseTheirs: () => void }) {
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconUsers aria-hidden />}
      title="Someone else changed this responsibility while you were editing"
    >
      <Stack gap="xs">
        <Text size="sm">Their version is saved. Save again to replace it with yours, or take theirs.</Text>
        <List size="sm" spacing={2} aria-label="Their version">
          <List.Item>
            <Text span fw={600}>
              Title:
            </Text>{' '}
            {theirs.title}
          </List.Item>
          <List.Item>
            <Text span fw={600}>
              Category:
            </Text>{' '}
            {categoryLabel(theirs.category)}
          </List.Item>
          <List.Item>
            <Text span fw={600}>
              Description:
            </Text>{' '}
            {theirs.description || '(none)'}
          </List.Item>
          <List.Item>
            <Text span fw={600}>
              Critical:
            </Text>{' '}
            {theirs.critical ? 'yes' : 'no'} ·{' '}
            <Text span fw={600}>
              After-hours cover:
            </Text>{' '}
            {theirs.afterHours ? 'yes' : 'no'}
          </List.Item>
        </List>
        <Group>
          <Button size="xs" variant="light" color="orange" onClick={onUseTheirs}>
            Use their version
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function ResponsibilityDetails({ row, onClose }: { row: ResponsibilityView; onClose: () => void }) {
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={700} size="lg">
          {row.title}
        </Text>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {categoryLabel(row.category)}
          </Badge>
          {row.critical ? (
            <Badge variant="light" color="red" tt="none">
              Critical
            </Badge>
          ) : null}
          {row.afterHours ? (
            <Badge variant="light" color="indigo" tt="none">
              Needs after-hours cover
            </Badge>
          ) : null}
        </Group>
      </Stack>
      <Text size="sm" c={row.description ? undefined : 'dimmed'}>
        {row.description || 'No description.'}
      </Text>
      {row.violations.length > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Rule breaks">
          <List size="sm">
            {row.violations.map((violation) => (
              <List.Item key={violation.code}>{violation.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
