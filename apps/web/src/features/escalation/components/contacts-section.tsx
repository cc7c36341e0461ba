import { type Contact, ESCALATION_LIMITS, type EscalationPolicy, PARTY_KIND_LABELS } from '@accord/raci';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Input,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconUserOff } from '@tabler/icons-react';
import { type ChangeEvent, useState } from 'react';
import { ConfirmModal } from '../../../components/confirm-modal';
import { fieldId } from '../lib/field-errors';
import { contactUses, moveContact, newContact, removeContact, replaceAt } from '../lib/policy-edit';
import { partyNameOf, usePolicyEditor } from './editor-context';

/** The people a step can call, per party, in the order they are tried when a step names only the party. */
export function ContactsSection({ policy }: { policy: EscalationPolicy }) {
  const { content, update, readOnly } = usePolicyEditor();
  const [removing, setRemoving] = useState<Contact | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const partyKeys = new Set(content.parties.map((p) => p.key));
  const strays = policy.contacts.filter((c) => !partyKeys.has(c.partyKey));
  const full = policy.contacts.length >= ESCALATION_LIMITS.contacts;

  const remove = (contact: Contact) => {
    if (contactUses(policy, contact.key) > 0) setRemoving(contact);
    else update((p) => removeContact(p, contact.key));
  };

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={760}>
        A step calls a named contact, or a party's first contact. Put each party's contacts in the order they should be
        tried.
      </Text>
      {content.parties.map((party) => {
        const contacts = policy.contacts
          .map((contact, index) => ({ contact, index }))
          .filter(({ contact }) => contact.partyKey === party.key);
        const titleId = `contacts-title-${party.key}`;
        return (
          <Paper key={party.key} withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
            <Stack gap="md">
              <Group gap="xs">
                <Title order={3} fz="h5" id={titleId}>
                  {party.name}
                </Title>
                <Badge variant="light" color="gray" tt="none">
                  {PARTY_KIND_LABELS[party.kind]}
                </Badge>
              </Group>
              {contacts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No contacts yet. A step that calls {party.name} reaches their general line.
                </Text>
              ) : (
                <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {contacts.map(({ contact, index }, position) => (
                    <ContactRow
                      key={contact.key}
                      contact={contact}
                      index={index}
                      position={position}
                      count={contacts.length}
                      autoFocus={focusKey === contact.key}
                      onRemove={() => remove(contact)}
                    />
                  ))}
                </Stack>
              )}
              {readOnly ? null : (
                <Button
                  variant="default"
                  w="fit-content"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  disabled={full}
                  onClick={() => {
                    setFocusKey(newContact(policy, party.key).key);
                    update((p) => ({ ...p, contacts: [...p.contacts, newContact(p, party.key)] }));
                  }}
                >
                  Add a contact to {party.name}
                </Button>
              )}
            </Stack>
          </Paper>
        );
      })}

      {strays.length > 0 ? (
        <Paper
          withBorder
          p="lg"
          radius="md"
          component="section"
          aria-label="Contacts of parties no longer in the matrix"
        >
          <Stack gap="sm">
            <Group gap="xs">
              <IconUserOff size={18} aria-hidden />
              <Title order={3} fz="h5">
                Contacts of parties no longer in the matrix
              </Title>
            </Group>
            {strays.map((contact) => {
              const index = policy.contacts.indexOf(contact);
              return (
                <ContactRow
                  key={contact.key}
                  contact={contact}
                  index={index}
                  position={0}
                  count={1}
                  autoFocus={false}
                  onRemove={() => remove(contact)}
                />
              );
            })}
          </Stack>
        </Paper>
      ) : null}

      <ConfirmModal
        opened={removing !== null}
        title={`Remove ${removing?.name || 'this contact'}?`}
        confirmLabel="Remove contact"
        color="red"
        pending={false}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) update((p) => removeContact(p, removing.key));
          setRemoving(null);
        }}
      >
        {removing ? (
          <>
            {removing.name || 'This contact'} is called by {contactUses(policy, removing.key)}{' '}
            {contactUses(policy, removing.key) === 1 ? 'step' : 'steps'}. Those steps will call{' '}
            {partyNameOf(content, removing.partyKey)}'s first contact instead.
          </>
        ) : null}
      </ConfirmModal>
    </Stack>
  );
}

function ContactRow({
  contact,
  index,
  position,
  count,
  autoFocus,
  onRemove,
}: {
  contact: Contact;
  index: number;
  /** Place in the party's calling order, from 0. */
  position: number;
  count: number;
  autoFocus: boolean;
  onRemove: () => void;
}) {
  const { update, readOnly, problems } = usePolicyEditor();
  const field = `contacts.${index}`;
  const label = contact.name.trim() || `contact ${position + 1}`;
  const set = (key: 'name' | 'role' | 'phone' | 'email') => ({
    id: fieldId(`${field}.${key}`),
    value: contact[key],
    readOnly,
    error: problems.at(`${field}.${key}`),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      update((p) => {
        const at = p.contacts.findIndex((c) => c.key === contact.key);
        const current = p.contacts[at];
        return current ? { ...p, contacts: replaceAt(p.contacts, at, { ...current, [key]: value }) } : p;
      });
    },
  });
  const move = (direction: -1 | 1) =>
    update((p) => ({
      ...p,
      contacts: moveContact(
        p.contacts,
        p.contacts.findIndex((c) => c.key === contact.key),
        direction,
      ),
    }));

  return (
    <li id={fieldId(field)}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Text fw={700} c="dimmed" w={24} pt={30} ta="right" aria-hidden>
          {position + 1}.
        </Text>
        <Stack gap={4} style={{ flex: 1 }}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
            <TextInput label="Name" required autoFocus={autoFocus} {...set('name')} />
            <TextInput label="Role" placeholder="On-call engineer" {...set('role')} />
            <TextInput label="Phone" type="tel" placeholder="+1 555 0100" {...set('phone')} />
            <TextInput label="E-mail" type="email" placeholder="name@company.com" {...set('email')} />
          </SimpleGrid>
          {problems.at(`${field}.key`) || problems.at(`${field}.partyKey`) ? (
            <Input.Error>{problems.at(`${field}.key`) ?? problems.at(`${field}.partyKey`)}</Input.Error>
          ) : null}
        </Stack>
        {readOnly ? null : (
          <Group gap={2} pt={26} wrap="nowrap">
            <Tooltip label="Earlier in the calling order">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move ${label} up`}
                // Not `disabled`: the button keeps the focus when its contact reaches the end of the list.
                aria-disabled={position === 0}
                data-disabled={position === 0 || undefined}
                onClick={() => {
                  if (position > 0) move(-1);
                }}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Later in the calling order">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Move ${label} down`}
                aria-disabled={position >= count - 1}
                data-disabled={position >= count - 1 || undefined}
                onClick={() => {
                  if (position < count - 1) move(1);
                }}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={`Remove ${label}`}>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={onRemove}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </li>
  );
}
