import { Box, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase, IconHeadset, IconUserCog, type Icon } from '@tabler/icons-react';
import { SectionHeading } from './section-heading';

interface Audience {
  title: string;
  party: string;
  icon: Icon;
  color: string;
  description: string;
}

const AUDIENCES: readonly Audience[] = [
  {
    title: 'MSP engineers',
    party: 'MSP',
    icon: IconHeadset,
    color: 'accord',
    description:
      'Draft each client’s matrix from a template, review claims and escalation paths across every client, and sign for the MSP.',
  },
  {
    title: 'Internal IT admins',
    party: 'Internal IT',
    icon: IconUserCog,
    color: 'teal',
    description:
      'Claim the work your team takes on, see exactly what the MSP covers, and sign off for internal IT when the split changes.',
  },
  {
    title: 'Business owners',
    party: 'Business',
    icon: IconBriefcase,
    color: 'grape',
    description:
      'Read who owns what in plain language, see the gaps before they hurt, and approve the division of work with one signature.',
  },
];

export function AudienceSection() {
  return (
    <Box component="section" aria-labelledby="audience-title">
      <Container size="xl" py={{ base: 48, md: 64 }}>
        <Stack gap="xl">
          <SectionHeading
            id="audience-title"
            eyebrow="Who it is for"
            title="One agreement, three sides of the table"
            description="Co-managed IT fails when both sides assume the other is handling something. Accord gives every party the same view of the same matrix."
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            {AUDIENCES.map(({ title, party, icon: AudienceIcon, color, description }) => (
              <Stack key={title} gap="sm">
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
                    <AudienceIcon size={22} stroke={1.8} />
                  </ThemeIcon>
                  <div>
                    <Title order={3}>{title}</Title>
                    <Text size="xs" c="dimmed">
                      Signs for {party}
                    </Text>
                  </div>
                </Group>
                <Text c="dimmed" size="sm" lh={1.6}>
                  {description}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      </Container>
    </Box>
  );
}
