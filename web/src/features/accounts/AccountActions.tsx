import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive, IconArchiveOff, IconCircleX, IconDots } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { type AccountFormValues, LostFields, valuesOf } from './AccountFields';
import { type Account, accountKey, timelineKey } from './accountsApi';

/** After a change: the account, the lists it appears in and its timeline are out of date. */
export function useAccountRefresh() {
  const client = useQueryClient();
  return async (account: Account) => {
    client.setQueryData(accountKey(account.id), account);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['accounts'] }),
      client.invalidateQueries({ queryKey: timelineKey(account.id) }),
    ]);
  };
}

/** A 409 means someone else changed the account: say so and show their version. */
function useConflictAware(account: Account) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && error.code === 'CONFLICT') {
      showServerError(new ApiError(409, 'CONFLICT', t('accounts.conflict.short')));
      void client.invalidateQueries({ queryKey: accountKey(account.id) });
    } else showServerError(error);
  };
}

export function RestoreButton({ account }: { account: Account }) {
  const { t } = useTranslation();
  const refresh = useAccountRefresh();
  const onError = useConflictAware(account);
  const restore = useMutation({
    mutationFn: () => api.post<Account>(`/api/accounts/${account.id}/restore`, { version: account.version }),
    onSuccess: async (answer) => {
      await refresh(answer);
      notifySuccess(t('accounts.restored', { name: answer.name }));
    },
    onError,
  });
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={<IconArchiveOff size={14} />}
      onClick={() => restore.mutate()}
      loading={restore.isPending}
      data-testid="restore-account"
    >
      {t('accounts.restore')}
    </Button>
  );
}

/** The "…" menu of an account: mark as lost, archive (each asks first). */
export function AccountActions({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'lost' | 'archive' | null>(null);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={220}>
        <Menu.Target>
          <ActionIcon variant="default" size={36} aria-label={t('accounts.moreActions')} data-testid="account-actions">
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {account.status !== 'lost' && (
            <Menu.Item leftSection={<IconCircleX size={16} />} onClick={() => setDialog('lost')} data-testid="mark-lost">
              {t('accounts.markLost')}
            </Menu.Item>
          )}
          {!account.archived && (
            <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => setDialog('archive')} data-testid="archive-account">
              {t('accounts.archive')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <LostModal account={account} opened={dialog === 'lost'} onClose={() => setDialog(null)} />
      <ArchiveModal account={account} opened={dialog === 'archive'} onClose={() => setDialog(null)} />
    </>
  );
}

function ArchiveModal({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useAccountRefresh();
  const onError = useConflictAware(account);
  const archive = useMutation({
    mutationFn: () => api.post<Account>(`/api/accounts/${account.id}/archive`, { version: account.version }),
    onSuccess: async (answer) => {
      onClose();
      await refresh(answer);
      notifySuccess(t('accounts.archived', { name: answer.name }));
    },
    onError,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.archiveTitle', { name: account.name })}>
      <Stack gap="md">
        <Text size="sm">{t('accounts.archiveText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="gray" onClick={() => archive.mutate()} loading={archive.isPending} data-testid="confirm-archive">
            {t('accounts.archive')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LostModal({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useAccountRefresh();
  const onError = useConflictAware(account);
  const form = useForm<AccountFormValues>({
    mode: 'controlled',
    initialValues: { ...valuesOf(account), status: 'lost', lostDate: new Date().toLocaleDateString('sv-SE') },
    validate: {
      lostDate: (v) => (v ? null : t('accounts.fields.lostDateRequired')),
      lostReason: (v, values) => (v.trim() || values.lostToCompetitorId ? null : t('accounts.fields.lostReasonRequired')),
    },
  });
  const markLost = useMutation({
    mutationFn: (v: AccountFormValues) =>
      api.patch<Account>(`/api/accounts/${account.id}`, {
        status: 'lost',
        lostDate: v.lostDate,
        lostReason: v.lostReason.trim() || null,
        lostToCompetitorId: v.lostToCompetitorId,
        version: account.version,
      }),
    onSuccess: async (answer) => {
      onClose();
      await refresh(answer);
      notifySuccess(t('accounts.markedLost', { name: answer.name }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'CONFLICT') onClose();
      onError(error);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.lostTitle', { name: account.name })} size="lg">
      <form onSubmit={form.onSubmit((v) => markLost.mutate(v))} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('accounts.lostText')}
          </Text>
          <LostFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" type="submit" loading={markLost.isPending} data-testid="confirm-lost">
              {t('accounts.markLost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
