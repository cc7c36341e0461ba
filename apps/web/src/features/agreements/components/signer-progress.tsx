import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { listNames, type Signer, signerProgress } from '../lib/signers';

/** "2 of 3 signed" with a bar, and who is still to sign in the tooltip. */
export function SignerProgress({ signers, status }: { signers: readonly Signer[]; status: string }) {
  const progress = signerProgress(signers);
  const color = progress.rejected > 0 ? 'red' : progress.signed === progress.total ? 'green' : 'yellow';
  const waiting =
    progress.waitingFor.length > 0 && status === 'pending' ? `Waiting for ${listNames(progress.waitingFor)}` : null;
  return (
    <Tooltip label={waiting} disabled={!waiting} withArrow>
      <Stack gap={4} miw={120} tabIndex={waiting ? 0 : undefined}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {progress.label}
          </Text>
        </Group>
        <Progress value={progress.percent} color={color} size="sm" aria-label={progress.label} />
      </Stack>
    </Tooltip>
  );
}
