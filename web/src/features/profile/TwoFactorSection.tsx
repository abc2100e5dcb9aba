import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesRequiringTotp } from '../../../../src/core/contracts';
import { api, errorMessage } from '../../app/api';
import { meKey, useCurrentUser } from '../../app/session';
import { notifySuccess } from '../../ui/formErrors';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { TotpEnrolment } from '../auth/TotpEnrolment';
import { CodeModal } from './CodeModal';
import { Section } from './Section';

type Dialog = 'enable' | 'disable' | 'regenerate' | null;

export function TwoFactorSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const required = rolesRequiringTotp.includes(me.role);
  const refreshMe = () => client.invalidateQueries({ queryKey: meKey });

  const disable = useMutation({
    mutationFn: (code: string) => api.post('/api/me/totp/disable', { code }),
    onSuccess: async () => {
      setDialog(null);
      notifySuccess(t('profile.totpDisabled'));
      await refreshMe();
    },
  });
  const regenerate = useMutation({
    mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/me/totp/recovery-codes', { code }),
    onSuccess: (answer) => {
      setDialog(null);
      setCodes(answer.recoveryCodes);
    },
  });
  const close = () => {
    setDialog(null);
    disable.reset();
    regenerate.reset();
  };

  return (
    <Section
      title={t('profile.totpTitle')}
      text={me.totpEnabled ? t('profile.totpOnText') : t('profile.totpOffText')}
      aside={
        <Badge
          color={me.totpEnabled ? 'teal' : 'gray'}
          size="lg"
          leftSection={me.totpEnabled ? <IconShieldCheck size={14} /> : <IconShieldOff size={14} />}
        >
          {me.totpEnabled ? t('profile.totpOn') : t('profile.totpOff')}
        </Badge>
      }
    >
      {me.totpEnabled ? (
        <Stack gap="sm">
          {required && (
            <Text size="sm" c="dimmed">
              {t('profile.totpRequired')}
            </Text>
          )}
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog('regenerate')}>
              {t('profile.regenerate')}
            </Button>
            {!required && (
              <Button variant="subtle" color="red" onClick={() => setDialog('disable')}>
                {t('profile.disableTotp')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : (
        <Button onClick={() => setDialog('enable')} leftSection={<IconShieldCheck size={16} />}>
          {t('profile.enableTotp')}
        </Button>
      )}

      <Modal opened={dialog === 'enable'} onClose={close} title={t('profile.totpTitle')} size="xl">
        {dialog === 'enable' && (
          <TotpEnrolment
            onDone={() => {
              close();
              void refreshMe();
            }}
          />
        )}
      </Modal>
      <CodeModal
        opened={dialog === 'disable'}
        title={t('profile.disableTotpTitle')}
        text={t('profile.disableTotpText')}
        submitLabel={t('profile.disableTotp')}
        danger
        loading={disable.isPending}
        error={disable.isError ? errorMessage(disable.error) : null}
        onSubmit={(code) => disable.mutate(code)}
        onClose={close}
      />
      <CodeModal
        opened={dialog === 'regenerate'}
        title={t('profile.regenerateTitle')}
        text={t('profile.regenerateText')}
        submitLabel={t('profile.regenerate')}
        loading={regenerate.isPending}
        error={regenerate.isError ? errorMessage(regenerate.error) : null}
        onSubmit={(code) => regenerate.mutate(code)}
        onClose={close}
      />
      <Modal opened={!!codes} onClose={() => setCodes(null)} title={t('profile.regenerateTitle')} size="lg">
        <Stack gap="md">
          {codes && <RecoveryCodes codes={codes} />}
          <Button onClick={() => setCodes(null)}>{t('totp.recoveryDone')}</Button>
        </Stack>
      </Modal>
    </Section>
  );
}
