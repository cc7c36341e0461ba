import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { hashGroups } from '../lib/hash';

/** A version's SHA-256 in monospace, in groups of eight to compare by eye, with a copy button. */
export function HashCode({ hash, label = 'SHA-256' }: { hash: string; label?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code
        block
        fz="sm"
        style={{ flex: 1, whiteSpace: 'normal', lineHeight: 1.6 }}
        data-testid="version-hash"
        data-hash={hash}
        aria-label={`${label} ${hash}`}
      >
        {/* Groups wrap as wholes, so a line never splits one. */}
        {hashGroups(hash).map((group, index) => (
          <span key={index} style={{ display: 'inline-block', marginRight: '0.6ch' }}>
            {group}
          </span>
        ))}
      </Code>
      <CopyButton value={hash} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy the ${label}`} withArrow>
            <ActionIcon
              variant="light"
              color={copied ? 'green' : 'gray'}
              onClick={copy}
              aria-label={`Copy the ${label}`}
              size="lg"
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
