import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** What a list shows when it has nothing yet: what belongs here, and the way to add it. */
export function EmptyState({
  icon: EmptyIcon,
  title,
  description,
  action,
}: {
  icon: Icon;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Stack align="center" ta="center" gap="sm" py={48} px="md">
      <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
        <EmptyIcon size={28} stroke={1.6} />
      </ThemeIcon>
      <Title order={2} fz="h3">
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm" maw={420}>
          {description}
        </Text>
      ) : null}
      {action}
    </Stack>
  );
}
