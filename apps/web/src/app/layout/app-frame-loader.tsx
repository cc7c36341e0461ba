import { AppShell, Group } from '@mantine/core';
import { PageLoader } from '../../components/page-loader';
import { Wordmark } from '../../components/wordmark';
import classes from './app-layout.module.css';

/**
 * What the app shows while the first page's code loads: the frame of AppLayout (its header with
 * the wordmark, the navigation column) around the loader, at the same sizes, so nothing moves when
 * the page replaces it. With the loader alone the window stayed blank but for three dots until the
 * route's code, the session and the page's data were all there and drawn together: seconds, on a
 * slow machine, for the 1,000-row matrix.
 */
export function AppFrameLoader() {
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: true } }}
      padding={0}
    >
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" wrap="nowrap">
          <Wordmark />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-hidden />
      <AppShell.Main className={classes.main}>
        <PageLoader />
      </AppShell.Main>
    </AppShell>
  );
}
