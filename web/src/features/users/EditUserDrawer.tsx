import { Alert, Badge, Button, Divider, Drawer, Group, Modal, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLink, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, Locale, Role } from '../../../../src/core/contracts';
import { UpdateUserRequest } from '../../../../src/modules/users/users.contracts';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import type { User } from '../../app/types';
import { formatDateTime } from '../../i18n/format';
import { CopyField } from '../../ui/CopyField';
import { notifySuccess, showServerError, zodValidate } from '../../ui/formErrors';
import { RoleBadge } from '../../ui/RoleBadge';
import { ManagerSelect } from './ManagerSelect';
import { departmentOptions, localeOptions, roleOptions } from './userOptions';

/** Row click on Users: change role, manager, department, language; disable/enable; new invitation link. */
export function EditUserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useQuery({
    queryKey: ['users', 'one', userId],
    queryFn: () => api.get<User>(`/api/users/${userId}`),
    enabled: !!userId,
  });
  return (
    <Drawer opened={!!userId} onClose={onClose} position="right" size={460} title={t('users.editTitle')}>
      {user.isPending ? (
        <Stack>
          <Skeleton h={40} />
          <Skeleton h={36} />
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      ) : user.isError ? (
        <Alert color="red">{user.error.message}</Alert>
      ) : (
        <EditUserForm key={user.data.id} user={user.data} />
      )}
    </Drawer>
  );
}

interface Values {
  name: string;
  role: Role;
  department: Department | null;
  managerId: string | null;
  locale: Locale;
}

function EditUserForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [invitationUrl, setInvitationUrl] = useState<string | null>(null);
  const lang = i18n.resolvedLanguage ?? 'en';
  const initial: Values = {
    name: user.name,
    role: user.role,
    department: user.department,
    managerId: user.manager?.id ?? null,
    locale: user.locale,
  };
  const toRequest = (v: Values) => ({ ...v, department: v.role === 'department' ? v.department : null });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => {
      const errors = zodValidate<Values>(UpdateUserRequest, toRequest)(values);
      if (values.role === 'department' && !values.department) errors.department = t('validation.required');
      return errors;
    },
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });

  const save = useMutation({
    mutationFn: (values: Values) => api.patch<User>(`/api/users/${user.id}`, toRequest(values)),
    onSuccess: async () => {
      notifySuccess(t('common.saved'));
      form.resetDirty(form.getValues());
      await refresh();
    },
    onError: (error) => showServerError(error, form),
  });
  const toggle = useMutation({
    mutationFn: (disabled: boolean) => api.patch<User>(`/api/users/${user.id}`, { disabled }),
    onSuccess: async (_answer, disabled) => {
      setConfirming(false);
      notifySuccess(t(disabled ? 'users.disabledToast' : 'users.enabledToast', { name: user.name }));
      await refresh();
    },
    onError: (error) => showServerError(error),
  });
  const invite = useMutation({
    mutationFn: () => api.post<{ invitationUrl: string }>(`/api/users/${user.id}/invitation`),
    onSuccess: (answer) => setInvitationUrl(answer.invitationUrl),
    onError: (error) => showServerError(error),
  });

  const isMe = user.id === me.id;
  return (
    <Stack gap="md" data-testid="edit-user">
      <div>
        <Group gap="xs">
          <Text fw={600} size="lg">
            {user.name}
          </Text>
          {isMe && <Badge color="gray">{t('users.youBadge')}</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        <Group gap={6} mt={6}>
          <RoleBadge role={user.role} />
          <Badge color={user.disabled ? 'red' : 'teal'} data-testid="user-status">
            {user.disabled ? t('users.disabled') : t('users.active')}
          </Badge>
          {user.totpEnabled && <Badge color="blue">{t('users.twoFactorOn')}</Badge>}
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          {t('users.lastSignIn')}: {user.lastSignInAt ? formatDateTime(user.lastSignInAt, lang, me.company.timeZone) : t('common.never')}
        </Text>
      </div>
      <Divider />
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('users.name')} {...form.getInputProps('name')} />
          <Select
            label={t('users.role')}
            data={roleOptions(t)}
            allowDeselect={false}
            {...form.getInputProps('role')}
            data-testid="edit-role"
          />
          {form.values.role === 'department' && (
            <Select label={t('users.department')} data={departmentOptions(t)} {...form.getInputProps('department')} />
          )}
          <ManagerSelect
            label={t('users.manager')}
            value={form.values.managerId}
            current={user.manager}
            excludeId={user.id}
            onChange={(id) => form.setFieldValue('managerId', id)}
            error={form.errors.managerId}
          />
          <Select label={t('users.language')} data={localeOptions(t)} allowDeselect={false} {...form.getInputProps('locale')} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('users.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Divider />
      <Stack gap="xs">
        <Group justify="space-between">
          <div>
            <Text size="sm" fw={500}>
              {t('users.newInvitation')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('users.invitationHint')}
            </Text>
          </div>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconLink size={14} />}
            onClick={() => invite.mutate()}
            loading={invite.isPending}
          >
            {t('users.newInvitation')}
          </Button>
        </Group>
        {invitationUrl && <CopyField value={invitationUrl} testId="invitation-link" />}
      </Stack>
      {!isMe && (
        <>
          <Divider />
          {user.disabled ? (
            <Button
              variant="light"
              color="teal"
              leftSection={<IconUserCheck size={16} />}
              onClick={() => toggle.mutate(false)}
              loading={toggle.isPending}
            >
              {t('users.enable')}
            </Button>
          ) : (
            <Button variant="light" color="red" leftSection={<IconUserOff size={16} />} onClick={() => setConfirming(true)}>
              {t('users.disable')}
            </Button>
          )}
        </>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('users.disableConfirmTitle', { name: user.name })} centered>
        <Text size="sm">{t('users.disableConfirmText')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => toggle.mutate(true)} loading={toggle.isPending} data-testid="confirm-disable">
            {t('users.disable')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
