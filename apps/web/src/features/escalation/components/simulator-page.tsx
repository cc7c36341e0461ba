import { CATEGORIES, isValidTimeZone, type MatrixContent } from '@accord/raci';
import {
  Anchor,
  Button,
  CopyButton,
  Group,
  LoadingOverlay,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconLink, IconPlayerPlay, IconRoute } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api/api-error';
import { matrixPath } from '../../../lib/auth/paths';
import { useWorkspace } from '../../../lib/auth/workspace-context';
import { useMatrix } from '../../matrices/api/get-matrix';
import { useMatrixEvents } from '../../matrices/hooks/use-matrix-events';
import { type EscalationPolicyView, useEscalationPolicy } from '../api/get-escalation-policy';
import { useSimulation } from '../api/simulate-escalation';
import { escalationPolicyPath } from '../lib/paths';
import { escalationContentOf } from '../lib/policy-content';
import {
  defaultScenarioInstant,
  formatInZone,
  isSkippedLocalTime,
  type LocalInstant,
  localToIso,
  nextLocalOccurrence,
  readScenario,
  SCENARIO_PRESETS,
  scenarioSearch,
  zoneLabel,
} from '../lib/scenario';
import { SimulationResult } from './simulation-result';

/** "/w/:ws/matrices/:matrixId/escalation/simulate": loads the matrix and policy, then the simulator. */
export function SimulatorPage({ matrixId }: { matrixId: string }) {
  const { workspaceId } = useWorkspace();
  const matrix = useMatrix(workspaceId, matrixId);
  const policy = useEscalationPolicy(workspaceId, matrixId);
  useMatrixEvents(workspaceId, matrixId);

  const failed = matrix.error ?? policy.error;
  if (failed) {
    const notFound = failed instanceof ApiError && failed.statusCode === 404;
    return (
      <ErrorAlert
        error={failed}
        title={notFound ? 'This matrix does not exist, or you cannot see it' : 'Could not load the escalation policy'}
        onRetry={notFound ? undefined : () => void Promise.all([matrix.refetch(), policy.refetch()])}
      />
    );
  }
  if (!matrix.data || !policy.data) {
    return (
      <Stack gap="lg" aria-busy aria-label="Loading the simulator…">
        <Skeleton height={20} width={200} />
        <Skeleton height={48} width={420} />
        <Skeleton height={220} />
      </Stack>
    );
  }
  return (
    <Simulator
      matrixId={matrixId}
      matrixName={matrix.data.name}
      content={escalationContentOf(matrix.data)}
      view={policy.data}
    />
  );
}

function rowOptions(content: MatrixContent) {
  return CATEGORIES.map((category) => ({
    group: category.label,
    items: content.responsibilities
      .filter((row) => row.category === category.key)
      .map((row) => ({ value: row.key, label: row.critical ? `${row.title} (critical)` : row.title })),
  })).filter((group) => group.items.length > 0);
}

function Simulator({
  matrixId,
  matrixName,
  content,
  view,
}: {
  matrixId: string;
  matrixName: string;
  content: MatrixContent;
  view: EscalationPolicyView;
}) {
  const { workspaceId } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const policy = view.policy;
  const zone = isValidTimeZone(policy.businessHours.timeZone) ? policy.businessHours.timeZone : 'UTC';
  const scenario = readScenario(params, zone);
  const search = params.toString();
  const editorPath = escalationPolicyPath(workspaceId, matrixId);

  // The scenario in the address is what runs; the form edits a copy until "Run".
  const at = scenario.at ? localToIso(scenario.at, zone) : null;
  const input =
    scenario.row && scenario.severity && at
      ? { responsibilityKey: scenario.row, severity: scenario.severity, at }
      : null;
  const simulation = useSimulation(workspaceId, matrixId, input);

  return (
    <Stack gap="lg">
      <title>{`Escalation simulator · ${matrixName} · Accord`}</title>
      <Group gap="md">
        <Anchor component={Link} to={matrixPath(workspaceId, matrixId)} size="sm">
          ← Back to {matrixName}
        </Anchor>
        <Anchor component={Link} to={editorPath} size="sm">
          Escalation policy
        </Anchor>
      </Group>
      <PageHeader
        title="Escalation simulator"
        description={
          <>
            <Text span fw={600} c="var(--mantine-color-text)">
              {matrixName}
            </Text>
            . Who is called, in what order and by when, for a problem at a moment you choose. It runs the saved policy
            {view.version === 0 ? ' (the default, not saved yet)' : ` (version ${view.version})`} and changes nothing.
          </>
        }
      />
      {/* Keyed by the address: back and forward put the form back to the scenario shown. */}
      <ScenarioForm
        key={search}
        content={content}
        view={view}
        zone={zone}
        initial={scenario}
        onRun={(next) => setParams(scenarioSearch(next))}
        running={simulation.isFetching}
      />

      {input === null ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={IconRoute}
            title="Ask a question"
            description="Choose a responsibility, a severity and a moment, then run the simulation, for example a P1 security incident at 02:00 on a Sunday."
          />
        </Paper>
      ) : simulation.isError ? (
        <ErrorAlert
          error={simulation.error}
          title="The simulation did not run"
          onRetry={() => void simulation.refetch()}
        />
      ) : simulation.data ? (
        <div style={{ position: 'relative' }}>
          <LoadingOverlay visible={simulation.isFetching} overlayProps={{ blur: 1 }} zIndex={2} />
          <Stack gap="sm">
            <Group justify="flex-end">
              <CopyButton value={window.location.href}>
                {({ copied, copy }) => (
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={copy}
                    leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconLink size={14} aria-hidden />}
                  >
                    {copied ? 'Link copied' : 'Copy a link to this scenario'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <SimulationResult simulation={simulation.data} policy={policy} content={content} editorPath={editorPath} />
          </Stack>
        </div>
      ) : (
        <Skeleton height={320} aria-label="Running the simulation…" />
      )}
    </Stack>
  );
}

function ScenarioForm({
  content,
  view,
  zone,
  initial,
  onRun,
  running,
}: {
  content: MatrixContent;
  view: EscalationPolicyView;
  zone: string;
  initial: ReturnType<typeof readScenario>;
  onRun: (scenario: { row: string; severity: string; at: LocalInstant }) => void;
  running: boolean;
}) {
  const severities = view.policy.severities;
  const [row, setRow] = useState<string | null>(() =>
    initial.row && content.responsibilities.some((r) => r.key === initial.row) ? initial.row : null,
  );
  const [severity, setSeverity] = useState<string | null>(
    () =>
      (initial.severity && severities.some((s) => s.key === initial.severity)
        ? initial.severity
        : severities[0]?.key) ?? null,
  );
  const [at, setAt] = useState<LocalInstant>(() => initial.at ?? defaultScenarioInstant(new Date(), zone));
  const [tried, setTried] = useState(false);

  const iso = localToIso(at, zone);
  const chosenSeverity = severities.find((s) => s.key === severity);
  const errors = {
    row: row ? undefined : 'Choose the responsibility the problem is about',
    severity: severity ? undefined : 'Choose a severity',
    date: iso ? undefined : 'Enter a date and a time',
  };
  const unknownRow = initial.row && !content.responsibilities.some((r) => r.key === initial.row);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (row && severity && iso) onRun({ row, severity, at });
  };

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} aria-label="Scenario" noValidate>
      <Stack gap="md">
        {unknownRow ? (
          <Text size="sm" c="red">
            The linked responsibility '{initial.row}' is not in this matrix any more. Choose another one.
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Select
            label="Responsibility"
            placeholder="Search the matrix, e.g. security incident"
            data={rowOptions(content)}
            value={row}
            onChange={setRow}
            searchable
            nothingFoundMessage="No responsibility matches"
            maxDropdownHeight={340}
            error={tried ? errors.row : undefined}
            required
          />
          <Select
            label="Severity"
            data={severities.map((s) => ({ value: s.key, label: s.name || s.key }))}
            value={severity}
            onChange={setSeverity}
            allowDeselect={false}
            error={tried ? errors.severity : undefined}
            description={chosenSeverity?.criteria ? truncate(chosenSeverity.criteria, 160) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
          />
        </SimpleGrid>
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label="Date"
            value={at.date}
            onChange={(event) => {
              const date = event.currentTarget.value;
              setAt((current) => ({ ...current, date }));
            }}
            error={tried && !iso ? errors.date : undefined}
            required
            w={180}
          />
          <TextInput
            type="time"
            label="Time"
            value={at.time}
            onChange={(event) => {
              const time = event.currentTarget.value;
              setAt((current) => ({ ...current, time }));
            }}
            required
            w={140}
          />
          <Stack gap={4} pt={{ base: 0, sm: 26 }}>
            <Text size="sm">{iso ? <strong>{formatInZone(iso, zone)}</strong> : 'Choose a date and a time'}</Text>
            <Text size="xs" c="dimmed">
              On the client's clock: {zoneLabel(zone, iso ?? undefined)}
            </Text>
            {isSkippedLocalTime(at, zone) ? (
              <Text size="xs" c="orange.8">
                The clocks skip {at.time} that day (daylight saving starts), so the simulation reads it as{' '}
                {iso ? formatInZone(iso, zone).split(', ').at(-1) : 'the next hour'}.
              </Text>
            ) : null}
          </Stack>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            Quick picks:
          </Text>
          {SCENARIO_PRESETS.map((preset) => (
            <Button
              key={preset.label}
              variant="light"
              size="xs"
              onClick={() => setAt(nextLocalOccurrence(new Date(), zone, preset.weekday, preset.time))}
              aria-label={`Next ${preset.label}`}
            >
              {preset.label}
            </Button>
          ))}
        </Group>
        <Group>
          <Button type="submit" leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={running}>
            Run simulation
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
