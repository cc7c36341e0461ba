import { type Action, can, type Role } from '@accord/raci';
import {
  IconBuildingSkyscraper,
  IconGauge,
  IconHome,
  IconLayoutGrid,
  IconListDetails,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { clientMatricesPath, type WorkspaceSection, workspacePath } from '../../lib/auth/paths';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
  /** Active only on this exact path (for "/"), not on paths below it. */
  end?: boolean;
}

export const homeNavItem: NavItem = { label: 'Home', to: '/', icon: IconHome, end: true };

interface WorkspacePage {
  section: WorkspaceSection;
  label: string;
  icon: Icon;
  /** Shown only to roles that may do this (the @accord/raci permission table). */
  requires: Action;
}

/** The pages of a workspace, in navbar order. */
export const WORKSPACE_PAGES: readonly WorkspacePage[] = [
  { section: 'dashboard', label: 'Dashboard', icon: IconGauge, requires: 'matrix.read' },
  { section: 'clients', label: 'Clients', icon: IconBuildingSkyscraper, requires: 'clients.read' },
  { section: 'people', label: 'People', icon: IconUsers, requires: 'members.read' },
  { section: 'audit', label: 'Audit log', icon: IconListDetails, requires: 'audit.read' },
];

/**
 * The pages of workspace `workspaceId` that `role` may open. A client user (`clientId` set) also
 * gets a "Matrix" link straight to their company's matrices, right after "Clients".
 */
export function workspaceNavigation(workspaceId: string, role: Role, clientId: string | null = null): NavItem[] {
  const allowed = WORKSPACE_PAGES.filter((page) => can(role, page.requires));
  const pages: NavItem[] = allowed.map(({ section, label, icon }) => ({
    label,
    icon,
    to: workspacePath(workspaceId, section),
  }));
  if (clientId !== null && can(role, 'matrix.read')) {
    const clients = allowed.findIndex((page) => page.section === 'clients');
    pages.splice(clients + 1, 0, {
      label: 'Matrix',
      icon: IconLayoutGrid,
      to: clientMatricesPath(workspaceId, clientId),
    });
  }
  return pages;
}

/** Whether `role` may open a section; a section it may not is neither linked nor shown. */
export function canOpenSection(role: Role, section: WorkspaceSection): boolean {
  const page = WORKSPACE_PAGES.find((candidate) => candidate.section === section);
  return page !== undefined && can(role, page.requires);
}
