import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../../../lib/forms/form-errors';

/**
 * A "no, because…" form: what happens, the server's error, a required reason and a red submit.
 * Declining a claim and rejecting a version both ask for one; the caller sends it.
 */
export function ReasonForm({
  label,
  intro,
  placeholder,
  missing,
  errorTitle,
  error,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** The form's accessible name. */
  label: string;
  intro: ReactNode;
  placeholder: string;
  /** Shown at the field when the reason is left empty. */
  missing: string;
  errorTitle: string;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(missing);
      return;
    }
    onSubmit(reason.trim());
  };

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="md">
        {intro}
        {error ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={errorTitle}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Textarea
          label="Reason"
          placeholder={placeholder}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          required
          data-autofocus
          value={reason}
          error={reasonError}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(null);
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
