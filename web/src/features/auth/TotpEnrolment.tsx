import { Alert, Button, Group, Image, Loader, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { TotpSetupT } from '../../app/types';
import { CopyField } from '../../ui/CopyField';
import { showServerError } from '../../ui/formErrors';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * Two-factor enrolment: start setup, show QR and secret, confirm a code, show the recovery codes once.
 * `onDone` runs after the user has seen the recovery codes.
 */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const started = useRef(false);
  const setup = useMutation({ mutationFn: () => api.post<TotpSetupT>('/api/me/totp/setup') });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : t('validation.code')) },
  });
  const enable = useMutation({
    mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/me/totp/enable', { code: code.trim() }),
    onError: (error) => showServerError(error, form, () => 'code'),
  });

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (enable.data) {
    return (
      <Stack gap="md">
        <RecoveryCodes codes={enable.data.recoveryCodes} />
        <Button onClick={onDone} data-testid="recovery-done">
          {t('totp.recoveryDone')}
        </Button>
      </Stack>
    );
  }
  if (setup.isError) {
    return (
      <Alert color="red" title={t('common.somethingWrong')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{setup.error.message}</Text>
          <Button size="xs" variant="light" onClick={() => setup.mutate()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!setup.data) {
    return (
      <Group justify="center" py="xl">
        <Loader type="dots" />
      </Group>
    );
  }
  return (
    <form onSubmit={form.onSubmit((v) => enable.mutate(v.code))} noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Stack gap="sm" align="center">
          <Paper withBorder p="xs" radius="md" bg="white">
            <Image src={setup.data.qrDataUrl} alt={t('totp.qrAlt')} w={188} h={188} />
          </Paper>
        </Stack>
        <Stack gap="sm">
          <Text size="sm">
            <b>1.</b> {t('totp.step1')}
          </Text>
          <CopyField label={t('totp.secret')} value={setup.data.secret} testId="totp-secret" />
          <Text size="sm" mt="xs">
            <b>2.</b> {t('totp.step2')}
          </Text>
          <TextInput
            label={t('totp.code')}
            placeholder="123456"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            data-testid="totp-code"
            {...form.getInputProps('code')}
            key={form.key('code')}
          />
          <Button type="submit" loading={enable.isPending} leftSection={<IconShieldLock size={16} />}>
            {t('totp.enable')}
          </Button>
        </Stack>
      </SimpleGrid>
    </form>
  );
}
