import { type EscalationPolicy, PARTY_KIND_LABELS, type PartyCoverage } from '@accord/raci';
import { Alert, Badge, Button, Group, Input, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { scheduleSummary } from '../lib/describe';
import { fieldId } from '../lib/field-errors';
import { newCoverage } from '../lib/policy-edit';
import { usePolicyEditor } from './editor-context';
import { ScheduleEditor } from './schedule-editor';

/** The client's business hours, then when each party of the matrix is on duty. */
export function HoursSection({ policy }: { policy: EscalationPolicy }) {
  const { content, update, readOnly, problems } = usePolicyEditor();
  const partyKeys = new Set(content.parties.map((p) => p.key));
  const strays = policy.coverage
    .map((coverage, index) => ({ coverage, index }))
    .filter(({ coverage }) => !partyKeys.has(coverage.partyKey));

  const updateCoverage = (partyKey: string, change: (coverage: PartyCoverage) => PartyCoverage) =>
    update((p) => ({ ...p, coverage: p.coverage.map((c) => (c.partyKey === partyKey ? change(c) : c)) }));

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="business-hours-title">
        <Stack gap="md">
          <div>
            <Title order={3} fz="h4" id="business-hours-title">
              Business hours of the client
            </Title>
            <Text size="sm" c="dimmed">
              Outside these hours (and on holidays) the after-hours targets and after-hours steps apply. The simulator
              reads times on this clock. Now: {scheduleSummary(policy.businessHours)}.
            </Text>
          </div>
          <ScheduleEditor
            field="businessHours"
            name="Business hours"
            schedule={policy.businessHours}
            onChange={(change) => update((p) => ({ ...p, businessHours: change(p.businessHours) }))}
          />
        </Stack>
      </Paper>

      <Title order={3} fz="h4" mt="sm">
        When each party is on duty
      </Title>
      {content.parties.map((party) => {
        const index = policy.coverage.findIndex((c) => c.partyKey === party.key);
        const coverage = policy.coverage[index];
        const titleId = `coverage-title-${party.key}`;
        return (
          <Paper key={party.key} withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
            <Stack gap="md">
              <Group justify="space-between" align="flex-start">
                <div>
                  <Group gap="xs">
                    <Title order={4} fz="h5" id={titleId}>
                      {party.name}
                    </Title>
                    <Badge variant="light" color="gray" tt="none">
                      {PARTY_KIND_LABELS[party.kind]}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {coverage ? scheduleSummary(coverage) : 'No coverage hours'}
                  </Text>
                </div>
              </Group>
              {coverage ? (
                <>
                  {problems.at(`coverage.${index}.partyKey`) ? (
                    <Input.Error>{problems.at(`coverage.${index}.partyKey`)}</Input.Error>
                  ) : null}
                  <ScheduleEditor
                    field={`coverage.${index}`}
                    name={party.name}
                    schedule={coverage}
                    onChange={(change) => updateCoverage(party.key, change)}
                  />
                </>
              ) : (
                <Alert variant="light" color="yellow" icon={<IconClockOff size={18} aria-hidden />}>
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">
                      The policy does not say when {party.name} answers, so the simulator and the gap report treat them
                      as never on duty.
                    </Text>
                    {readOnly ? null : (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} aria-hidden />}
                        onClick={() =>
                          update((p) =>
                            p.coverage.some((c) => c.partyKey === party.key)
                              ? p
                              : { ...p, coverage: [...p.coverage, newCoverage(party.key, p.businessHours.timeZone)] },
                          )
                        }
                      >
                        Add hours for {party.name}
                      </Button>
                    )}
                  </Stack>
                </Alert>
              )}
            </Stack>
          </Paper>
        );
      })}

      {strays.length > 0 ? (
        <Alert variant="light" color="red" title="Hours of parties that are no longer in the matrix">
          <Stack gap="xs">
            {strays.map(({ coverage, index }) => (
              <Group key={`${coverage.partyKey}-${index}`} justify="space-between" id={fieldId(`coverage.${index}`)}>
                <Text size="sm">
                  '{coverage.partyKey}': {scheduleSummary(coverage)}
                </Text>
                {readOnly ? null : (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() =>
                      update((p) => ({ ...p, coverage: p.coverage.filter((c) => c.partyKey !== coverage.partyKey) }))
                    }
                  >
                    Remove
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
