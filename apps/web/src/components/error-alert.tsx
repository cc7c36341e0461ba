import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { ApiError } from '../lib/api/api-error';
import { errorMessage } from '../lib/forms/form-errors';

/** A failed request, in words, with its request id and (for loads) a way to try again. */
export function ErrorAlert({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert variant="light" color="red" icon={<IconAlertTriangle aria-hidden />} title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {requestId ? (
          <Text size="xs" c="dimmed">
            Request id <Code fz="xs">{requestId}</Code>
          </Text>
        ) : null}
        {onRetry ? (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onRetry}
          >
            Try again
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
