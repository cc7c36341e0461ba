import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';

/** The Accord logo mark and name. */
export function Wordmark({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const small = size === 'sm';
  return (
    <Group gap={small ? 6 : 10} wrap="nowrap">
      <ThemeIcon
        size={small ? 24 : 32}
        radius="md"
        variant="gradient"
        gradient={{ from: 'accord.7', to: 'cyan.6', deg: 135 }}
        aria-hidden
      >
        <IconChecks size={small ? 15 : 20} stroke={2.4} />
      </ThemeIcon>
      <Text component="span" fw={800} fz={small ? 'md' : 'xl'} lts="-0.03em">
        Accord
      </Text>
    </Group>
  );
}
