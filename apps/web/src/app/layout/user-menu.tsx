import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../features/auth/api/sign-out';
import type { Me } from '../../lib/auth/session';
import { errorMessage } from '../../lib/forms/form-errors';
import classes from './app-layout.module.css';

/** "Alex Morgan" -> "AM". */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => word?.charAt(0).toUpperCase() ?? '').join('') || '?';
}

/** The signed-in person, with sign-out. */
export function UserMenu({ user }: { user: Me['user'] }) {
  const signOut = useSignOut();
  const navigate = useNavigate();

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'You are signed out.' });
        void navigate('/sign-in', { replace: true });
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not sign out', message: errorMessage(error) }),
    });

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={`Account menu for ${user.name}`}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="accord" variant="light">
              {initialsOf(user.name)}
            </Avatar>
            <Text size="sm" fw={600} visibleFrom="md" maw={160} truncate="end">
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={onSignOut}
          disabled={signOut.isPending}
          closeMenuOnClick={false}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
