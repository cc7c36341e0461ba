import { type Schedule, type Weekday, WEEKDAY_NAMES, WEEKDAYS } from '@accord/raci';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Input,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { fieldId } from '../lib/field-errors';
import { removeAt, replaceAt, withDayOpen, withExtraWindow, withHoliday } from '../lib/policy-edit';
import { usePolicyEditor } from './editor-context';
import { TimeZoneSelect } from './time-zone-select';

/** An end of "24:00" (midnight) is what a time input shows as 00:00; no window can end at 00:00 otherwise. */
const toEndInput = (end: string) => (end === '24:00' ? '00:00' : end);
const fromEndInput = (value: string) => (value === '00:00' ? '24:00' : value);

function holidayLabel(date: string): string {
  const value = DateTime.fromISO(date).setLocale('en-GB');
  return value.isValid ? value.toFormat('ccc d LLL yyyy') : date;
}

/**
 * When someone is on duty: a time zone, 24/7 or weekly hours per weekday (several windows a day
 * for split shifts), and holidays. Used for the client's business hours and for each party.
 * `field` is the schedule's path in the policy ("businessHours", "coverage.2").
 */
export function ScheduleEditor<S extends Schedule>({
  field,
  schedule,
  onChange,
  name,
}: {
  field: string;
  schedule: S;
  onChange: (update: (schedule: S) => S) => void;
  /** Whose hours, for labels read out of context: "Business hours", "Northwind". */
  name: string;
}) {
  const { problems, readOnly } = usePolicyEditor();
  const [holiday, setHoliday] = useState('');
  const holidayError = holiday !== '' && !DateTime.fromISO(holiday).isValid ? 'Enter a date' : undefined;

  return (
    <Stack gap="md">
      <Group align="flex-start" gap="xl" wrap="wrap">
        <TimeZoneSelect
          id={fieldId(`${field}.timeZone`)}
          value={schedule.timeZone}
          onChange={(timeZone) => onChange((s) => ({ ...s, timeZone }))}
          error={problems.at(`${field}.timeZone`)}
          readOnly={readOnly}
        />
        <Switch
          id={fieldId(`${field}.alwaysOn`)}
          mt={30}
          label="24/7"
          description="On duty around the clock, holidays too"
          checked={schedule.alwaysOn}
          disabled={readOnly}
          onChange={(event) => {
            const alwaysOn = event.currentTarget.checked;
            onChange((s) => ({ ...s, alwaysOn }));
          }}
        />
      </Group>

      {schedule.alwaysOn ? (
        <Text size="sm" c="dimmed">
          Weekly hours and holidays do not apply while 24/7 is on. They are kept for when it is switched off.
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={6} aria-label={`Weekly hours: ${name}`} id={fieldId(`${field}.weekly`)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>Day</Table.Th>
                  <Table.Th>Hours (local time; an end of 00:00 means midnight)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {WEEKDAYS.map((day: Weekday, dayIndex) => {
                  const windows = schedule.weekly
                    .map((window, index) => ({ window, index }))
                    .filter(({ window }) => window.day === day);
                  const dayName = WEEKDAY_NAMES[dayIndex] ?? day;
                  return (
                    <Table.Tr key={day}>
                      <Table.Td valign="top" pt={14}>
                        <Checkbox
                          label={dayName}
                          checked={windows.length > 0}
                          disabled={readOnly}
                          onChange={(event) => {
                            const open = event.currentTarget.checked;
                            onChange((s) => withDayOpen(s, day, open));
                          }}
                        />
                      </Table.Td>
                      <Table.Td>
                        {windows.length === 0 ? (
                          <Text size="sm" c="dimmed" py={8}>
                            Closed
                          </Text>
                        ) : (
                          <Stack gap={6}>
                            {windows.map(({ window, index }) => {
                              const at = `${field}.weekly.${index}`;
                              const error = problems.at(`${at}.start`) ?? problems.at(`${at}.end`) ?? problems.at(at);
                              return (
                                <div key={index}>
                                  <Group gap="xs" wrap="nowrap">
                                    <TextInput
                                      id={fieldId(`${at}.start`)}
                                      type="time"
                                      aria-label={`${dayName} from`}
                                      value={window.start}
                                      readOnly={readOnly}
                                      error={Boolean(problems.at(`${at}.start`))}
                                      onChange={(event) => {
                                        const start = event.currentTarget.value;
                                        onChange((s) => ({
                                          ...s,
                                          weekly: replaceAt(s.weekly, index, { ...window, start }),
                                        }));
                                      }}
                                      w={130}
                                    />
                                    <Text size="sm" aria-hidden>
                                      to
                                    </Text>
                                    <TextInput
                                      id={fieldId(`${at}.end`)}
                                      type="time"
                                      aria-label={`${dayName} to`}
                                      value={toEndInput(window.end)}
                                      readOnly={readOnly}
                                      error={Boolean(problems.at(`${at}.end`))}
                                      onChange={(event) => {
                                        const end = fromEndInput(event.currentTarget.value);
                                        onChange((s) => ({
                                          ...s,
                                          weekly: replaceAt(s.weekly, index, { ...window, end }),
                                        }));
                                      }}
                                      w={130}
                                    />
                                    {readOnly ? null : (
                                      <Tooltip label={`Remove these ${dayName} hours`}>
                                        <ActionIcon
                                          variant="subtle"
                                          color="gray"
                                          aria-label={`Remove ${dayName} ${window.start} to ${toEndInput(window.end)}`}
                                          onClick={() => onChange((s) => ({ ...s, weekly: removeAt(s.weekly, index) }))}
                                        >
                                          <IconTrash size={16} aria-hidden />
                                        </ActionIcon>
                                      </Tooltip>
                                    )}
                                  </Group>
                                  {error ? <Input.Error mt={4}>{error}</Input.Error> : null}
                                </div>
                              );
                            })}
                            {readOnly ? null : (
                              <Button
                                variant="subtle"
                                size="compact-xs"
                                leftSection={<IconPlus size={12} aria-hidden />}
                                onClick={() => onChange((s) => withExtraWindow(s, day))}
                                w="fit-content"
                                aria-label={`Add more hours on ${dayName}`}
                              >
                                Add hours
                              </Button>
                            )}
                          </Stack>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {problems.at(`${field}.weekly`) ? <Input.Error>{problems.at(`${field}.weekly`)}</Input.Error> : null}

          <Stack gap={6} id={fieldId(`${field}.holidays`)}>
            <Text size="sm" fw={500}>
              Holidays (no cover all day)
            </Text>
            {schedule.holidays.length === 0 ? (
              <Text size="sm" c="dimmed">
                No holidays.
              </Text>
            ) : (
              <Group gap={6} wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {schedule.holidays.map((date, index) => {
                  const error = problems.at(`${field}.holidays.${index}`);
                  return (
                    <li key={`${date}-${index}`}>
                      <Badge
                        variant="light"
                        color={error ? 'red' : 'gray'}
                        tt="none"
                        size="lg"
                        title={error}
                        rightSection={
                          readOnly ? null : (
                            <CloseButton
                              size="xs"
                              aria-label={`Remove the holiday ${holidayLabel(date)}`}
                              onClick={() => onChange((s) => ({ ...s, holidays: removeAt(s.holidays, index) }))}
                            />
                          )
                        }
                      >
                        {holidayLabel(date)}
                      </Badge>
                    </li>
                  );
                })}
              </Group>
            )}
            {schedule.holidays.some((_, i) => problems.at(`${field}.holidays.${i}`)) ? (
              <Input.Error>
                {schedule.holidays.map((_, i) => problems.at(`${field}.holidays.${i}`)).find(Boolean)}
              </Input.Error>
            ) : null}
            {readOnly ? null : (
              <Group gap="xs" align="flex-start">
                <TextInput
                  type="date"
                  aria-label={`New holiday of ${name}`}
                  value={holiday}
                  onChange={(event) => setHoliday(event.currentTarget.value)}
                  error={holidayError}
                  w={180}
                />
                <Button
                  variant="default"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={holiday === '' || holidayError !== undefined}
                  onClick={() => {
                    const date = holiday;
                    onChange((s) => withHoliday(s, date));
                    setHoliday('');
                  }}
                >
                  Add holiday
                </Button>
              </Group>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
