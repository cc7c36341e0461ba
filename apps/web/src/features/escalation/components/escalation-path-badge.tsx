import { type EscalationPolicy, pathFor } from '@accord/raci';
import { Badge, Tooltip } from '@mantine/core';
import { IconCircleDashed, IconRoute, IconRouteOff } from '@tabler/icons-react';
import { pathScopeLabel, reviewLabel, sequenceSummary } from '../lib/describe';

/**
 * The escalation path a row takes at the policy's first severity (usually P1), for the matrix
 * grid: the path's scope with an "unreviewed" mark when the MSP has not reviewed it, "No path" on a
 * critical row that has none, and nothing on other rows without one. The tooltip tells who is
 * called in which order.
 *
 * `row` takes the API's ResponsibilityView as it is (its `key` and `category`); `parties`, when
 * given, lets the tooltip use party names instead of keys.
 */
export function EscalationPathBadge({
  policy,
  row,
  parties = [],
}: {
  policy: EscalationPolicy;
  row: { key: string; category: string; critical: boolean };
  parties?: readonly { key: string; name: string }[];
}) {
  const severity = policy.severities[0];
  if (!severity) return null;
  const path = pathFor(policy, row, severity.key);
  const content = {
    model: 'custom' as const,
    parties: parties.map((p) => ({ key: p.key, name: p.name, kind: 'custom' as const, requiredToSign: false })),
    responsibilities: [],
  };
  if (path === null) {
    if (!row.critical) return null;
    return (
      <Tooltip
        label={`Critical, and no escalation path covers it at ${severity.name}: nobody would be called.`}
        multiline
        w={260}
      >
        <Badge
          color="red"
          variant="light"
          tt="none"
          size="sm"
          leftSection={<IconRouteOff size={12} aria-hidden />}
          aria-label={`No escalation path at ${severity.name}`}
        >
          No path
        </Badge>
      </Tooltip>
    );
  }
  const reviewed = path.review !== null;
  const scope = path.responsibilityKey !== null ? 'Own path' : `${pathScopeLabel(path, content)} path`;
  const label = `${scope}${reviewed ? '' : ', not reviewed'}`;
  return (
    <Tooltip
      label={`${severity.name}: ${sequenceSummary(path, policy, content)}${path.afterHours ? ' (own steps after hours)' : ''}. ${reviewLabel(path.review)}.`}
      multiline
      w={320}
    >
      <Badge
        color={reviewed ? 'gray' : 'orange'}
        variant="light"
        tt="none"
        size="sm"
        leftSection={reviewed ? <IconRoute size={12} aria-hidden /> : <IconCircleDashed size={12} aria-hidden />}
        aria-label={`Escalation path: ${label}`}
      >
        {scope}
        {reviewed ? null : ' · unreviewed'}
      </Badge>
    </Tooltip>
  );
}
