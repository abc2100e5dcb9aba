import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src/core/contracts';
import { UpdateProfileRequest } from '../../../../src/modules/users/users.contracts';
import { api } from '../../app/api';
import { meKey, useCurrentUser } from '../../app/session';
import { applyLocale } from '../../i18n';
import { notifySuccess, showServerError, zodValidate } from '../../ui/formErrors';
import { localeOptions } from '../users/userOptions';
import { Section } from './Section';

export function PersonalSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const form = useForm<{ name: string; locale: Locale }>({
    mode: 'controlled',
    initialValues: { name: me.name, locale: me.locale },
    validate: zodValidate(UpdateProfileRequest),
  });
  const save = useMutation({
    mutationFn: (values: { name: string; locale: Locale }) => api.patch('/api/me', values),
    onSuccess: async (_a, values) => {
      await applyLocale(values.locale);
      notifySuccess(t('profile.saved'));
      form.resetDirty();
      await client.invalidateQueries({ queryKey: meKey });
    },
    onError: (error) => showServerError(error, form),
  });
  return (
    <Section title={t('profile.personal')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <SimpleGrid cols={3}>
          <TextInput label={t('profile.name')} {...form.getInputProps('name')} />
          <TextInput label={t('profile.email')} value={me.email} readOnly variant="filled" />
          <Select label={t('profile.language')} data={localeOptions(t)} allowDeselect={false} {...form.getInputProps('locale')} />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Section>
  );
}
