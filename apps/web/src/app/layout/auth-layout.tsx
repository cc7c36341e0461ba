import { Box, Container, Group } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { Wordmark } from '../../components/wordmark';
import classes from './app-layout.module.css';
import { ColorSchemeToggle } from './color-scheme-toggle';

/** Sign-in, sign-up and invitation pages: the form alone, centred, with a way home. */
export function AuthLayout() {
  return (
    <div className={classes.authPage}>
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Link to="/" className={classes.brand} aria-label="Accord home">
            <Wordmark />
          </Link>
          <ColorSchemeToggle />
        </Group>
      </Box>
      <Container
        component="main"
        id="main"
        tabIndex={-1}
        size={480}
        w="100%"
        py={{ base: 24, sm: 56 }}
        style={{ outline: 'none' }}
      >
        <Outlet />
      </Container>
    </div>
  );
}
