import { Badge } from '@mantine/core';
import { isClientRole, ROLE_LABELS, type Role } from '@accord/raci';

/** A role as its label; MSP roles in the brand colour, client roles in teal. */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge
      variant="light"
      color={isClientRole(role) ? 'teal' : 'accord'}
      tt="none"
      fw={600}
      radius="sm"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {ROLE_LABELS[role]}
    </Badge>
  );
}
