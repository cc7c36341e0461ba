import { Alert, Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHome, IconRefresh } from '@tabler/icons-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../../lib/api/api-error';

interface ErrorSummary {
  title: string;
  message: string;
  requestId?: string;
}

/** A chunk of a lazy route that no longer exists on the server, usually after a new deployment. */
function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}

function summarize(error: unknown): ErrorSummary {
  if (isRouteErrorResponse(error)) {
    return {
      title: error.status === 404 ? 'Page not found' : `${error.status} ${error.statusText}`,
      message: typeof error.data === 'string' && error.data ? error.data : 'This page could not be shown.',
    };
  }
  if (error instanceof ApiError) {
    return {
      title: `${error.statusCode} ${error.error}`,
      message: error.message,
      requestId: error.requestId,
    };
  }
  if (isChunkLoadError(error)) {
    return {
      title: 'Accord has been updated',
      message: 'This page belongs to an older version of Accord. Reload to get the latest version.',
    };
  }
  return {
    title: 'Something went wrong',
    message: 'An unexpected error stopped this page from rendering. Reloading usually helps.',
  };
}

/**
 * The route error boundary. Inside the shell it replaces only the page; `standalone` is the last
 * resort when the shell itself failed.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { title, message, requestId } = summarize(error);
  const detail = import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : undefined;

  return (
    <Container size="sm" py={standalone ? 120 : 80}>
      <title>{`${title} · Accord`}</title>
      <Stack gap="lg">
        <Alert
          variant="light"
          color="red"
          radius="lg"
          icon={<IconAlertTriangle aria-hidden />}
          title={
            <Title order={1} fz="h3">
              {title}
            </Title>
          }
          role="alert"
        >
          <Stack gap="xs">
            <Text>{message}</Text>
            {requestId ? (
              <Text size="sm" c="dimmed">
                Request id <Code>{requestId}</Code>: quote it when you report this problem.
              </Text>
            ) : null}
          </Stack>
        </Alert>
        <Group>
          <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => window.location.reload()}>
            Reload page
          </Button>
          {/* A plain link: after a failure the router state may be what is broken. */}
          <Button component="a" href="/" variant="default" leftSection={<IconHome size={16} aria-hidden />}>
            Go to home
          </Button>
        </Group>
        {detail ? (
          <Code block fz="xs">
            {detail}
          </Code>
        ) : null}
      </Stack>
    </Container>
  );
}
