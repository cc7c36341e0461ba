import { IconHome, type Icon } from '@tabler/icons-react';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
  /** Active only on this exact path (for "/"), not on paths below it. */
  end?: boolean;
}

/**
 * The navbar's links. Only pages that exist are listed: Clients, People and Audit log join this
 * list when their routes land (they live under the signed-in, workspace-scoped shell and are
 * shown only to roles that may open them).
 */
export const primaryNavigation: readonly NavItem[] = [{ label: 'Home', to: '/', icon: IconHome, end: true }];
