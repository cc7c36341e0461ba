import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { Wordmark } from '../../components/wordmark';
import classes from './app-layout.module.css';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { type NavItem, primaryNavigation } from './navigation';

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

export function AppLayout() {
  const [navbarOpen, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  const { pathname } = useLocation();

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
          <ColorSchemeToggle />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="primary-navigation" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {primaryNavigation.map((item) => (
            <NavigationLink key={item.to} item={item} onNavigate={closeNavbar} />
          ))}
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
