import { type Action, can, type Role } from '@accord/raci';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Me, Membership } from './session';

/** The workspace the page works in (from the URL) and what the signed-in person may do there. */
export interface CurrentWorkspace {
  workspaceId: string;
  workspaceName: string;
  membership: Membership;
  role: Role;
  /** The client of a client role; null for MSP roles. */
  clientId: string | null;
  clientName: string | null;
  user: Me['user'];
  can: (action: Action) => boolean;
}

const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

export function WorkspaceProvider({
  me,
  membership,
  children,
}: {
  me: Me;
  membership: Membership;
  children: ReactNode;
}) {
  const value = useMemo<CurrentWorkspace>(
    () => ({
      workspaceId: membership.workspaceId,
      workspaceName: membership.workspaceName,
      membership,
      role: membership.role,
      clientId: membership.clientId,
      clientName: membership.clientName,
      user: me.user,
      can: (action) => can(membership.role, action),
    }),
    [me.user, membership],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The current workspace; only pages under the signed-in workspace shell may ask. */
export function useWorkspace(): CurrentWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() is used outside the workspace shell (/w/:ws).');
  return workspace;
}
