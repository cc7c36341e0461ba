import { Stack, Text, Title } from '@mantine/core';
import classes from './home.module.css';

export function SectionHeading({
  id,
  eyebrow,
  title,
  description,
}: {
  id: string;
  eyebrow: string;
  title: string;
  description?: string;
}) {
  return (
    <Stack gap={6} maw={720}>
      <Text size="sm" fw={700} className={classes.sectionEyebrow}>
        {eyebrow}
      </Text>
      <Title order={2} id={id}>
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="md" lh={1.6}>
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}
