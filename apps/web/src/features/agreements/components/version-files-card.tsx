import { Button, Card, Code, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFileCertificate, IconJson } from '@tabler/icons-react';
import { certificateUrl, exportJsonUrl } from '../api/version-files';

/** The certificate (approved versions only) and the JSON export, with how to check it offline. */
export function VersionFilesCard({
  workspaceId,
  matrixId,
  number,
  status,
}: {
  workspaceId: string;
  matrixId: string;
  number: number;
  status: string;
}) {
  const approved = status === 'approved';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="files-heading">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="files-heading">
          Proof
        </Title>
        <Tooltip label="Only an approved version has a certificate." disabled={approved} withArrow>
          <span style={{ display: 'block' }} tabIndex={approved ? -1 : 0}>
            {approved ? (
              <Button
                component="a"
                href={certificateUrl(workspaceId, matrixId, number)}
                download
                fullWidth
                leftSection={<IconFileCertificate size={16} aria-hidden />}
              >
                Download certificate (PDF)
              </Button>
            ) : (
              <Button fullWidth disabled leftSection={<IconFileCertificate size={16} aria-hidden />}>
                Download certificate (PDF)
              </Button>
            )}
          </span>
        </Tooltip>
        <Button
          component="a"
          href={exportJsonUrl(workspaceId, matrixId, number)}
          download
          variant="default"
          fullWidth
          leftSection={<IconJson size={16} aria-hidden />}
        >
          Download JSON export
        </Button>
        <Text size="xs" c="dimmed">
          How to verify: the JSON export holds the snapshot, its SHA-256 and the signatures. In a copy of Accord, run{' '}
          <Code fz="xs">npm run verify-version -- file.json</Code>: it recomputes the hash with libs/raci and prints OK,
          or the hash it found instead. The hash must equal the one shown here and on the certificate.
        </Text>
      </Stack>
    </Card>
  );
}
