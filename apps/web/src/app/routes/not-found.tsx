import { Button, Container, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconMapPinOff } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <Container size="sm" py={96}>
      <title>Page not found · Accord</title>
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconMapPinOff size={32} />
        </ThemeIcon>
        <Text c="dimmed" fw={600} size="sm" tt="uppercase" lts="0.08em">
          404
        </Text>
        <Title order={1}>Page not found</Title>
        <Text c="dimmed" maw={440}>
          There is no page at{' '}
          <Text span ff="monospace">
            {pathname}
          </Text>
          . It may have moved, or the link may be mistyped.
        </Text>
        <Button component={Link} to="/" leftSection={<IconArrowLeft size={16} aria-hidden />} mt="sm">
          Back to home
        </Button>
      </Stack>
    </Container>
  );
}
