import { AppShell, Box, Burger, Button, Divider, Group, NavLink, ScrollArea, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { Wordmark } from '../../components/wordmark';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { membershipIn, type Membership, useSession } from '../../lib/auth/session';
import classes from './app-layout.module.css';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { homeNavItem, type NavItem, workspaceNavigation } from './navigation';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

function NavigationLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<Icon size={18} stroke={1.8} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      fw={500}
    />
  );
}

/** The workspace of the address, or else the person's first one (for links from the home page). */
function useNavigationWorkspace(): { membership: Membership | undefined } {
  const { data: me } = useSession();
  const match = useMatch('/w/:ws/*');
  const current = match?.params.ws;
  return { membership: current ? membershipIn(me, current) : me?.memberships[0] };
}

function HeaderActions({ onNavigate }: { onNavigate: () => void }) {
  const session = useSession();
  const { membership } = useNavigationWorkspace();
  const current = membership?.workspaceId ?? null;
  const { pathname, search } = useLocation();

  if (session.isPending) {
    return <Skeleton height={34} width={180} radius="md" aria-hidden />;
  }
  const me = session.data;
  if (!me) {
    const next = pathname.startsWith('/w/') ? `?next=${encodeURIComponent(pathname + search)}` : '';
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to={`/sign-in${next}`} variant="subtle" size="sm">
          Sign in
        </Button>
        <Button component={Link} to="/sign-up" size="sm" visibleFrom="xs">
          Start free
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      {current ? <NotificationBell key={current} workspaceId={current} /> : null}
      {me.memberships.length > 0 ? (
        <Box visibleFrom="sm">
          <WorkspaceSwitcher memberships={me.memberships} currentWorkspaceId={current} onNavigate={onNavigate} />
        </Box>
      ) : null}
      <UserMenu user={me.user} />
    </Group>
  );
}

export function AppLayout() {
  const [navbarOpen, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  const { pathname } = useLocation();
  const { data: me } = useSession();
  const { membership } = useNavigationWorkspace();
  const workspaceItems = membership
    ? workspaceNavigation(membership.workspaceId, membership.role, membership.clientId)
    : [];

  // A new page starts at its top, like a full page load would.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{
        width: 248,
        breakpoint: 'sm',
        collapsed: { mobile: !navbarOpen },
      }}
      padding={0}
    >
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>

      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpen}
              onClick={toggleNavbar}
              hiddenFrom="sm"
              size="sm"
              aria-label={navbarOpen ? 'Close navigation' : 'Open navigation'}
              aria-controls="primary-navigation"
              aria-expanded={navbarOpen}
            />
            <Link to="/" className={classes.brand} aria-label="Accord home">
              <Wordmark />
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <HeaderActions onNavigate={closeNavbar} />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="primary-navigation" aria-label="Main navigation">
        {me && me.memberships.length > 0 ? (
          <Box hiddenFrom="sm" mb="sm">
            <WorkspaceSwitcher
              memberships={me.memberships}
              currentWorkspaceId={membership?.workspaceId ?? null}
              onNavigate={closeNavbar}
              w="100%"
            />
          </Box>
        ) : null}
        <AppShell.Section grow component={ScrollArea}>
          <NavigationLink item={homeNavItem} onNavigate={closeNavbar} />
          {membership && workspaceItems.length > 0 ? (
            <>
              <Divider my="sm" />
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts="0.06em" px="sm" pb={6} truncate="end">
                {membership.workspaceName}
              </Text>
              {workspaceItems.map((item) => (
                <NavigationLink key={item.to} item={item} onNavigate={closeNavbar} />
              ))}
            </>
          ) : null}
        </AppShell.Section>
        <AppShell.Section px="xs" pt="sm">
          <Text size="xs" c="dimmed">
            Accord · who owns what in IT, agreed and signed.
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
