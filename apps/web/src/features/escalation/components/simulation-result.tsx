import { type EscalationPolicy, isValidTimeZone, localTime, type MatrixContent } from '@accord/raci';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconFlag,
  IconHourglass,
  IconMail,
  IconMessage,
  IconMessages,
  IconPhone,
  IconRouteOff,
  IconTargetArrow,
  IconTicket,
  type Icon,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import type { SimulationEventView, SimulationView } from '../api/simulate-escalation';
import { CHANNEL_LABELS, pathScopeLabel, reviewLabel } from '../lib/describe';
import { minutesInWords } from '../lib/minutes';
import { clockInZone, formatInZone, zoneLabel } from '../lib/scenario';
import { activeIndex, timelineOf } from '../lib/timeline';

const CHANNEL_ICONS: Readonly<Record<SimulationEventView['channel'], Icon>> = {
  phone: IconPhone,
  sms: IconMessage,
  email: IconMail,
  ticket: IconTicket,
  chat: IconMessages,
};

/** What the simulation says: when, which targets, which path, then who is called at which minute. */
export function SimulationResult({
  simulation,
  policy,
  content,
  editorPath,
}: {
  simulation: SimulationView;
  policy: EscalationPolicy;
  content: MatrixContent;
  /** The policy editor's address, to open the path that ran. */
  editorPath: string;
}) {
  const zone = isValidTimeZone(simulation.timeZone) ? simulation.timeZone : 'UTC';
  const entries = timelineOf(simulation);
  const path = simulation.path ? policy.paths.find((p) => p.key === simulation.path?.key) : undefined;
  const first = simulation.firstAnswer
    ? simulation.events.find((e) => e.minute === simulation.firstAnswer?.minute && e.covering)
    : undefined;
  const sequence =
    simulation.path?.sequence === 'after_hours'
      ? 'after-hours steps'
      : path?.afterHours
        ? 'business-hours steps'
        : 'steps';

  return (
    <Stack gap="md" aria-label="Simulation result" component="section">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Title order={2} fz="h3">
              {simulation.severity.name}: '{simulation.responsibility.title}'
            </Title>
            <Badge variant="light" color={simulation.businessHours ? 'teal' : 'indigo'} tt="none" size="lg">
              {simulation.businessHours ? 'Within business hours' : 'After hours'}
            </Badge>
          </Group>
          <Text size="sm">
            Reported <strong>{formatInZone(simulation.at, zone)}</strong>{' '}
            <Text span c="dimmed" size="sm">
              ({zoneLabel(zone, simulation.at)}, the client's clock)
            </Text>
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconTargetArrow size={20} aria-hidden />
                <div>
                  <Text size="sm" fw={600}>
                    Respond within {minutesInWords(simulation.targets.responseMinutes)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    by {formatInZone(simulation.targets.respondBy, zone)}
                  </Text>
                </div>
              </Group>
            </Paper>
            <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconFlag size={20} aria-hidden />
                <div>
                  <Text size="sm" fw={600}>
                    Resolve within {minutesInWords(simulation.targets.resolutionMinutes)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    by {formatInZone(simulation.targets.resolveBy, zone)}
                  </Text>
                </div>
              </Group>
            </Paper>
          </SimpleGrid>
          {simulation.path ? (
            <Text size="sm">
              Path{' '}
              <Anchor component={Link} to={`${editorPath}?section=paths`} size="sm" fw={600}>
                {path ? pathScopeLabel(path, content) : simulation.path.key}
              </Anchor>{' '}
              ({simulation.path.scope === 'responsibility' ? "the responsibility's own path" : 'its category’s path'}),
              running its {sequence}.{' '}
              <Badge variant="light" color={path?.review ? 'green' : 'orange'} tt="none" component="span">
                {reviewLabel(path?.review ?? null)}
              </Badge>
            </Text>
          ) : null}
        </Stack>
      </Paper>

      {simulation.dry ? (
        <Alert
          variant="filled"
          color="red"
          icon={<IconRouteOff aria-hidden />}
          title={simulation.path ? 'The path runs dry: nobody on duty is reached' : 'No escalation path applies'}
          role="alert"
        >
          {simulation.dry.message}
        </Alert>
      ) : first ? (
        <Alert variant="light" color="green" title="Someone on duty answers" role="status">
          {first.contactName ?? first.partyName} ({first.partyName}) is called at minute {first.minute},{' '}
          {clockInZone(first.at, zone, simulation.at)}, by {CHANNEL_LABELS[first.channel].toLowerCase()}
          {first.withinResponseTarget ? ', within the response target.' : ', after the response target.'}
        </Alert>
      ) : null}

      {simulation.warnings.length > 0 ? (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle aria-hidden />} title="Worth knowing">
          <List size="sm" spacing={4}>
            {simulation.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {simulation.events.length > 0 ? (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="timeline-title">
          <Title order={3} fz="h4" id="timeline-title" mb="md">
            Who is called when, if nobody answers
          </Title>
          <Timeline active={activeIndex(entries)} bulletSize={28} lineWidth={2} aria-label="Escalation timeline">
            {entries.map((entry) => {
              const clock = clockInZone(
                entry.kind === 'call'
                  ? entry.event.at
                  : entry.kind === 'dry'
                    ? addMinutes(simulation.at, entry.minute)
                    : entry.at,
                zone,
                simulation.at,
              );
              if (entry.kind === 'call')
                return <CallItem key={`call-${entry.index}`} entry={entry} clock={clock} zone={zone} />;
              if (entry.kind === 'dry') {
                return (
                  <Timeline.Item
                    key="dry"
                    bullet={<IconRouteOff size={16} aria-hidden />}
                    color="red"
                    title={`Minute ${entry.minute} · ${clock}: the path runs dry`}
                  >
                    <Text size="sm" c="dimmed">
                      Every step has been tried without reaching anyone on duty.
                    </Text>
                  </Timeline.Item>
                );
              }
              return (
                <Timeline.Item
                  key={entry.kind}
                  bullet={
                    entry.kind === 'respond_by' ? (
                      <IconTargetArrow size={16} aria-hidden />
                    ) : (
                      <IconHourglass size={16} aria-hidden />
                    )
                  }
                  color="orange"
                  lineVariant="dashed"
                  title={`Minute ${entry.minute} · ${clock}: ${entry.kind === 'respond_by' ? 'response target' : 'resolution target'}`}
                >
                  <Text size="sm" c="dimmed">
                    {entry.kind === 'respond_by'
                      ? 'Someone must have answered by now.'
                      : 'The problem must be fixed or worked around by now.'}
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
        </Paper>
      ) : null}
    </Stack>
  );
}

function addMinutes(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();
}

function CallItem({
  entry,
  clock,
  zone,
}: {
  entry: Extract<ReturnType<typeof timelineOf>[number], { kind: 'call' }>;
  clock: string;
  zone: string;
}) {
  const { event } = entry;
  const ChannelIcon = CHANNEL_ICONS[event.channel];
  const who = event.contactName ?? event.partyName;
  // The party keeps its own clock; say so when it differs from the client's.
  const theirClock = event.partyLocalTime !== localTime(zone, event.at) ? event.partyLocalTime : null;
  return (
    <Timeline.Item
      bullet={
        <ThemeIcon
          size={28}
          radius="xl"
          color={event.covering ? 'green' : 'gray'}
          variant={event.covering ? 'filled' : 'light'}
          aria-hidden
        >
          <ChannelIcon size={16} />
        </ThemeIcon>
      }
      color={event.covering ? 'green' : 'gray'}
      title={
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            Minute {event.minute} · {clock}
          </Text>
          <Text size="sm">
            {who}
            {event.contactName ? (
              <Text span c="dimmed" size="sm">
                {' '}
                ({event.partyName})
              </Text>
            ) : null}
          </Text>
        </Group>
      }
    >
      <Group gap={6} mt={4} wrap="wrap">
        <Badge variant="light" color="gray" tt="none" leftSection={<ChannelIcon size={12} aria-hidden />}>
          {CHANNEL_LABELS[event.channel]}
        </Badge>
        <Badge variant={event.covering ? 'filled' : 'light'} color={event.covering ? 'green' : 'gray'} tt="none">
          {event.covering ? 'On duty' : 'Off duty'}
        </Badge>
        {entry.firstAnswer ? (
          <Badge variant="light" color="green" tt="none">
            First to answer
          </Badge>
        ) : null}
        {event.round > 0 ? (
          <Badge variant="light" color="gray" tt="none">
            Round {event.round + 1}
          </Badge>
        ) : null}
        {event.withinResponseTarget ? null : (
          <Badge variant="light" color="orange" tt="none">
            After the response target
          </Badge>
        )}
        {theirClock ? (
          <Text size="xs" c="dimmed">
            Their clock: {theirClock}
          </Text>
        ) : null}
      </Group>
    </Timeline.Item>
  );
}
