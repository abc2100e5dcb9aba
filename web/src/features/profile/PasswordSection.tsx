import { Button, Group, PasswordInput, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { Section } from './Section';

export function PasswordSection() {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      newPassword: (v) => (v.length >= 10 ? null : t('validation.minLength', { min: 10 })),
      confirm: (v, values) => (v === values.newPassword ? null : t('validation.passwordsDiffer')),
    },
  });
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) =>
      api.post('/api/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      notifySuccess(t('profile.passwordChanged'));
      form.reset();
    },
    onError: (error) => showServerError(error, form),
  });
  return (
    <Section title={t('profile.passwordTitle')}>
      <form onSubmit={form.onSubmit((v) => change.mutate(v))} noValidate>
        <SimpleGrid cols={3}>
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
            key={form.key('currentPassword')}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
            key={form.key('newPassword')}
          />
          <PasswordInput
            label={t('profile.confirmPassword')}
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
            key={form.key('confirm')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" variant="default" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </form>
    </Section>
  );
}
