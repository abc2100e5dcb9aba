import { Button, Group, Modal, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { type Contact, contactsApi, useRefreshAfterChange } from './contactsApi';

/** Archives an active stakeholder, restores an archived one. */
export function useToggleArchived(accountId: string, onDone?: () => void) {
  const { t } = useTranslation();
  const refresh = useRefreshAfterChange(accountId);
  return useMutation({
    mutationFn: (c: Contact) => contactsApi.archive(c, !c.archived),
    onSuccess: async (saved) => {
      notifySuccess(t(saved.archived ? 'contacts.toast.archived' : 'contacts.toast.restored', { name: saved.fullName }));
      onDone?.();
      await refresh();
    },
    onError: async (error) => {
      showServerError(error);
      onDone?.();
      await refresh({ timeline: false });
    },
  });
}

/** Archiving asks first: the person leaves the list and the map. */
export function ArchiveConfirm({
  accountId,
  contact,
  onClose,
  onDone = onClose,
}: {
  accountId: string;
  contact: Contact | null;
  /** cancelled */
  onClose: () => void;
  /** archived (or failed and explained) */
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const run = useToggleArchived(accountId, onDone);
  return (
    <Modal
      opened={!!contact}
      onClose={onClose}
      title={contact ? t('contacts.archiveConfirm.title', { name: contact.fullName }) : ''}
      centered
    >
      <Text size="sm">{t('contacts.archiveConfirm.text')}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => contact && run.mutate(contact)} loading={run.isPending} data-testid="confirm-archive">
          {t('contacts.actions.archive')}
        </Button>
      </Group>
    </Modal>
  );
}
