import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { AuthCard } from '../../../components/auth-card';
import { toFormErrors } from '../../../lib/forms/form-errors';
import { useForm } from '../../../lib/forms/use-form';
import { emailMessage, MIN_PASSWORD_LENGTH, newPasswordMessage, requiredMessage } from '../../../lib/forms/validation';
import { useSignUp } from '../api/sign-up';

const FIELDS = ['workspaceName', 'name', 'email', 'password'] as const;

/** A new workspace for an MSP, with its first MSP admin (the person signing up). */
export function SignUpForm({ onSignedUp }: { onSignedUp: (workspaceName: string) => void }) {
  const signUp = useSignUp();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    initialValues: { workspaceName: '', name: '', email: '', password: '' },
    validate: (values) => ({
      workspaceName: requiredMessage(values.workspaceName, "Enter your company's name"),
      name: requiredMessage(values.name, 'Enter your name'),
      email: emailMessage(values.email),
      password: newPasswordMessage(values.password),
    }),
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    const input = {
      workspaceName: values.workspaceName.trim(),
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
    };
    signUp.mutate(input, {
      onSuccess: () => onSignedUp(input.workspaceName),
      onError: (error) => {
        const { fields, message } = toFormErrors(error, FIELDS);
        form.setErrors(fields);
        setFormError(message);
      },
    });
  });

  return (
    <AuthCard
      title="Start your workspace"
      description="One workspace for your MSP: your clients, your team and every signed-off matrix. Free while you set it up."
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/sign-in" fw={600}>
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {formError}
            </Alert>
          ) : null}
          <TextInput
            label="Company name"
            description="Your MSP, as your clients know it"
            placeholder="Northwind IT Services"
            autoComplete="organization"
            required
            autoFocus
            {...form.inputProps('workspaceName')}
          />
          <TextInput label="Your name" autoComplete="name" required {...form.inputProps('name')} />
          <TextInput label="Work e-mail" type="email" autoComplete="email" required {...form.inputProps('email')} />
          <PasswordInput
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            required
            {...form.inputProps('password')}
          />
          <Button type="submit" fullWidth loading={signUp.isPending} mt="xs">
            Create workspace
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            You become the workspace&apos;s MSP admin and can invite your team and clients next.
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
