import { Badge, Box, Button, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconActivityHeartbeat } from '@tabler/icons-react';
import classes from './home.module.css';
import { MatrixPreview } from './matrix-preview';

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
              <Group gap="sm">
                <Button
                  component="a"
                  href="#how-it-works"
                  size="md"
                  rightSection={<IconArrowDown size={16} aria-hidden />}
                >
                  See how sign-off works
                </Button>
                <Button
                  component="a"
                  href="#system-status"
                  size="md"
                  variant="default"
                  leftSection={<IconActivityHeartbeat size={16} aria-hidden />}
                >
                  System status
                </Button>
              </Group>
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
