import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The card of the sign-in, sign-up and invitation pages: a heading, the form, a footer line. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Stack gap="lg">
      <Card shadow="md" padding="xl">
        <Stack gap="lg">
          <Stack gap={6}>
            <Title order={1} fz="h2">
              {title}
            </Title>
            {description ? (
              <Text c="dimmed" size="sm" component="div">
                {description}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Stack>
      </Card>
      {footer ? (
        <Text ta="center" size="sm" c="dimmed" component="div">
          {footer}
        </Text>
      ) : null}
    </Stack>
  );
}
