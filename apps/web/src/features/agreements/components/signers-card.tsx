import { isRole } from '@accord/raci';
import { Badge, Card, Group, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { RoleBadge } from '../../../components/role-badge';
import { formatDateTime, formatRelativeTime } from '../../../lib/format';
import type { Version } from '../api/get-version';
import { signerProgress, signingRolesLabel } from '../lib/signers';

const DECISION_LOOK = {
  signed: { label: 'Signed', color: 'green' },
  rejected: { label: 'Rejected', color: 'red' },
} as const;

/** The parties required to sign, and each one's answer: who, in which role, when, from where. */
export function SignersCard({ version }: { version: Version }) {
  const progress = signerProgress(version.signers);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="signers-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h3" id="signers-heading">
            Signatures
          </Title>
          <Text size="sm" fw={600} data-testid="signer-progress">
            {progress.label}
          </Text>
        </Group>
        <Progress
          value={progress.percent}
          color={progress.rejected > 0 ? 'red' : progress.signed === progress.total ? 'green' : 'yellow'}
          size="sm"
          aria-label={progress.label}
        />
        <Stack
          gap="sm"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="Parties required to sign"
        >
          {version.signers.map((signer) => {
            const signature = version.signatures.find((s) => s.partyKey === signer.partyKey);
            const look = signer.decision ? DECISION_LOOK[signer.decision] : null;
            return (
              <Stack
                key={signer.partyKey}
                gap={4}
                component="li"
                aria-label={signer.partyName}
                data-party={signer.partyKey}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {signer.partyName}
                  </Text>
                  {look ? (
                    <Badge color={look.color} variant="light" tt="none">
                      {look.label}
                    </Badge>
                  ) : (
                    <Badge color={version.status === 'pending' ? 'yellow' : 'gray'} variant="outline" tt="none">
                      {version.status === 'pending' ? 'Waiting' : 'Did not sign'}
                    </Badge>
                  )}
                </Group>
                {signature ? (
                  <>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm">{signature.user.name}</Text>
                      {isRole(signature.role) ? <RoleBadge role={signature.role} /> : null}
                    </Group>
                    <Tooltip label={formatDateTime(signature.at)} withArrow>
                      <Text size="xs" c="dimmed" component="time" dateTime={signature.at} tabIndex={0}>
                        {formatDateTime(signature.at)} · {formatRelativeTime(signature.at)}
                      </Text>
                    </Tooltip>
                    {signature.ip ? (
                      <Text size="xs" c="dimmed">
                        From {signature.ip}
                      </Text>
                    ) : null}
                    {signature.reason ? (
                      <Text size="sm" c="red.8">
                        Reason: {signature.reason}
                      </Text>
                    ) : null}
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    Signed by: {signingRolesLabel(signer.kind)}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}
