import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Blocker } from 'react-router';

/** "Leave without saving?" for a navigation held by useUnsavedChanges. */
export function LeaveModal({ blocker, what }: { blocker: Blocker; what: string }) {
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={<Text fw={700}>Leave without saving?</Text>}
      centered
    >
      <Stack gap="md">
        <Text size="sm">You have unsaved changes to {what}. If you leave now, they are lost.</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            Stay and keep editing
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Leave and discard
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
