import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, Locale, Role } from '../../../../src/core/contracts';
import { CreateUserRequest } from '../../../../src/modules/users/users.contracts';
import { api } from '../../app/api';
import type { CreatedUserT } from '../../app/types';
import { currentLocale } from '../../i18n';
import { CopyField } from '../../ui/CopyField';
import { showServerError, zodValidate } from '../../ui/formErrors';
import { ManagerSelect } from './ManagerSelect';
import { departmentOptions, localeOptions, roleOptions } from './userOptions';

interface Values {
  email: string;
  name: string;
  role: Role;
  department: Department | null;
  managerId: string | null;
  locale: Locale;
}

function toRequest(v: Values) {
  return {
    email: v.email,
    name: v.name,
    role: v.role,
    department: v.role === 'department' ? v.department : null,
    managerId: v.managerId,
    locale: v.locale,
  };
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [created, setCreated] = useState<CreatedUserT | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', name: '', role: 'kam', department: null, managerId: null, locale: currentLocale() },
    validate: (values) => {
      const errors = zodValidate<Values>(CreateUserRequest, toRequest)(values);
      if (values.role === 'department' && !values.department) errors.department = t('validation.required');
      return errors;
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) => api.post<CreatedUserT>('/api/users', toRequest(values)),
    onSuccess: (answer) => {
      setCreated(answer);
      void client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => showServerError(error, form),
  });
  const close = () => {
    onClose();
    setTimeout(() => {
      setCreated(null);
      form.reset();
    }, 200);
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('users.createdTitle', { name: created.user.name }) : t('users.createTitle')}
      size="lg"
    >
      {created ? (
        <Stack gap="md" data-testid="invitation-result">
          <Alert color="teal" variant="light" icon={<IconMailForward size={18} />}>
            {t('users.createdText')}
          </Alert>
          <CopyField value={created.invitationUrl} testId="invitation-link" />
          <Group justify="flex-end">
            <Button onClick={close}>{t('users.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('users.createText')}
            </Text>
            <SimpleGrid cols={2}>
              <TextInput label={t('users.name')} required data-autofocus {...form.getInputProps('name')} />
              <TextInput label={t('users.email')} type="email" required {...form.getInputProps('email')} />
              <Select label={t('users.role')} data={roleOptions(t)} allowDeselect={false} required {...form.getInputProps('role')} />
              {form.values.role === 'department' ? (
                <Select label={t('users.department')} data={departmentOptions(t)} required {...form.getInputProps('department')} />
              ) : (
                <Select label={t('users.language')} data={localeOptions(t)} allowDeselect={false} {...form.getInputProps('locale')} />
              )}
              <ManagerSelect
                label={t('users.manager')}
                value={form.values.managerId}
                onChange={(id) => form.setFieldValue('managerId', id)}
                error={form.errors.managerId}
              />
              {form.values.role === 'department' && (
                <Select label={t('users.language')} data={localeOptions(t)} allowDeselect={false} {...form.getInputProps('locale')} />
              )}
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
