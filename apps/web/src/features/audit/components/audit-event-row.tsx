import { ActionIcon, Box, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowRight, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';
import type { AuditEvent } from '../api/list-audit-events';
import { actionLabel } from '../lib/actions';
import { type AuditLookups, changedFields, type FieldChange, formatValue, shortId } from '../lib/changes';
import { actorOf, actorRoleOf, subjectOf } from '../lib/describe-event';
import classes from './audit.module.css';

function ChangeLine({ change, lookups }: { change: FieldChange; lookups: AuditLookups }) {
  const before = formatValue(change.key, change.before, lookups);
  const after = formatValue(change.key, change.after, lookups);
  return (
    <Group gap="xs" wrap="wrap" align="baseline" component="li" className={classes.changeLine}>
      <Text size="sm" fw={600} miw={96}>
        {change.label}
      </Text>
      {change.kind !== 'added' ? (
        <Text size="sm" className={change.kind === 'removed' || change.kind === 'changed' ? classes.before : undefined}>
          <Text span className={classes.srOnly}>
            from{' '}
          </Text>
          {before}
        </Text>
      ) : null}
      {change.kind === 'changed' ? <IconArrowRight size={14} aria-hidden className={classes.arrow} /> : null}
      {change.kind !== 'removed' ? (
        <Text size="sm" className={classes.after}>
          <Text span className={classes.srOnly}>
            {change.kind === 'added' ? 'set to ' : 'to '}
          </Text>
          {after}
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          (removed)
        </Text>
      )}
    </Group>
  );
}

function EventDetails({ event, lookups }: { event: AuditEvent; lookups: AuditLookups }) {
  const changes = changedFields(event.before, event.after);
  return (
    <Stack gap="sm" py="xs">
      {changes.length > 0 ? (
        <Box>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts="0.06em" mb={6}>
            Before → after
          </Text>
          <Stack gap={6} component="ul" className={classes.changeList}>
            {changes.map((change) => (
              <ChangeLine key={change.key} change={change} lookups={lookups} />
            ))}
          </Stack>
        </Box>
      ) : (
        <Text size="sm" c="dimmed">
          No fields changed in this event.
        </Text>
      )}
      <Group gap="lg" wrap="wrap">
        <Text size="xs" c="dimmed">
          Event <Code fz="xs">#{event.seq}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          {event.entityType}
          {event.entityId ? (
            <>
              {' '}
              <Code fz="xs">{shortId(event.entityId)}</Code>
            </>
          ) : null}
        </Text>
        {event.ip ? (
          <Text size="xs" c="dimmed">
            IP <Code fz="xs">{event.ip}</Code>
          </Text>
        ) : null}
        {event.requestId ? (
          <Text size="xs" c="dimmed">
            Request <Code fz="xs">{shortId(event.requestId)}</Code>
          </Text>
        ) : null}
        <Tooltip label={event.hash} withArrow multiline w={320}>
          <Text size="xs" c="dimmed" tabIndex={0}>
            Hash <Code fz="xs">{event.hash.slice(0, 12)}…</Code>
          </Text>
        </Tooltip>
      </Group>
      {event.userAgent ? (
        <Text size="xs" c="dimmed" truncate="end" title={event.userAgent}>
          {event.userAgent}
        </Text>
      ) : null}
    </Stack>
  );
}

/** One event: when, who (with role), what in words, which client; expandable to what changed. */
export function AuditEventRow({
  event,
  lookups,
  expanded,
  onToggle,
  now,
  showClient,
}: {
  event: AuditEvent;
  lookups: AuditLookups;
  expanded: boolean;
  onToggle: () => void;
  now: number;
  showClient: boolean;
}) {
  const detailsId = `audit-event-${event.seq}-details`;
  const role = actorRoleOf(event);
  const subject = subjectOf(event, lookups);
  const failed = event.action === 'auth.sign_in_failed';
  const columns = showClient ? 5 : 4;

  return (
    <>
      <Table.Tr className={expanded ? classes.expandedRow : undefined}>
        <Table.Td w={44} pr={0}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onToggle}
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={`${expanded ? 'Hide' : 'Show'} details of event ${event.seq}`}
          >
            {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Tooltip label={formatDateTime(event.occurredAt)} withArrow>
            <Text size="sm" component="time" dateTime={event.occurredAt} tabIndex={0} style={{ whiteSpace: 'nowrap' }}>
              {formatRelativeTime(event.occurredAt, now)}
            </Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={600}>
            {actorOf(event)}
          </Text>
          {role ? (
            <Text size="xs" c="dimmed">
              {role}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <Text size="sm" c={failed ? 'red' : undefined}>
            {actionLabel(event.action)}
            {subject ? (
              <>
                {' '}
                <Text span fw={600} inherit>
                  {subject}
                </Text>
              </>
            ) : null}
          </Text>
        </Table.Td>
        {showClient ? (
          <Table.Td>
            {event.clientId ? (
              <Text size="sm">{lookups.clients.get(event.clientId) ?? shortId(event.clientId)}</Text>
            ) : (
              <Text size="sm" c="dimmed">
                Workspace
              </Text>
            )}
          </Table.Td>
        ) : null}
      </Table.Tr>
      {expanded ? (
        <Table.Tr id={detailsId} className={classes.detailsRow}>
          <Table.Td />
          <Table.Td colSpan={columns}>
            <EventDetails event={event} lookups={lookups} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
