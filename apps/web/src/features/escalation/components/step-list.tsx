import { CHANNELS, type Contact, type EscalationStep, ESCALATION_LIMITS } from '@accord/raci';
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Button,
  Group,
  Input,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import { CHANNEL_LABELS, calleeName } from '../lib/describe';
import { fieldId } from '../lib/field-errors';
import { moveItem, newStep, removeAt, replaceAt, withParty } from '../lib/policy-edit';
import { usePolicyEditor } from './editor-context';
import { MinutesInput } from './minutes-input';

/**
 * Steps have no key of their own, but a sortable list (and focus that follows a moved step) needs
 * one. Each step object gets an id the first time it is drawn; an edited step inherits the id of the
 * step it replaces (`edited`), and moving a step moves the same object, so ids stay put.
 */
const stepIds = new WeakMap<EscalationStep, string>();
let lastStepId = 0;

function idOf(step: EscalationStep): string {
  let id = stepIds.get(step);
  if (id === undefined) {
    lastStepId += 1;
    id = `step-${lastStepId}`;
    stepIds.set(step, id);
  }
  return id;
}

function edited(previous: EscalationStep, next: EscalationStep): EscalationStep {
  stepIds.set(next, idOf(previous));
  return next;
}

const FIRST_CONTACT = '__first__';

const instructions: ScreenReaderInstructions = {
  draggable:
    'To move a step, press space or enter to pick it up, use the up and down arrow keys to move it, then space or enter to drop it. Escape cancels.',
};

/**
 * An ordered list of steps: drag by the handle (mouse, touch, or keyboard: space, arrows, space), or
 * the Move up and Move down buttons. `field` is the sequence's path ("paths.0", "paths.0.afterHours").
 */
export function StepList({
  field,
  title,
  steps,
  contacts,
  repeat,
  onChange,
}: {
  field: string;
  /** "Steps", "After-hours steps": the list's heading and accessible name. */
  title: string;
  steps: readonly EscalationStep[];
  contacts: readonly Contact[];
  repeat: number;
  onChange: (update: (steps: EscalationStep[]) => EscalationStep[]) => void;
}) {
  const { content, problems, readOnly } = usePolicyEditor();
  const ids = steps.map(idOf);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up step ${position(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `Step ${position(active.id)} is over position ${position(over.id)}.`
        : `Step ${position(active.id)} is over no position.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Step ${position(active.id)} dropped at position ${position(over.id)} of ${ids.length}.`
        : 'Step dropped where it was.',
    onDragCancel: ({ active }) => `Moving cancelled. Step ${position(active.id)} is back in its place.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    onChange((list) => moveItem(list, from, to));
  };

  const listError = problems.at(`${field}.steps`);
  const full = steps.length >= ESCALATION_LIMITS.stepsPerSequence;

  return (
    <Stack gap="xs" component="section" aria-label={title} id={fieldId(`${field}.steps`)}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          No steps: nobody is called.
        </Text>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: instructions }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={readOnly}>
            <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {steps.map((step, index) => (
                <SortableStep
                  key={ids[index]}
                  id={ids[index] ?? String(index)}
                  field={`${field}.steps.${index}`}
                  step={step}
                  index={index}
                  count={steps.length}
                  last={index === steps.length - 1}
                  repeat={repeat}
                  contacts={contacts}
                  calls={calleeName(step, { contacts: [...contacts] }, content)}
                  onChange={(change) =>
                    onChange((list) => {
                      const current = list[index];
                      return current ? replaceAt(list, index, edited(current, change(current))) : list;
                    })
                  }
                  onMove={(to) => onChange((list) => moveItem(list, index, to))}
                  onRemove={() => onChange((list) => removeAt(list, index))}
                />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      )}
      {listError ? <Input.Error>{listError}</Input.Error> : null}
      {readOnly ? null : (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={full}
          aria-label={`Add a step to the ${title.toLowerCase()}`}
          onClick={() => onChange((list) => [...list, newStep(content, list.at(-1))])}
        >
          Add a step
        </Button>
      )}
    </Stack>
  );
}

function SortableStep({
  id,
  field,
  step,
  index,
  count,
  last,
  repeat,
  contacts,
  calls,
  onChange,
  onMove,
  onRemove,
}: {
  id: string;
  field: string;
  step: EscalationStep;
  index: number;
  count: number;
  last: boolean;
  repeat: number;
  contacts: readonly Contact[];
  /** Who the step calls, in words, for the handle's and buttons' names. */
  calls: string;
  onChange: (change: (step: EscalationStep) => EscalationStep) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { content, problems, readOnly } = usePolicyEditor();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled: readOnly,
  });
  const n = index + 1;
  const partyKnown = content.parties.some((p) => p.key === step.partyKey);
  const partyData = [
    ...content.parties.map((p) => ({ value: p.key, label: p.name })),
    ...(partyKnown ? [] : [{ value: step.partyKey, label: `${step.partyKey} (no longer in the matrix)` }]),
  ];
  const own = contacts.filter((c) => c.partyKey === step.partyKey);
  const first = own[0];
  const partyName = content.parties.find((p) => p.key === step.partyKey)?.name ?? step.partyKey;
  const contactKnown = step.contactKey === null || own.some((c) => c.key === step.contactKey);
  const contactData = [
    {
      value: FIRST_CONTACT,
      label: first ? `${partyName}'s first contact (${first.name || 'no name yet'})` : `${partyName}'s first contact`,
    },
    ...own.map((c) => ({ value: c.key, label: c.name || `${c.key} (no name yet)` })),
    ...(contactKnown || step.contactKey === null
      ? []
      : [
          {
            value: step.contactKey,
            label: `${contacts.find((c) => c.key === step.contactKey)?.name ?? step.contactKey} (not a contact of ${partyName})`,
          },
        ]),
  ];
  const waitHint = last
    ? repeat > 0
      ? 'Before the steps run again'
      : 'Before the path gives up'
    : 'Before the next step';
  const hidden = (text: string) => <VisuallyHidden>{text}</VisuallyHidden>;

  return (
    <Paper
      ref={setNodeRef}
      component="li"
      withBorder
      p="sm"
      radius="md"
      id={fieldId(field)}
      aria-label={`Step ${n}: ${calls}`}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
        boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined,
      }}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        {readOnly ? null : (
          <Tooltip label="Drag to reorder (or focus and press space)" openDelay={500}>
            <ActionIcon
              ref={setActivatorNodeRef}
              variant="subtle"
              color="gray"
              mt={26}
              style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
              {...attributes}
              {...listeners}
              aria-label={`Drag step ${n}: ${calls}`}
            >
              <IconGripVertical size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
        <Text fw={700} c="dimmed" mt={30} w={20} ta="right" aria-hidden>
          {n}.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs" style={{ flex: 1 }}>
          <Select
            id={fieldId(`${field}.partyKey`)}
            label={<>Party{hidden(`, step ${n}`)}</>}
            data={partyData}
            value={step.partyKey}
            allowDeselect={false}
            readOnly={readOnly}
            error={problems.at(`${field}.partyKey`)}
            onChange={(partyKey) => {
              if (partyKey) onChange((s) => withParty(s, partyKey, contacts));
            }}
          />
          <Select
            id={fieldId(`${field}.contactKey`)}
            label={<>Contact{hidden(`, step ${n}`)}</>}
            data={contactData}
            value={step.contactKey ?? FIRST_CONTACT}
            allowDeselect={false}
            readOnly={readOnly}
            error={problems.at(`${field}.contactKey`)}
            onChange={(value) => {
              if (value) onChange((s) => ({ ...s, contactKey: value === FIRST_CONTACT ? null : value }));
            }}
          />
          <Select
            id={fieldId(`${field}.channel`)}
            label={<>Channel{hidden(`, step ${n}`)}</>}
            data={CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
            value={step.channel}
            allowDeselect={false}
            readOnly={readOnly}
            error={problems.at(`${field}.channel`)}
            onChange={(value) => {
              const channel = CHANNELS.find((c) => c === value);
              if (channel) onChange((s) => ({ ...s, channel }));
            }}
          />
          <MinutesInput
            id={fieldId(`${field}.waitMinutes`)}
            label={<>Wait{hidden(`, step ${n}`)}</>}
            description={waitHint}
            value={step.waitMinutes}
            onChange={(waitMinutes) => onChange((s) => ({ ...s, waitMinutes }))}
            error={problems.at(`${field}.waitMinutes`)}
            readOnly={readOnly}
          />
        </SimpleGrid>
        {readOnly ? null : (
          <Group gap={2} mt={26} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move step ${n} up`}
              // Not `disabled`: the button keeps the focus when its step reaches the end of the list.
              aria-disabled={index === 0}
              data-disabled={index === 0 || undefined}
              onClick={() => {
                if (index > 0) onMove(index - 1);
              }}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move step ${n} down`}
              aria-disabled={index >= count - 1}
              data-disabled={index >= count - 1 || undefined}
              onClick={() => {
                if (index < count - 1) onMove(index + 1);
              }}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${n}`} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
