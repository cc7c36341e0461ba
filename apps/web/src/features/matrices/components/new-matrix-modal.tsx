import { SUPPORT_MODEL_LABELS } from '@accord/raci';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { matrixPath } from '../../../lib/auth/paths';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { requiredMessage } from '../../../lib/forms/validation';
import { useCreateMatrix } from '../api/create-matrix';
import { useTemplates } from '../api/list-templates';

const FIELDS = ['name', 'template'] as const;

/** Starts a matrix for a client from a built-in or workspace template, then opens it. */
export function NewMatrixModal({
  workspaceId,
  clientId,
  opened,
  onClose,
}: {
  workspaceId: string;
  clientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>New matrix</Text>} centered>
      {opened ? <NewMatrixForm workspaceId={workspaceId} clientId={clientId} onDone={onClose} /> : null}
    </Modal>
  );
}

function NewMatrixForm({
  workspaceId,
  clientId,
  onDone,
}: {
  workspaceId: string;
  clientId: string;
  onDone: () => void;
}) {
  const navigate = useNavigate();
  const templates = useTemplates(workspaceId);
  const create = useCreateMatrix(workspaceId, clientId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', template: 'co_managed' },
    validate: (values) => ({
      name: requiredMessage(values.name, 'Enter a name for the matrix'),
      template: requiredMessage(values.template, 'Choose what the matrix starts from'),
    }),
  });

  const options = [
    ...(templates.data ?? []).map((template) => ({
      value: template.id,
      // Built-in templates are named after their model; the workspace's own say which they follow.
      label: template.builtIn
        ? `${template.name} · ${template.responsibilities} rows`
        : `${template.name} (${SUPPORT_MODEL_LABELS[template.model]}) · ${template.responsibilities} rows`,
    })),
    { value: 'blank', label: 'Blank matrix' },
  ];

  const submit = form.onSubmit(({ name, template }) => {
    setFormError(null);
    create.mutate(
      { name: name.trim(), template },
      {
        onSuccess: (matrix) => {
          notifications.show({ color: 'green', message: `${matrix.name} was created.` });
          onDone();
          void navigate(matrixPath(workspaceId, matrix.id));
        },
        onError: (error) => {
          const { fields, message } = toFormErrors(error, FIELDS);
          form.setErrors(fields);
          setFormError(message);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          description="For example “IT responsibilities 2027”"
          maxLength={120}
          required
          data-autofocus
          {...form.inputProps('name')}
        />
        <Select
          label="Start from"
          required
          data={options}
          allowDeselect={false}
          disabled={templates.isPending}
          {...form.selectProps('template')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create matrix
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
