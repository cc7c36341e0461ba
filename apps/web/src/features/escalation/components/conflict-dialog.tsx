import { type EscalationPolicy, type MatrixContent } from '@accord/raci';
import { Badge, Button, Group, List, Modal, Paper, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import type { EscalationPolicyView } from '../api/get-escalation-policy';
import { mergeItemLabel, mergePolicies, mergeSideSummary, type Resolution } from '../lib/merge';

/**
 * After a 412 (or when the live update says someone saved): their version against mine, entry by
 * entry. What only they changed is taken, what only I changed is kept, and where we both changed
 * the same entry the person chooses. Nothing is saved here: the merged draft goes back to the
 * editor, to be checked and saved on top of their version.
 */
export function ConflictDialog({
  opened,
  base,
  mine,
  theirs,
  content,
  onApply,
  onTakeTheirs,
  onClose,
}: {
  opened: boolean;
  /** The policy my edits started from. */
  base: EscalationPolicy;
  mine: EscalationPolicy;
  theirs: EscalationPolicyView;
  content: MatrixContent;
  onApply: (merged: EscalationPolicy) => void;
  onTakeTheirs: () => void;
  onClose: () => void;
}) {
  const [choices, setChoices] = useState<Record<string, Resolution>>({});
  const merge = mergePolicies(base, mine, theirs.policy, choices);
  const when = theirs.updatedAt ? ` at ${formatDateTime(theirs.updatedAt)}` : '';

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      centered
      title={<Text fw={700}>Someone else saved this policy while you were editing</Text>}
    >
      <Stack gap="md">
        <Text size="sm">
          Version {theirs.version} was saved{when}. Your changes are not lost: they are merged with that version below.
          Nothing is saved until you press Save again.
        </Text>

        {merge.theirChanges.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Their changes, taken into your draft
            </Text>
            <List size="sm" spacing={2}>
              {merge.theirChanges.map((item) => (
                <List.Item key={item.id}>
                  <Text span size="sm" fw={500}>
                    {mergeItemLabel(item, content)}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {' '}
                    — {mergeSideSummary(item, 'theirs', theirs.policy, content)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}

        {merge.conflicts.length > 0 ? (
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              You both changed {merge.conflicts.length === 1 ? 'this' : 'these'}: choose which version to keep
            </Text>
            {merge.conflicts.map((item) => (
              <Paper key={item.id} withBorder p="sm" radius="md">
                <Radio.Group
                  label={mergeItemLabel(item, content)}
                  value={choices[item.id] ?? 'mine'}
                  onChange={(value) =>
                    setChoices((current) => ({ ...current, [item.id]: value === 'theirs' ? 'theirs' : 'mine' }))
                  }
                >
                  <Stack gap="xs" mt="xs">
                    <Radio
                      value="mine"
                      label={
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <Badge size="sm" variant="light" style={{ flexShrink: 0 }} tt="none">
                            Yours
                          </Badge>
                          <Text size="sm">{mergeSideSummary(item, 'mine', mine, content)}</Text>
                        </Group>
                      }
                    />
                    <Radio
                      value="theirs"
                      label={
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <Badge size="sm" variant="light" style={{ flexShrink: 0 }} color="grape" tt="none">
                            Theirs
                          </Badge>
                          <Text size="sm">{mergeSideSummary(item, 'theirs', theirs.policy, content)}</Text>
                        </Group>
                      }
                    />
                  </Stack>
                </Radio.Group>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            You did not change the same things, so everything of yours is kept.
          </Text>
        )}

        <Group justify="space-between" gap="sm" wrap="wrap">
          <Button variant="subtle" color="red" onClick={onTakeTheirs}>
            Discard my changes, load theirs
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Decide later
            </Button>
            <Button onClick={() => onApply(merge.policy)} data-autofocus>
              Merge and review
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
