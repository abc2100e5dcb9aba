import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  text: string;
  submitLabel: string;
  danger?: boolean;
  loading: boolean;
  error?: string | null;
  onSubmit: (code: string) => void;
  onClose: () => void;
}

/** Asks for a current authenticator code (or a recovery code) to confirm a sensitive change. */
export function CodeModal({ opened, title, text, submitLabel, danger, loading, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { code: '' },
    validate: { code: (v) => (v.trim().length >= 6 ? null : t('validation.code')) },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={form.onSubmit((v) => onSubmit(v.code.trim()))} noValidate>
        <Stack gap="sm">
          <Text size="sm">{text}</Text>
          <TextInput
            label={t('totp.code')}
            autoComplete="one-time-code"
            data-autofocus
            {...form.getInputProps('code')}
            error={form.getInputProps('code').error ?? error}
            key={form.key('code')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={loading}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
