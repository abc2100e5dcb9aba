import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../../src/modules/surveys/surveys.contracts';
import { api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { useContacts } from '../contacts/contactsApi';

const OTHER = '__other__';

/** Send a satisfaction survey (D4) to a contact of the account, or to an address typed here. */
export function SendSurveyModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const contacts = useContacts(accountId, 'false');
  const [contact, setContact] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'en' | 'ru'>(i18n.resolvedLanguage === 'en' ? 'en' : 'ru');
  const [error, setError] = useState<string | null>(null);
  const withEmail = (contacts.data?.items ?? []).filter((c) => c.email);
  const send = useMutation({
    mutationFn: () =>
      api.post<Survey>('/api/surveys', {
        accountId,
        contactId: contact && contact !== OTHER ? contact : undefined,
        email: contact === OTHER ? email.trim() : undefined,
        locale,
      }),
    onSuccess: (s) => {
      notifySuccess(t('service.surveys.sent', { email: s.email }));
      void client.invalidateQueries({ queryKey: ['surveys'] });
      setContact(null);
      setEmail('');
      onClose();
    },
    onError: (e) => showServerError(e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('service.surveys.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!contact || (contact === OTHER && !/^\S+@\S+\.\S+$/.test(email.trim()))) {
            setError(t('service.form.required'));
            return;
          }
          setError(null);
          send.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('service.surveys.text')}
          </Text>
          <Select
            label={t('service.surveys.contact')}
            withAsterisk
            data={[
              ...withEmail.map((c) => ({ value: c.id, label: `${c.fullName} · ${c.email}` })),
              { value: OTHER, label: t('service.surveys.other') },
            ]}
            value={contact}
            onChange={setContact}
            error={contact ? null : error}
          />
          {contact === OTHER && (
            <TextInput
              label={t('service.surveys.email')}
              type="email"
              withAsterisk
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error}
            />
          )}
          <Select
            label={t('service.surveys.language')}
            data={(['ru', 'en'] as const).map((l) => ({ value: l, label: t(`service.locales.${l}`) }))}
            value={locale}
            onChange={(v) => v && setLocale(v as 'en' | 'ru')}
            allowDeselect={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('service.actions.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} data-testid="send-survey-submit">
              {t('service.surveys.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
