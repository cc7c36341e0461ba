import { Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import {
  IconCircleCheck,
  IconFileDescription,
  IconHandClick,
  IconLock,
  IconSignature,
  type Icon,
} from '@tabler/icons-react';
import { SectionHeading } from './section-heading';

const STEPS: readonly { title: string; icon: Icon; text: string }[] = [
  {
    title: 'Draft from a template',
    icon: IconFileDescription,
    text: 'Start fully managed or co-managed; the MSP adapts the rows to the client.',
  },
  {
    title: 'Claim and close the gaps',
    icon: IconHandClick,
    text: 'Internal IT proposes “we take user onboarding”; the other side accepts or declines with a reason.',
  },
  {
    title: 'Request sign-off',
    icon: IconLock,
    text: 'The draft is frozen into an immutable version with its SHA-256.',
  },
  {
    title: 'Every required party signs',
    icon: IconSignature,
    text: 'Each signature records who, for which party, which hash, when and from where.',
  },
  {
    title: 'In effect',
    icon: IconCircleCheck,
    text: 'The approved version is the agreement until a later one is signed by all.',
  },
];

export function SignOffSteps() {
  return (
    <Stack gap="xl" component="section" aria-labelledby="how-it-works-title" id="how-it-works">
      <SectionHeading
        id="how-it-works-title"
        eyebrow="How it works"
        title="From draft to a signed agreement"
        description="The division of work changes as a company grows. Each change is agreed again, on the record."
      />
      <Timeline active={STEPS.length - 1} bulletSize={32} lineWidth={2}>
        {STEPS.map(({ title, icon: StepIcon, text }) => (
          <Timeline.Item
            key={title}
            bullet={
              <ThemeIcon size={32} radius="xl" aria-hidden>
                <StepIcon size={17} stroke={1.9} />
              </ThemeIcon>
            }
            title={
              <Title order={3} fz="md">
                {title}
              </Title>
            }
          >
            <Text size="sm" c="dimmed" lh={1.6} mt={2}>
              {text}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
