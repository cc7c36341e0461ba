import { Anchor, Box, Container, Grid, Group, Stack, Text } from '@mantine/core';
import { Wordmark } from '../../components/wordmark';
import { AudienceSection } from '../../features/home/components/audience-section';
import { FeatureGrid } from '../../features/home/components/feature-grid';
import { Hero } from '../../features/home/components/hero';
import { SignOffSteps } from '../../features/home/components/sign-off-steps';
import { SystemStatusCard } from '../../features/system/components/system-status-card';

/** "/": what Accord is and for whom, with the way in (start free, sign in), plus the live system status. */
export function HomeRoute() {
  return (
    <>
      <title>Accord · Who owns what in IT, agreed and signed</title>
      <Hero />
      <AudienceSection />
      <FeatureGrid />
      <Box component="div" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Container size="xl" py={{ base: 48, md: 72 }}>
          <Grid gutter={{ base: 32, md: 64 }}>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <SignOffSteps />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Box pos={{ md: 'sticky' }} top={88}>
                <SystemStatusCard />
              </Box>
            </Grid.Col>
          </Grid>
        </Container>
      </Box>
      <Box component="footer" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Container size="xl" py="lg">
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              <Wordmark size="sm" />
              <Text size="sm" c="dimmed">
                The shared, signed-off IT responsibility matrix.
              </Text>
            </Group>
            <Stack gap={0} align="flex-end">
              <Anchor href="#main" size="sm">
                Back to top
              </Anchor>
            </Stack>
          </Group>
        </Container>
      </Box>
    </>
  );
}
