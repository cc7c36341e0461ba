import { Box, Card, Container, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconLink, IconRoute, IconSignature, IconTable, type Icon } from '@tabler/icons-react';
import classes from './home.module.css';
import { SectionHeading } from './section-heading';

interface Feature {
  title: string;
  icon: Icon;
  color: string;
  description: string;
  points: readonly string[];
}

const FEATURES: readonly Feature[] = [
  {
    title: 'A shared RACI matrix with a gap report',
    icon: IconTable,
    color: 'accord',
    description: 'One matrix per client, with the MSP, internal IT, the business and any vendor as columns.',
    points: ['Rows nobody owns or two parties own', 'Overloaded parties', 'Critical work with no after-hours cover'],
  },
  {
    title: 'Escalation paths, by day and after hours',
    icon: IconRoute,
    color: 'teal',
    description: 'Severity levels in plain language, response targets and coverage windows for every party.',
    points: [
      'Ordered steps with wait times',
      'Business-hours and after-hours targets',
      'A simulator: P1 at 02:00 on Sunday?',
    ],
  },
  {
    title: 'Sign-off bound to a content hash',
    icon: IconSignature,
    color: 'grape',
    description: 'Requesting sign-off freezes the draft into a version with its SHA-256 fingerprint.',
    points: ['Each party signs that exact content', 'Any change means a new version', 'Compare versions row by row'],
  },
  {
    title: 'A hash-chained audit log',
    icon: IconLink,
    color: 'orange',
    description: 'Every change is recorded: who, for which party, when, before and after.',
    points: ['Append-only, chained per workspace', 'Tampering is detectable', 'Verifiable at any time'],
  },
];

export function FeatureGrid() {
  return (
    <Box component="section" aria-labelledby="features-title" bg="var(--mantine-color-body)">
      <Container size="xl" py={{ base: 48, md: 72 }}>
        <Stack gap="xl">
          <SectionHeading
            id="features-title"
            eyebrow="What you get"
            title="Everything the spreadsheet never did"
            description="Accord checks the matrix as you edit it, shows what is missing, and keeps a record nobody can quietly rewrite."
          />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
            {FEATURES.map(({ title, icon: FeatureIcon, color, description, points }) => (
              <Card key={title} className={classes.featureCard} component="article">
                <Stack gap="sm">
                  <ThemeIcon size={44} radius="md" variant="light" color={color} aria-hidden>
                    <FeatureIcon size={24} stroke={1.8} />
                  </ThemeIcon>
                  <Title order={3}>{title}</Title>
                  <Text size="sm" c="dimmed" lh={1.6}>
                    {description}
                  </Text>
                  <List
                    size="sm"
                    spacing={6}
                    center
                    icon={
                      <ThemeIcon size={18} radius="xl" variant="light" color={color} aria-hidden>
                        <IconCheck size={12} stroke={2.5} />
                      </ThemeIcon>
                    }
                  >
                    {points.map((point) => (
                      <List.Item key={point}>{point}</List.Item>
                    ))}
                  </List>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      </Container>
    </Box>
  );
}
