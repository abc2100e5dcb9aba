import { Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useChangeLocale } from '../../app/session';
import type { InvitationInfoT } from '../../app/types';
import { AuthLayout } from '../../ui/AuthLayout';
import { Empty } from '../../ui/Empty';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

export function InvitePage() {
  const { t, i18n } = useTranslation();
  const { token } = useParams({ from: '/invite/$token' });
  const navigate = useNavigate();
  const changeLocale = useChangeLocale();
  const info = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationInfoT>(`/api/auth/invitations/${encodeURIComponent(token)}`),
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v.length >= 10 ? null : t('validation.minLength', { min: 10 })),
      confirm: (v, values) => (v === values.password ? null : t('validation.passwordsDiffer')),
    },
  });
  const accept = useMutation({
    mutationFn: (password: string) => api.post('/api/auth/invitations/accept', { token, password }),
    onSuccess: () => {
      notifySuccess(t('invite.done'));
      void navigate({ to: '/signin' });
    },
    onError: (error) => showServerError(error, form, (p) => (p.endsWith('password') ? 'password' : null)),
  });

  if (info.isPending) return <FullPageLoader />;
  const tools = <LanguageSwitch value={i18n.resolvedLanguage ?? 'en'} onChange={(l) => changeLocale.mutate(l)} />;
  if (info.isError) {
    return (
      <AuthLayout tools={tools}>
        <Empty
          icon={<IconLinkOff size={28} />}
          title={t('invite.invalidTitle')}
          text={t('invite.invalidText')}
          action={<Button onClick={() => navigate({ to: '/signin' })}>{t('invite.toSignIn')}</Button>}
        />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout tools={tools}>
      <form onSubmit={form.onSubmit((v) => accept.mutate(v.password))} noValidate>
        <Stack gap="md">
          <Title order={2} fz={22}>
            {t('invite.titleGeneric')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('invite.text', { name: info.data.name, email: info.data.email })}
          </Text>
          <PasswordInput
            label={t('invite.password')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            autoFocus
            {...form.getInputProps('password')}
            key={form.key('password')}
          />
          <PasswordInput
            label={t('invite.confirmPassword')}
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
            key={form.key('confirm')}
          />
          <Button type="submit" loading={accept.isPending}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
