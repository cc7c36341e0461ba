import { Anchor, Badge, Box, Button, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconActivityHeartbeat, IconArrowDown, IconArrowRight, IconLogin } from '@tabler/icons-react';
import { Link } from 'react-router';
import { workspacePath } from '../../../lib/auth/paths';
import { useSession } from '../../../lib/auth/session';
import classes from './home.module.css';
import { MatrixPreview } from './matrix-preview';

/** The calls to action: start or sign in, or (signed in) straight back to work. */
function HeroActions() {
  const { data: me } = useSession();
  const first = me?.memberships[0];
  return (
    <Stack gap="md">
      <Group gap="sm">
        {first ? (
          <Button
            component={Link}
            to={workspacePath(first.workspaceId)}
            size="md"
            rightSection={<IconArrowRight size={16} aria-hidden />}
          >
            Open {first.workspaceName}
          </Button>
        ) : (
          <>
            <Button component={Link} to="/sign-up" size="md" rightSection={<IconArrowRight size={16} aria-hidden />}>
              Start free
            </Button>
            {me ? null : (
              <Button
                component={Link}
                to="/sign-in"
                size="md"
                variant="default"
                leftSection={<IconLogin size={16} aria-hidden />}
              >
                Sign in
              </Button>
            )}
          </>
        )}
      </Group>
      <Group gap="lg">
        <Anchor href="#how-it-works" size="sm" fw={600}>
          <Group gap={4} component="span" wrap="nowrap">
            See how sign-off works <IconArrowDown size={14} aria-hidden />
          </Group>
        </Anchor>
        <Anchor href="#system-status" size="sm" fw={600}>
          <Group gap={4} component="span" wrap="nowrap">
            <IconActivityHeartbeat size={14} aria-hidden /> System status
          </Group>
        </Anchor>
      </Group>
    </Stack>
  );
}

export function Hero() {
  return (
    <Box component="section" aria-labelledby="hero-title" className={classes.hero}>
      <Container size="xl" py={{ base: 48, md: 80 }}>
        <Grid gutter={{ base: 32, lg: 64 }} align="center">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Stack gap="lg">
              <Badge variant="light" size="lg" radius="xl" tt="none" fw={600} w="fit-content">
                For MSPs and the companies they serve
              </Badge>
              <Title id="hero-title" order={1} className={classes.heroTitle}>
                Who owns what in IT,{' '}
                <Text span inherit className={classes.highlight}>
                  agreed and signed.
                </Text>
              </Title>
              <Text size="lg" c="dimmed" maw={620} lh={1.6}>
                Accord replaces the RACI spreadsheet that is e-mailed around, goes stale and is never signed. Your
                managed service provider and your company keep one shared responsibility matrix for help desk, security,
                backups and after-hours coverage, with clear escalation paths and a sign-off that holds.
              </Text>
              <HeroActions />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Box maw={580} mx="auto">
              <MatrixPreview />
            </Box>
          </Grid.Col>
        </Grid>
      </Container>
    </Box>
  );
}
