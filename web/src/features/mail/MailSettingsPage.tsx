import { Alert, Button, Group, List, NumberInput, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSettings, MailSettingsInput } from '../../../../src/modules/mail/mail.contracts';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { NotFoundPage } from '../errors/NotFoundPage';
import { Section } from '../profile/Section';

const key = ['mail', 'settings'];

/** Settings → E-mail: outgoing SMTP, a test message, and the complaints mailbox (H5, D1). */
export function MailSettingsPage() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: key,
    queryFn: () => api.get<MailSettings>('/api/mail/settings'),
    enabled: can(me, 'company.manage'),
  });
  if (!can(me, 'company.manage')) return <NotFoundPage />;
  return (
    <>
      <PageHeader title={t('mail.title')} subtitle={t('mail.subtitle')} />
      {settings.data ? <MailForm settings={settings.data} /> : settings.isError ? null : <PageSkeleton rows={6} />}
    </>
  );
}

interface Values {
  enabled: boolean;
  smtpHost: string;
  smtpPort: number | string;
  smtpSecure: boolean;
  smtpUser: string;
  smtpPassword: string;
  fromAddress: string;
  fromName: string;
  complaintsAddress: string;
}

function MailForm({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [removePassword, setRemovePassword] = useState(false);
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      enabled: settings.enabled,
      smtpHost: settings.smtpHost ?? '',
      smtpPort: settings.smtpPort ?? 587,
      smtpSecure: settings.smtpSecure,
      smtpUser: settings.smtpUser ?? '',
      smtpPassword: '',
      fromAddress: settings.fromAddress ?? '',
      fromName: settings.fromName ?? '',
      complaintsAddress: settings.complaintsAddress ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: MailSettingsInput = {
        enabled: v.enabled,
        smtpHost: v.smtpHost.trim() || null,
        smtpPort: v.smtpPort === '' ? null : Number(v.smtpPort),
        smtpSecure: v.smtpSecure,
        smtpUser: v.smtpUser.trim() || null,
        fromAddress: v.fromAddress.trim() || null,
        fromName: v.fromName.trim() || null,
        complaintsAddress: v.complaintsAddress.trim() || null,
        // empty keeps the stored password
        ...(removePassword ? { smtpPassword: null } : v.smtpPassword ? { smtpPassword: v.smtpPassword } : {}),
      };
      return api.put<MailSettings>('/api/mail/settings', body);
    },
    onSuccess: (saved) => {
      notifySuccess(t('mail.saved'));
      client.setQueryData(key, saved);
      form.setFieldValue('smtpPassword', '');
      setRemovePassword(false);
      form.resetDirty();
    },
    onError: (error) => showServerError(error, form),
  });
  const [to, setTo] = useState(me.email);
  const test = useMutation({
    mutationFn: () => api.post('/api/mail/test', { to: to.trim() }),
    onSuccess: () => notifySuccess(t('mail.testSent', { to: to.trim() })),
    onError: (error) => showServerError(error),
  });
  const current = client.getQueryData<MailSettings>(key) ?? settings;

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="lg" maw={720}>
        <Section title={t('mail.outgoing')} text={t('mail.outgoingText')}>
          <Stack gap="md">
            <Switch
              label={t('mail.enabled')}
              description={t('mail.enabledHint')}
              {...form.getInputProps('enabled', { type: 'checkbox' })}
              key={form.key('enabled')}
              data-testid="mail-enabled"
            />
            <Group grow align="flex-start">
              <TextInput
                label={t('mail.host')}
                placeholder="smtp.example.com"
                {...form.getInputProps('smtpHost')}
                key={form.key('smtpHost')}
              />
              <NumberInput
                label={t('mail.port')}
                min={1}
                max={65535}
                allowDecimal={false}
                maw={140}
                {...form.getInputProps('smtpPort')}
                key={form.key('smtpPort')}
              />
            </Group>
            <Switch
              label={t('mail.secure')}
              description={t('mail.secureHint')}
              {...form.getInputProps('smtpSecure', { type: 'checkbox' })}
              key={form.key('smtpSecure')}
            />
            <TextInput
              label={t('mail.user')}
              description={t('mail.userHint')}
              autoComplete="off"
              {...form.getInputProps('smtpUser')}
              key={form.key('smtpUser')}
            />
            <PasswordInput
              label={t('mail.password')}
              description={current.smtpPasswordSet ? t('mail.passwordStored') : t('mail.passwordNone')}
              autoComplete="new-password"
              disabled={removePassword}
              {...form.getInputProps('smtpPassword')}
              key={form.key('smtpPassword')}
            />
            {current.smtpPasswordSet && (
              <Switch
                label={t('mail.removePassword')}
                checked={removePassword}
                onChange={(e) => setRemovePassword(e.currentTarget.checked)}
              />
            )}
            <Group grow align="flex-start">
              <TextInput
                label={t('mail.fromAddress')}
                type="email"
                placeholder="grove@example.com"
                {...form.getInputProps('fromAddress')}
                key={form.key('fromAddress')}
              />
              <TextInput label={t('mail.fromName')} {...form.getInputProps('fromName')} key={form.key('fromName')} />
            </Group>
          </Stack>
        </Section>

        <Section title={t('mail.inbound')} text={t('mail.inboundText')}>
          <Stack gap="md">
            <TextInput
              label={t('mail.complaintsAddress')}
              description={t('mail.complaintsAddressHint')}
              type="email"
              placeholder="complaints@example.com"
              {...form.getInputProps('complaintsAddress')}
              key={form.key('complaintsAddress')}
            />
            <Alert icon={<IconInfoCircle size={18} />} color={current.inbound ? 'teal' : 'gray'} data-testid="mail-inbound">
              <Stack gap="xs">
                <Text size="sm">
                  {current.inbound
                    ? t('mail.endpointOn', { port: current.inbound.port, host: current.inbound.host })
                    : t('mail.endpointOff')}
                </Text>
                <Text size="sm">{t('mail.howTo')}</Text>
                <List size="sm" spacing={4}>
                  <List.Item>{t('mail.howToForward')}</List.Item>
                  <List.Item>{t('mail.howToMx')}</List.Item>
                </List>
                <Text size="sm" c="dimmed">
                  {t('mail.howToLimits')}
                </Text>
              </Stack>
            </Alert>
          </Stack>
        </Section>

        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>

        <Section title={t('mail.test')} text={t('mail.testHint')}>
          <Group align="flex-end">
            <TextInput label={t('mail.testTo')} type="email" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={320} />
            <Button variant="default" onClick={() => test.mutate()} loading={test.isPending} disabled={!to.trim()}>
              {t('mail.test')}
            </Button>
          </Group>
        </Section>
      </Stack>
    </form>
  );
}
