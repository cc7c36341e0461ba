import { Alert, Button, Card, Group, NumberInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUsersGroup } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { useSettings, type WorkspaceSettings } from '../api/get-settings';
import { staleSettingsOf, useUpdateSettings } from '../api/update-settings';
import { reviewIntervalMessage } from '../lib/review';

/** The workspace's review interval, for an MSP admin: how long an approved agreement holds before it is due for review. */
export function ReviewSettingsCard({ workspaceId }: { workspaceId: string }) {
  const settings = useSettings(workspaceId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="review-settings" maw={720}>
      <Stack gap="sm">
        <Title order={2} fz="h3" id="review-settings">
          Review interval
        </Title>
        {settings.isPending ? (
          <Skeleton height={60} />
        ) : settings.isError ? (
          <ErrorAlert
            error={settings.error}
            title="Could not load the settings"
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <ReviewSettingsForm key={settings.data.version} workspaceId={workspaceId} settings={settings.data} />
        )}
      </Stack>
    </Card>
  );
}

function ReviewSettingsForm({ workspaceId, settings }: { workspaceId: string; settings: WorkspaceSettings }) {
  const update = useUpdateSettings(workspaceId);
  const [value, setValue] = useState<number | string>(settings.reviewIntervalDays);
  const [error, setError] = useState<string | undefined>();
  const [stale, setStale] = useState<string | null>(null);
  const unchanged = Number(value) === settings.reviewIntervalDays;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = reviewIntervalMessage(value);
    setError(problem);
    if (problem) return;
    setStale(null);
    update.mutate(
      { reviewIntervalDays: Number(value), version: settings.version },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: `Agreements are now due for review ${saved.reviewIntervalDays} days after approval.`,
          }),
        onError: (failure) => {
          const current = staleSettingsOf(failure);
          if (current) {
            setStale(
              `Someone changed the interval to ${current.reviewIntervalDays} days meanwhile. Check it and save again.`,
            );
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Review interval">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          An approved agreement is flagged for review this many days after approval; a stale agreement is a compliance
          finding.
        </Text>
        {stale ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconUsersGroup aria-hidden />}
            title="Changed by someone else"
            role="alert"
          >
            {stale}
          </Alert>
        ) : null}
        {update.error && !staleSettingsOf(update.error) ? <ErrorAlert error={update.error} title="Not saved" /> : null}
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Days after approval"
            min={1}
            max={3650}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            w={180}
            value={value}
            onChange={(next) => {
              setValue(next);
              setError(undefined);
            }}
            error={error}
          />
          <Button type="submit" loading={update.isPending} disabled={unchanged}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
