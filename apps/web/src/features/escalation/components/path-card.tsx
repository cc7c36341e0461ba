import { ESCALATION_LIMITS, type EscalationPath, type EscalationPolicy } from '@accord/raci';
import {
  Accordion,
  Badge,
  Button,
  Code,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import { pathScopeLabel, pathSeveritiesLabel, reviewLabel } from '../lib/describe';
import { fieldId } from '../lib/field-errors';
import { fingerprint, parseScope, scopeValue, withAfterHours } from '../lib/policy-edit';
import { usePolicyEditor } from './editor-context';
import { scopeOptions } from './path-scope';
import { StepList } from './step-list';

/** The content of a path that a review vouches for: everything but the review. */
function reviewedContent(path: EscalationPath): string {
  const { review: _review, ...rest } = path;
  return fingerprint(rest);
}

export interface PathCardProps {
  path: EscalationPath;
  index: number;
  severities: EscalationPolicy['severities'];
  contacts: EscalationPolicy['contacts'];
  /** The path as saved, or undefined when it exists only in this draft. */
  saved: EscalationPath | undefined;
  /** Expanded: only then are its inputs drawn, which keeps a long list of paths quick. */
  opened: boolean;
  /** The person may review paths ('escalation.review'). */
  canReview: boolean;
  /** The draft has unsaved changes: a review vouches for the saved policy only. */
  dirty: boolean;
  reviewPending: boolean;
  onReview: (path: EscalationPath) => void;
  onRemove: (path: EscalationPath) => void;
}

/** One path as an accordion item: its scope and severities, its steps, after-hours steps and review. */
export const PathCard = memo(function PathCard({
  path,
  index,
  severities,
  contacts,
  saved,
  opened,
  canReview,
  dirty,
  reviewPending,
  onReview,
  onRemove,
}: PathCardProps) {
  const { content, problems, readOnly, update } = usePolicyEditor();
  const policy = { severities, contacts };
  const field = `paths.${index}`;
  const count = problems.count(field);
  const change = (edit: (path: EscalationPath) => EscalationPath) =>
    update((p) => ({ ...p, paths: p.paths.map((item) => (item.key === path.key ? edit(item) : item)) }));
  const scope = pathScopeLabel(path, content);
  const current = scopeValue(path);
  const severityData = [
    ...severities.map((s) => ({ value: s.key, label: s.name || s.key })),
    ...path.severities
      .filter((key) => !severities.some((s) => s.key === key))
      .map((key) => ({ value: key, label: `${key} (unknown)` })),
  ];
  const savedReview = saved?.review ?? null;
  const changedSinceReview =
    saved !== undefined && savedReview !== null && reviewedContent(saved) !== reviewedContent(path);
  const reviewBlocked = dirty || saved === undefined;

  return (
    <Accordion.Item value={path.key} id={fieldId(field)}>
      <Accordion.Control>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={2}>
            <Text fw={600}>{scope}</Text>
            <Text size="sm" c="dimmed">
              {pathSeveritiesLabel(path, policy)} · {path.steps.length} {path.steps.length === 1 ? 'step' : 'steps'}
              {path.afterHours ? ` · ${path.afterHours.steps.length} after hours` : ''}
            </Text>
          </Stack>
          <Group gap={6} wrap="nowrap">
            {count > 0 ? (
              <Badge color="red" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {count} {count === 1 ? 'problem' : 'problems'}
              </Badge>
            ) : null}
            {saved === undefined ? (
              <Badge color="blue" variant="light" tt="none">
                Not saved yet
              </Badge>
            ) : savedReview ? (
              <Badge color="green" variant="light" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />}>
                Reviewed
              </Badge>
            ) : (
              <Badge color="orange" variant="light" tt="none" leftSection={<IconCircleDashed size={12} aria-hidden />}>
                Not reviewed
              </Badge>
            )}
          </Group>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        {opened ? (
          <Stack gap="lg">
            <Group align="flex-start" gap="md" wrap="wrap">
              <Select
                id={fieldId(`${field}.category`)}
                label="For"
                description="A responsibility's own path wins over its category's"
                data={scopeOptions(content, current)}
                value={current}
                searchable
                allowDeselect={false}
                readOnly={readOnly}
                error={problems.at(`${field}.category`) ?? problems.at(`${field}.responsibilityKey`)}
                onChange={(value) => {
                  const next = parseScope(value);
                  if (next) change((p) => ({ ...p, ...next }));
                }}
                w={340}
                maxDropdownHeight={320}
              />
              <MultiSelect
                id={fieldId(`${field}.severities`)}
                label="Severities"
                description="Leave empty for every severity"
                placeholder={path.severities.length === 0 ? 'All severities' : undefined}
                data={severityData}
                value={path.severities}
                readOnly={readOnly}
                error={problems.within(`${field}.severities`)}
                onChange={(severities) => change((p) => ({ ...p, severities }))}
                w={340}
                clearable={!readOnly}
              />
            </Group>

            <StepList
              field={field}
              title={path.afterHours ? 'Steps in business hours' : 'Steps'}
              steps={path.steps}
              contacts={contacts}
              repeat={path.repeat}
              onChange={(edit) => change((p) => ({ ...p, steps: edit([...p.steps]) }))}
            />
            <NumberInput
              id={fieldId(`${field}.repeat`)}
              label={path.afterHours ? 'Repeat the business-hours steps' : 'Repeat the steps'}
              description="Extra rounds when nobody answers (0 = call everyone once)"
              value={path.repeat}
              min={0}
              max={ESCALATION_LIMITS.repeat}
              allowDecimal={false}
              clampBehavior="none"
              readOnly={readOnly}
              error={problems.at(`${field}.repeat`)}
              onChange={(value) => change((p) => ({ ...p, repeat: typeof value === 'number' ? value : Number.NaN }))}
              w={260}
            />

            <Divider />
            <Switch
              id={fieldId(`${field}.afterHours`)}
              label="Different steps after hours"
              description="Outside the client's business hours and on holidays these replace the steps above"
              checked={path.afterHours !== null}
              disabled={readOnly}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                change((p) => withAfterHours(p, on));
              }}
            />
            {path.afterHours ? (
              <>
                <StepList
                  field={`${field}.afterHours`}
                  title="After-hours steps"
                  steps={path.afterHours.steps}
                  contacts={contacts}
                  repeat={path.afterHours.repeat}
                  onChange={(edit) =>
                    change((p) =>
                      p.afterHours
                        ? { ...p, afterHours: { ...p.afterHours, steps: edit([...p.afterHours.steps]) } }
                        : p,
                    )
                  }
                />
                <NumberInput
                  id={fieldId(`${field}.afterHours.repeat`)}
                  label="Repeat the after-hours steps"
                  description="Extra rounds when nobody answers"
                  value={path.afterHours.repeat}
                  min={0}
                  max={ESCALATION_LIMITS.repeat}
                  allowDecimal={false}
                  clampBehavior="none"
                  readOnly={readOnly}
                  error={problems.at(`${field}.afterHours.repeat`)}
                  onChange={(value) =>
                    change((p) =>
                      p.afterHours
                        ? {
                            ...p,
                            afterHours: { ...p.afterHours, repeat: typeof value === 'number' ? value : Number.NaN },
                          }
                        : p,
                    )
                  }
                  w={260}
                />
              </>
            ) : null}

            <Divider />
            <Group justify="space-between" align="center" wrap="wrap" gap="sm">
              <Stack gap={2}>
                <Group gap={6}>
                  {savedReview ? (
                    <IconShieldCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
                  ) : (
                    <IconCircleDashed size={18} color="var(--mantine-color-orange-7)" aria-hidden />
                  )}
                  <Text size="sm" fw={500}>
                    {saved === undefined ? 'Not saved yet, so not reviewed' : reviewLabel(savedReview)}
                  </Text>
                </Group>
                {changedSinceReview ? (
                  <Text size="xs" c="orange.8">
                    You changed this path: saving clears its review, and someone from the MSP reviews it again.
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  Key <Code fz="xs">{path.key}</Code>
                </Text>
              </Stack>
              <Group gap="xs">
                {canReview && savedReview === null && saved !== undefined ? (
                  <Tooltip
                    label={
                      dirty
                        ? 'Save or discard your changes first: a review vouches for the saved path'
                        : 'Vouch for this path as it is saved; any later change clears the review'
                    }
                    multiline
                    w={260}
                  >
                    <Button
                      leftSection={<IconShieldCheck size={16} aria-hidden />}
                      variant="light"
                      color="green"
                      loading={reviewPending}
                      data-disabled={reviewBlocked || undefined}
                      aria-disabled={reviewBlocked}
                      onClick={() => {
                        if (!reviewBlocked) onReview(path);
                      }}
                    >
                      Mark reviewed
                    </Button>
                  </Tooltip>
                ) : null}
                {readOnly ? null : (
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => onRemove(path)}
                  >
                    Remove path
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        ) : null}
      </Accordion.Panel>
    </Accordion.Item>
  );
});
