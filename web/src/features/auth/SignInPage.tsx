import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { meKey, useChangeLocale, useMe, useSetupStatus } from '../../app/session';
import type { LoginResponse } from '../../app/types';
import { chosenLocale } from '../../i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { showServerError } from '../../ui/formErrors';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { DemoAccounts } from './DemoAccounts';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const client = useQueryClient();
  const changeLocale = useChangeLocale();
  const [challenge, setChallenge] = useState<string | null>(null);

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });
  const codeForm = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (v.trim().length >= 6 ? null : t('validation.code')) },
  });

  const signedIn = async () => {
    await client.resetQueries({ queryKey: meKey });
    void navigate({ to: '/' });
  };

  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      api.post<LoginResponse>('/api/auth/login', { ...values, locale: chosenLocale() }),
    onSuccess: async (answer) => {
      if (answer.status === 'totp_required') setChallenge(answer.challenge);
      else await signedIn();
    },
    onError: (error) => showServerError(error, form),
  });

  const verify = useMutation({
    mutationFn: (code: string) => api.post<LoginResponse>('/api/auth/login/totp', { challenge, code: code.trim() }),
    onSuccess: signedIn,
    onError: (error) => showServerError(error, codeForm, () => 'code'),
  });

  if (me.data) return <Navigate to="/" replace />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isPending) return <FullPageLoader />;

  return (
    <AuthLayout
      tools={<LanguageSwitch value={i18n.resolvedLanguage ?? 'en'} onChange={(l) => changeLocale.mutate(l)} />}
      aside={!challenge ? <DemoAccounts onPick={(email, password) => form.setValues({ email, password })} /> : undefined}
    >
      {challenge ? (
        <form onSubmit={codeForm.onSubmit((v) => verify.mutate(v.code))} noValidate>
          <Stack gap="md">
            <Title order={2} fz={22}>
              {t('signIn.totpTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('signIn.totpText')}
            </Text>
            <TextInput
              label={t('signIn.totpCode')}
              autoComplete="one-time-code"
              inputMode="text"
              autoFocus
              data-testid="totp-code"
              {...codeForm.getInputProps('code')}
            />
            <Button type="submit" loading={verify.isPending}>
              {t('signIn.verify')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setChallenge(null);
                codeForm.reset();
              }}
            >
              {t('signIn.useAnotherAccount')}
            </Anchor>
          </Stack>
        </form>
      ) : (
        <form onSubmit={form.onSubmit((v) => login.mutate(v))} noValidate>
          <Stack gap="md">
            <Title order={2} fz={22}>
              {t('signIn.title')}
            </Title>
            <TextInput label={t('signIn.email')} type="email" autoComplete="username" autoFocus {...form.getInputProps('email')} />
            <PasswordInput label={t('signIn.password')} autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={login.isPending} data-testid="sign-in-submit">
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
