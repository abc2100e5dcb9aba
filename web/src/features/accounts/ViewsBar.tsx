import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBookmarkPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountColumn } from '../../../../src/modules/accounts/accounts.contracts';
import { api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { type ListFilters, type SavedView, useViews, viewQuery, viewsKey } from './accountsApi';

interface Props {
  activeId: string | null;
  /** the current filters and columns differ from the active view's */
  modified: boolean;
  filters: ListFilters;
  columns: AccountColumn[];
  onApply: (view: SavedView | null) => void;
}

/** "All accounts", the built-in views, the user's own; save the current filters and columns as a view. */
export function ViewsBar({ activeId, modified, filters, columns, onApply }: Props) {
  const { t } = useTranslation();
  const views = useViews();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const name = (v: SavedView) => (v.key ? t(`accounts.views.builtIn.${v.key}`) : v.name);

  const pill = (id: string | null, label: string, view: SavedView | null) => {
    const active = activeId === id;
    return (
      <Group key={id ?? 'all'} gap={0} wrap="nowrap" className="grove-view-pill" data-active={active || undefined}>
        <UnstyledButton
          onClick={() => onApply(view)}
          px="sm"
          py={5}
          aria-pressed={active}
          data-testid="view-pill"
          style={{
            borderRadius: 999,
            fontSize: 'var(--mantine-font-size-sm)',
            fontWeight: active ? 600 : 500,
            whiteSpace: 'nowrap',
            background: active ? 'var(--mantine-primary-color-light)' : undefined,
            color: active ? 'var(--mantine-primary-color-light-color)' : 'var(--mantine-color-dimmed)',
          }}
        >
          {label}
          {active && modified ? ' •' : ''}
        </UnstyledButton>
        {view && !view.builtIn && (
          <Tooltip label={t('accounts.views.delete')} openDelay={300}>
            <ActionIcon
              size="xs"
              variant="subtle"
              color="gray"
              radius="xl"
              aria-label={t('accounts.views.deleteNamed', { name: view.name })}
              onClick={() => setDeleting(view)}
            >
              <IconX size={12} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    );
  };

  return (
    <>
      <Group justify="space-between" wrap="nowrap" mb="sm" gap="sm" align="flex-start">
        <Group gap={4} style={{ flex: 1 }} data-testid="views-bar">
          {pill(null, t('accounts.views.all'), null)}
          {views.data?.map((v) => pill(v.id, name(v), v))}
        </Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconBookmarkPlus size={16} />}
          onClick={() => setSaving(true)}
          data-testid="save-view"
        >
          {t('accounts.views.save')}
        </Button>
      </Group>
      <SaveViewModal
        opened={saving}
        onClose={() => setSaving(false)}
        filters={filters}
        columns={columns}
        onSaved={(view) => {
          setSaving(false);
          onApply(view);
        }}
      />
      <DeleteViewModal
        view={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(view) => {
          setDeleting(null);
          if (view.id === activeId) onApply(null);
        }}
      />
    </>
  );
}

function SaveViewModal({
  opened,
  onClose,
  filters,
  columns,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  filters: ListFilters;
  columns: AccountColumn[];
  onSaved: (view: SavedView) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (name: string) => api.post<SavedView>('/api/account-views', { name: name.trim(), query: viewQuery(filters), columns }),
    onSuccess: async (view) => {
      await client.invalidateQueries({ queryKey: viewsKey });
      notifySuccess(t('accounts.views.saved', { name: view.name }));
      form.reset();
      onSaved(view);
    },
    onError: (error) => showServerError(error, form, (path) => (path.startsWith('name') ? 'name' : null)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.views.saveTitle')}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v.name))} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('accounts.views.saveText')}
          </Text>
          <TextInput label={t('accounts.views.name')} required data-autofocus maxLength={100} {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-view-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteViewModal({ view, onClose, onDeleted }: { view: SavedView | null; onClose: () => void; onDeleted: (v: SavedView) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (v: SavedView) => api.delete(`/api/account-views/${v.id}`),
    onSuccess: async (_answer, v) => {
      await client.invalidateQueries({ queryKey: viewsKey });
      notifySuccess(t('accounts.views.deleted', { name: v.name }));
      onDeleted(v);
    },
    onError: (error) => showServerError(error),
  });
  return (
    <Modal opened={!!view} onClose={onClose} title={t('accounts.views.deleteTitle', { name: view?.name ?? '' })}>
      <Stack gap="sm">
        <Text size="sm">{t('accounts.views.deleteText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => view && remove.mutate(view)}>
            {t('accounts.views.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
