import { Alert, Button, Divider, Loader, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBuildingStore, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupRequest } from '../../../../src/modules/company/company.contracts';
import { api } from '../../app/api';
import { useChangeLocale, useSetupStatus } from '../../app/session';
import { currentLocale } from '../../i18n';
import { AuthLayout } from '../../ui/AuthLayout';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { notifySuccess, showServerError, zodValidate } from '../../ui/formErrors';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { CompanyFields, type CompanyValues } from '../company/CompanyFields';
import { browserTimeZone } from '../company/companyOptions';

interface SetupValues {
  company: CompanyValues;
  admin: { name: string; email: string; password: string; confirm: string };
}

/** First run: create the company and its first administrator, or open the demo company. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const status = useSetupStatus();
  const navigate = useNavigate();
  const client = useQueryClient();
  const changeLocale = useChangeLocale();
  const locale = currentLocale();

  const form = useForm<SetupValues>({
    mode: 'uncontrolled',
    initialValues: {
      company: { name: '', currency: locale === 'ru' ? 'RUB' : 'USD', timeZone: browserTimeZone(), defaultLocale: locale },
      admin: { name: '', email: '', password: '', confirm: '' },
    },
    validate: (values) => {
      const errors = zodValidate<SetupValues>(SetupRequest, (v) => ({
        company: v.company,
        admin: { name: v.admin.name, email: v.admin.email, password: v.admin.password },
      }))(values);
      if (values.admin.confirm !== values.admin.password) errors['admin.confirm'] = t('validation.passwordsDiffer');
      return errors;
    },
  });

  const create = useMutation({
    mutationFn: (values: SetupValues) =>
      api.post('/api/setup', {
        company: values.company,
        admin: { name: values.admin.name, email: values.admin.email, password: values.admin.password },
      }),
    onSuccess: async () => {
      notifySuccess(t('setup.created'));
      await client.invalidateQueries({ queryKey: ['setup'] });
      void navigate({ to: '/signin' });
    },
    onError: (error) => showServerError(error, form),
  });

  const demo = useMutation({
    mutationFn: () => api.post('/api/setup/demo'),
    onSuccess: async (data) => {
      client.setQueryData(['setup', 'demo'], data);
      await client.invalidateQueries({ queryKey: ['setup'], exact: true });
      notifySuccess(t('setup.demoReady'));
      void navigate({ to: '/signin' });
    },
    onError: (error) => showServerError(error),
  });

  if (status.isPending) return <FullPageLoader />;
  if (status.data && !status.data.needed) return <Navigate to="/signin" replace />;

  const busy = create.isPending || demo.isPending;
  return (
    <AuthLayout
      width={560}
      tools={<LanguageSwitch value={i18n.resolvedLanguage ?? 'en'} onChange={(l) => changeLocale.mutate(l)} />}
      aside={
        <Stack w={300} gap="sm" p="xl" style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 16 }}>
          <IconSparkles size={28} color="var(--mantine-color-teal-6)" />
          <Title order={4}>{t('setup.demoTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('setup.demoText')}
          </Text>
          <Button variant="light" onClick={() => demo.mutate()} loading={demo.isPending} disabled={busy} data-testid="open-demo">
            {t('setup.demoButton')}
          </Button>
          {demo.isPending && (
            <Alert color="teal" variant="light" icon={<Loader size={16} />} data-testid="demo-progress">
              {t('setup.demoLoading')}
            </Alert>
          )}
        </Stack>
      }
    >
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz={24}>
              {t('setup.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('setup.subtitle')}
            </Text>
          </div>
          <Divider label={<Section icon={<IconBuildingStore size={14} />} text={t('setup.companySection')} />} labelPosition="left" />
          <CompanyFields form={form} prefix="company." />
          <Divider label={<Section text={t('setup.adminSection')} />} labelPosition="left" mt="xs" />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('setup.adminName')}
              required
              autoComplete="name"
              {...form.getInputProps('admin.name')}
              key={form.key('admin.name')}
            />
            <TextInput
              label={t('setup.adminEmail')}
              type="email"
              required
              autoComplete="email"
              {...form.getInputProps('admin.email')}
              key={form.key('admin.email')}
            />
            <PasswordInput
              label={t('setup.password')}
              description={t('setup.passwordHint')}
              required
              autoComplete="new-password"
              {...form.getInputProps('admin.password')}
              key={form.key('admin.password')}
            />
            <PasswordInput
              label={t('setup.confirmPassword')}
              description=" "
              required
              autoComplete="new-password"
              {...form.getInputProps('admin.confirm')}
              key={form.key('admin.confirm')}
            />
          </SimpleGrid>
          <Button type="submit" loading={create.isPending} disabled={busy} mt="xs">
            {t('setup.create')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

function Section({ text, icon }: { text: string; icon?: ReactNode }) {
  return (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
      {icon}
      {text}
    </Text>
  );
}
