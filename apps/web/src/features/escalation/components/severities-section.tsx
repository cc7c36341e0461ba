import { ESCALATION_LIMITS, type EscalationPolicy, type SeverityLevel } from '@accord/raci';
import { ActionIcon, Button, Code, Group, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { fieldId } from '../lib/field-errors';
import { newSeverity, pathsUsingSeverity } from '../lib/policy-edit';
import { usePolicyEditor } from './editor-context';
import { MinutesInput } from './minutes-input';

type TargetField = 'businessHours' | 'afterHours';
type TargetKind = 'responseMinutes' | 'resolutionMinutes';

/** The severity levels: what each means in plain words, and how fast it must be answered and solved. */
export function SeveritiesSection({ policy }: { policy: EscalationPolicy }) {
  const { update, readOnly, problems } = usePolicyEditor();

  const change = (key: string, edit: (severity: SeverityLevel) => SeverityLevel) =>
    update((p) => ({ ...p, severities: p.severities.map((s) => (s.key === key ? edit(s) : s)) }));

  const target = (severity: SeverityLevel, index: number, when: TargetField, kind: TargetKind) => {
    const field = `severities.${index}.${when}.${kind}`;
    const words = `${kind === 'responseMinutes' ? 'Response' : 'Resolution'} ${when === 'businessHours' ? 'in business hours' : 'after hours'}`;
    return (
      <MinutesInput
        id={fieldId(field)}
        label={`${words}, ${severity.name || severity.key}`}
        hideLabel
        value={severity[when][kind]}
        onChange={(minutes) => change(severity.key, (s) => ({ ...s, [when]: { ...s[when], [kind]: minutes } }))}
        error={problems.at(field)}
        readOnly={readOnly}
        w={150}
      />
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        Targets count from the moment a problem is reported: respond (someone answers) and resolve (the problem is fixed
        or worked around). Business-hours targets apply within the client's business hours, after-hours targets outside
        them.
      </Text>
      <Table.ScrollContainer minWidth={1120}>
        <Table verticalSpacing="sm" aria-label="Severity levels" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2} w={200}>
                Severity
              </Table.Th>
              <Table.Th rowSpan={2}>What qualifies</Table.Th>
              <Table.Th colSpan={2} ta="center">
                Business hours
              </Table.Th>
              <Table.Th colSpan={2} ta="center">
                After hours
              </Table.Th>
              {readOnly ? null : <Table.Th rowSpan={2} w={48} aria-label="Actions" />}
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Respond within</Table.Th>
              <Table.Th>Resolve within</Table.Th>
              <Table.Th>Respond within</Table.Th>
              <Table.Th>Resolve within</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policy.severities.map((severity, index) => {
              const users = pathsUsingSeverity(policy, severity.key);
              return (
                <Table.Tr key={severity.key} id={fieldId(`severities.${index}`)}>
                  <Table.Td valign="top">
                    <Stack gap={4}>
                      <TextInput
                        id={fieldId(`severities.${index}.name`)}
                        aria-label={`Name of severity ${severity.key}`}
                        value={severity.name}
                        onChange={(event) => {
                          const name = event.currentTarget.value;
                          change(severity.key, (s) => ({ ...s, name }));
                        }}
                        error={problems.at(`severities.${index}.name`) ?? problems.at(`severities.${index}.key`)}
                        readOnly={readOnly}
                        miw={170}
                      />
                      <Text size="xs" c="dimmed">
                        Key <Code fz="xs">{severity.key}</Code>
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td valign="top">
                    <Textarea
                      id={fieldId(`severities.${index}.criteria`)}
                      aria-label={`What qualifies as ${severity.name || severity.key}`}
                      value={severity.criteria}
                      onChange={(event) => {
                        const criteria = event.currentTarget.value;
                        change(severity.key, (s) => ({ ...s, criteria }));
                      }}
                      error={problems.at(`severities.${index}.criteria`)}
                      readOnly={readOnly}
                      autosize
                      minRows={2}
                      maxRows={8}
                      miw={220}
                    />
                  </Table.Td>
                  <Table.Td valign="top">{target(severity, index, 'businessHours', 'responseMinutes')}</Table.Td>
                  <Table.Td valign="top">{target(severity, index, 'businessHours', 'resolutionMinutes')}</Table.Td>
                  <Table.Td valign="top">{target(severity, index, 'afterHours', 'responseMinutes')}</Table.Td>
                  <Table.Td valign="top">{target(severity, index, 'afterHours', 'resolutionMinutes')}</Table.Td>
                  {readOnly ? null : (
                    <Table.Td valign="top">
                      <Tooltip
                        label={
                          users.length > 0
                            ? `Used by ${users.length} ${users.length === 1 ? 'path' : 'paths'}: take it off them first`
                            : policy.severities.length === 1
                              ? 'A policy needs at least one severity'
                              : `Remove ${severity.name || severity.key}`
                        }
                      >
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove severity ${severity.name || severity.key}`}
                          // Not `disabled`: a disabled button gets no hover, and the tooltip says why.
                          data-disabled={users.length > 0 || policy.severities.length === 1 || undefined}
                          aria-disabled={users.length > 0 || policy.severities.length === 1}
                          onClick={() => {
                            if (users.length > 0 || policy.severities.length === 1) return;
                            update((p) => ({ ...p, severities: p.severities.filter((s) => s.key !== severity.key) }));
                          }}
                          mt={4}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {readOnly ? null : (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={policy.severities.length >= ESCALATION_LIMITS.severities}
            onClick={() => update((p) => ({ ...p, severities: [...p.severities, newSeverity(p)] }))}
          >
            Add severity
          </Button>
          {policy.severities.length >= ESCALATION_LIMITS.severities ? (
            <Text size="sm" c="dimmed">
              A policy has at most {ESCALATION_LIMITS.severities} severities.
            </Text>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}
