import { ESCALATION_LIMITS, type EscalationPath, type EscalationPolicy, pathFor } from '@accord/raci';
import { Accordion, Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyState } from '../../../components/empty-state';
import { pathScopeLabel } from '../lib/describe';
import { newPath, parseScope } from '../lib/policy-edit';
import { usePolicyEditor } from './editor-context';
import { PathCard } from './path-card';
import { scopeOptions } from './path-scope';

/** The escalation paths: which problems each is for, and who it calls in which order. */
export function PathsSection({
  policy,
  saved,
  open,
  onOpenChange,
  canReview,
  dirty,
  reviewing,
  onReview,
}: {
  policy: EscalationPolicy;
  /** The policy as saved, to tell saved paths (which can be reviewed) from new ones. */
  saved: EscalationPolicy;
  /** Keys of the expanded paths. */
  open: string[];
  onOpenChange: (keys: string[]) => void;
  canReview: boolean;
  dirty: boolean;
  /** The key of the path whose review is being sent. */
  reviewing: string | null;
  onReview: (path: EscalationPath) => void;
}) {
  const { content, readOnly, update } = usePolicyEditor();
  const [adding, setAdding] = useState(false);
  const [scope, setScope] = useState<string | null>(null);
  const [removing, setRemoving] = useState<EscalationPath | null>(null);
  const full = policy.paths.length >= ESCALATION_LIMITS.paths;

  // Critical rows with no path for some severity: the gap report will name them too.
  const uncovered = content.responsibilities
    .filter((row) => row.critical)
    .map((row) => ({ row, missing: policy.severities.filter((s) => pathFor(policy, row, s.key) === null) }))
    .filter(({ missing }) => missing.length > 0);

  const add = () => {
    const parsed = parseScope(scope);
    if (!parsed) return;
    const path = newPath(policy, parsed, content);
    update((p) => ({ ...p, paths: [...p.paths, path] }));
    onOpenChange([...open, path.key]);
    setAdding(false);
    setScope(null);
    requestAnimationFrame(() =>
      document.getElementById(`policy-paths-${policy.paths.length}`)?.scrollIntoView({ block: 'start' }),
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={700}>
          A path says who is called, in which order and how long each gets to answer, for a category of work or one
          responsibility. For a problem, the responsibility's own path wins over its category's, and a path naming the
          severity wins over one for every severity.
        </Text>
        {readOnly ? null : (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} disabled={full}>
            Add path
          </Button>
        )}
      </Group>

      {uncovered.length > 0 ? (
        <Alert variant="light" color="orange" title="Critical responsibilities without a path">
          <Stack gap={4}>
            {uncovered.map(({ row, missing }) => (
              <Text size="sm" key={row.key}>
                '{row.title}': no path at{' '}
                {missing.length === policy.severities.length
                  ? 'any severity'
                  : missing.map((s) => s.name || s.key).join(', ')}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}

      {policy.paths.length === 0 ? (
        <EmptyState
          icon={IconRoute}
          title="No escalation paths yet"
          description="Without a path nobody is called. Start with the categories that hold critical responsibilities, such as threat response and backups."
          action={
            readOnly ? undefined : (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                Add the first path
              </Button>
            )
          }
        />
      ) : (
        <Accordion multiple value={open} onChange={onOpenChange} variant="separated" chevronPosition="left">
          {policy.paths.map((path, index) => (
            <PathCard
              key={path.key}
              path={path}
              index={index}
              severities={policy.severities}
              contacts={policy.contacts}
              saved={saved.paths.find((p) => p.key === path.key)}
              opened={open.includes(path.key)}
              canReview={canReview}
              dirty={dirty}
              reviewPending={reviewing === path.key}
              onReview={onReview}
              onRemove={setRemoving}
            />
          ))}
        </Accordion>
      )}

      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={<Text fw={700}>Add an escalation path</Text>}
        centered
      >
        <Stack gap="md">
          <Select
            label="For"
            description="A whole category, or one responsibility"
            placeholder="Choose a category or a responsibility"
            data={scopeOptions(content)}
            value={scope}
            onChange={setScope}
            searchable
            data-autofocus
            maxDropdownHeight={320}
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAdding(false)}>
              Cancel
            </Button>
            <Button onClick={add} disabled={parseScope(scope) === null}>
              Add path
            </Button>
          </Group>
        </Stack>
      </Modal>

      <ConfirmModal
        opened={removing !== null}
        title="Remove this path?"
        confirmLabel="Remove path"
        color="red"
        pending={false}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) update((p) => ({ ...p, paths: p.paths.filter((item) => item.key !== removing.key) }));
          setRemoving(null);
        }}
      >
        {removing
          ? `Problems of ${pathScopeLabel(removing, content)} will have no path unless another one covers them. The path is removed when you save.`
          : null}
      </ConfirmModal>
    </Stack>
  );
}
