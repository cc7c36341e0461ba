import { Container } from '@mantine/core';
import { AccessDenied } from '../../components/access-denied';
import { useClients } from '../../features/clients/api/list-clients';
import { AuditPage } from '../../features/audit/components/audit-page';
import { useMembers } from '../../features/people/api/list-members';
import type { ClientView, MemberView } from '../../lib/api/types';
import { workspacePath } from '../../lib/auth/paths';
import { useWorkspace } from '../../lib/auth/workspace-context';

const NO_CLIENTS: readonly ClientView[] = [];
const NO_MEMBERS: readonly MemberView[] = [];

/**
 * "/w/:ws/audit": composes the audit log with the names it shows for ids: clients (archived too)
 * and, when the role may read them, members (for the actor filter and member events).
 */
export function AuditRoute() {
  const workspace = useWorkspace();
  const allowed = workspace.can('audit.read');
  const readMembers = workspace.can('members.read');
  const clients = useClients(workspace.workspaceId, { includeArchived: !workspace.clientId, enabled: allowed });
  const members = useMembers(workspace.workspaceId, { enabled: allowed && readMembers });
  if (!allowed) return <AccessDenied what="the audit log" backTo={workspacePath(workspace.workspaceId)} />;
  return (
    <Container size="xl" py="xl">
      <title>Audit log · Accord</title>
      <AuditPage clients={clients.data ?? NO_CLIENTS} members={readMembers ? (members.data ?? NO_MEMBERS) : null} />
    </Container>
  );
}
