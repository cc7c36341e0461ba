import { Button, Container, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';

/** A page the person's role may not open (they followed an old link, or typed the address). */
export function AccessDenied({ what, backTo }: { what: string; backTo: string }) {
  return (
    <Container size="sm" py={80}>
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray" aria-hidden>
          <IconLock size={28} />
        </ThemeIcon>
        <Title order={1} fz="h2">
          No access to {what}
        </Title>
        <Text c="dimmed" maw={440}>
          Your role in this workspace does not include {what}. An MSP admin of the workspace can change your role.
        </Text>
        <Button component={Link} to={backTo} variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Back to clients
        </Button>
      </Stack>
    </Container>
  );
}
