import { Alert, Box, Button, Drawer, Group, List, ScrollArea, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { useAccountRefresh } from './AccountActions';
import { AccountFields, type AccountFormValues, requestFields, selectableTiers, showAccountError, valuesOf } from './AccountFields';
import { type Account, accountKey } from './accountsApi';
import { validateAccount } from './NewAccountModal';

type Request = ReturnType<typeof requestFields>;
type Field = keyof Request;

/** The fields whose request value differs between two sets of form values. */
function changedFields(from: AccountFormValues, to: AccountFormValues): Field[] {
  const a = requestFields(from);
  const b = requestFields(to);
  return (Object.keys(b) as Field[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export function EditAccountDrawer({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={620}
      title={t('accounts.editTitle')}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {opened && <EditAccountForm account={account} onDone={onClose} />}
    </Drawer>
  );
}

interface Merge {
  /** fields someone else changed that the user had also changed (the user's value is kept) */
  overlapping: { field: Field; theirs: string }[];
}

/**
 * Sends only what the user changed, with the version the form was based on. When someone else saved
 * meanwhile (409), the user's values stay in the form; "Load the latest version" rebases them on the
 * newest account and says where both changed the same field.
 */
function EditAccountForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = useAccountRefresh();
  const [base, setBase] = useState(account);
  const [stale, setStale] = useState(false);
  const [merge, setMerge] = useState<Merge | null>(null);
  const form = useForm<AccountFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(account),
    validate: (values) => validateAccount(t, values, account.status === 'lost'),
  });
  const baseValues = valuesOf(base);
  const changed = changedFields(baseValues, form.values).filter((f) => f !== 'tier' || base.can.retier);

  const save = useMutation({
    mutationFn: (values: AccountFormValues) => {
      const request = requestFields(values);
      const body: Record<string, unknown> = Object.fromEntries(changed.map((f) => [f, request[f]]));
      if (changed.includes('tier') && values.tierReason.trim()) body.tierReason = values.tierReason.trim();
      return api.patch<Account>(`/api/accounts/${account.id}`, { ...body, version: base.version });
    },
    onSuccess: async (answer) => {
      await refresh(answer);
      notifySuccess(t('accounts.saved'));
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setStale(true);
        setMerge(null);
      } else showAccountError(error, form);
    },
  });

  const reload = useMutation({
    mutationFn: () => api.get<Account>(`/api/accounts/${account.id}`),
    onSuccess: (latest) => {
      client.setQueryData(accountKey(latest.id), latest);
      const latestValues = valuesOf(latest);
      const mine = new Set(changedFields(baseValues, form.values));
      const theirs = changedFields(baseValues, latestValues);
      const merged = { ...latestValues };
      for (const key of Object.keys(merged) as (keyof AccountFormValues)[]) {
        const touched = JSON.stringify(form.values[key]) !== JSON.stringify(baseValues[key]);
        if (touched) (merged as Record<string, unknown>)[key] = form.values[key];
      }
      const shown = requestFields(latestValues);
      setBase(latest);
      form.setValues(merged);
      setStale(false);
      setMerge({ overlapping: theirs.filter((f) => mine.has(f)).map((f) => ({ field: f, theirs: String(shown[f] ?? '—') })) });
    },
    onError: (error) => showServerError(error),
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="edit-account-form">
      <AccountFields
        form={form}
        tiers={base.can.retier ? selectableTiers(true) : []}
        statuses={['prospect', 'active', 'at_risk', 'lost']}
        askTierReason={base.can.retier && form.values.tier !== base.tier}
      />
      {/* the footer stays in sight, so a conflict is seen wherever the user scrolled to */}
      <Box
        pos="sticky"
        bottom={0}
        mt="lg"
        pt="sm"
        pb="xs"
        bg="var(--mantine-color-body)"
        style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 3 }}
      >
        {stale && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} />}
            title={t('accounts.conflict.title')}
            mb="sm"
            data-testid="conflict-alert"
          >
            <Stack gap="xs">
              <Text size="sm">{t('accounts.conflict.text')}</Text>
              <Group>
                <Button
                  size="xs"
                  color="orange"
                  leftSection={<IconRefresh size={14} />}
                  onClick={() => reload.mutate()}
                  loading={reload.isPending}
                  data-testid="conflict-reload"
                >
                  {t('accounts.conflict.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {merge && (
          <Alert
            color="blue"
            title={t('accounts.conflict.reloadedTitle')}
            mb="sm"
            withCloseButton
            onClose={() => setMerge(null)}
            data-testid="conflict-reloaded"
          >
            <Text size="sm">{t('accounts.conflict.reloadedText')}</Text>
            {merge.overlapping.length > 0 && (
              <List size="sm" mt={6}>
                {merge.overlapping.map((o) => (
                  <List.Item key={o.field}>
                    {t('accounts.conflict.theirValue', { field: t(`accounts.fields.${o.field}`), value: o.theirs })}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {changed.length ? t('accounts.unsavedCount', { n: changed.length }) : t('accounts.noChanges')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!changed.length || stale} data-testid="save-account">
              {t('accounts.saveChanges')}
            </Button>
          </Group>
        </Group>
      </Box>
    </form>
  );
}
