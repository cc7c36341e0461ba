import {
  ActionIcon,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconChecks,
  IconCircleCheck,
  IconCircleX,
  IconHandGrab,
  type Icon,
  IconSignature,
} from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/forms/form-errors';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';
import { type AppNotification, useNotifications } from '../api/list-notifications';
import { useMarkNotificationsRead } from '../api/mark-read';
import { bellLabel, notificationTarget, unreadBadge } from '../lib/notifications';
import classes from './notification-bell.module.css';

const KIND_LOOK: Readonly<Record<string, { icon: Icon; color: string }>> = {
  'claim.proposed': { icon: IconHandGrab, color: 'blue' },
  'claim.accepted': { icon: IconCircleCheck, color: 'green' },
  'claim.declined': { icon: IconCircleX, color: 'red' },
  'signature.requested': { icon: IconSignature, color: 'yellow' },
  'version.approved': { icon: IconCircleCheck, color: 'green' },
  'version.rejected': { icon: IconCircleX, color: 'red' },
};

/**
 * The bell in the header: the unread count, and the latest notifications in a popover. Opening
 * one goes to its page and marks it read. Asks for news every 30 s and when the window regains focus.
 */
export function NotificationBell({ workspaceId }: { workspaceId: string }) {
  const [opened, { close, toggle }] = useDisclosure(false);
  const notifications = useNotifications(workspaceId);
  const markRead = useMarkNotificationsRead(workspaceId);
  const navigate = useNavigate();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  const badge = unreadBadge(unread);

  const open = (item: AppNotification) => {
    close();
    if (item.readAt === null) markRead.mutate([item.id]);
    const target = notificationTarget(item.link);
    if (target) void navigate(target);
  };

  return (
    <Popover
      opened={opened}
      onChange={(next) => (next ? undefined : close())}
      position="bottom-end"
      width={380}
      shadow="md"
      withinPortal
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Indicator label={badge} disabled={badge === null} size={18} offset={6} color="red" inline withBorder>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            onClick={toggle}
            aria-label={bellLabel(unread)}
            aria-haspopup="dialog"
            aria-expanded={opened}
            data-unread={unread}
          >
            <IconBell size={20} stroke={1.8} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label="Notifications">
        <Group justify="space-between" px="md" py="sm" gap="xs">
          <Text fw={700}>Notifications</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} aria-hidden />}
            disabled={unread === 0}
            onClick={() => markRead.mutate(undefined)}
          >
            Mark all read
          </Button>
        </Group>
        <Divider />
        {notifications.isPending ? (
          <Group justify="center" py="lg">
            <Loader size="sm" type="dots" aria-label="Loading notifications" />
          </Group>
        ) : notifications.isError && items.length === 0 ? (
          <Stack gap="xs" p="md" role="alert">
            <Text size="sm">{errorMessage(notifications.error)}</Text>
            <Button size="xs" variant="light" onClick={() => void notifications.refetch()}>
              Try again
            </Button>
          </Stack>
        ) : items.length === 0 ? (
          <Stack gap={4} p="lg" align="center" ta="center">
            <ThemeIcon variant="light" color="gray" size="lg" radius="xl" aria-hidden>
              <IconBell size={18} />
            </ThemeIcon>
            <Text size="sm" fw={600}>
              Nothing yet
            </Text>
            <Text size="xs" c="dimmed">
              You hear here when someone claims a row, asks for your signature, or decides.
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={440} type="auto">
            <Box component="ul" className={classes.list} aria-label="Latest notifications">
              {items.map((item) => {
                const look = KIND_LOOK[item.kind] ?? { icon: IconBell, color: 'gray' };
                const KindIcon = look.icon;
                const isUnread = item.readAt === null;
                return (
                  <li key={item.id}>
                    <UnstyledButton
                      className={classes.item}
                      data-unread={isUnread || undefined}
                      onClick={() => open(item)}
                      aria-label={`${isUnread ? 'Unread: ' : ''}${item.title}`}
                    >
                      <Group gap="sm" wrap="nowrap" align="flex-start">
                        <ThemeIcon variant="light" color={look.color} radius="xl" size="md" aria-hidden>
                          <KindIcon size={16} />
                        </ThemeIcon>
                        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                          <Text size="sm" fw={isUnread ? 700 : 500} lineClamp={2}>
                            {item.title}
                          </Text>
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {item.body}
                          </Text>
                          <Tooltip label={formatDateTime(item.createdAt)} withArrow>
                            <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt}>
                              {formatRelativeTime(item.createdAt)}
                            </Text>
                          </Tooltip>
                        </Stack>
                        {isUnread ? <span className={classes.dot} aria-hidden /> : null}
                      </Group>
                    </UnstyledButton>
                  </li>
                );
              })}
            </Box>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
