import { Badge, Tooltip } from '@mantine/core';
import { IN_EFFECT_LOOK, versionStatusLook } from '../lib/version-status';

/** A version's status in its one colour everywhere: pending yellow, approved green, rejected red, superseded gray. */
export function VersionStatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const look = versionStatusLook(status);
  return (
    <Tooltip label={look.description} disabled={!look.description} withArrow multiline maw={280}>
      <Badge color={look.color} variant="light" tt="none" size={size} data-status={status}>
        {look.label}
      </Badge>
    </Tooltip>
  );
}

/** The agreement that holds now: the latest approved version. */
export function InEffectBadge({ size = 'md' }: { size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Tooltip label={IN_EFFECT_LOOK.description} withArrow multiline maw={280}>
      <Badge color={IN_EFFECT_LOOK.color} variant="filled" tt="none" size={size}>
        {IN_EFFECT_LOOK.label}
      </Badge>
    </Tooltip>
  );
}
