import { Button, Group, Modal, ScrollArea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CreateAccountRequest, Money } from '../../../../src/modules/accounts/accounts.contracts';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { notifySuccess, zodValidate } from '../../ui/formErrors';
import {
  AccountFields,
  type AccountFormValues,
  emptyAccountValues,
  requestFields,
  selectableTiers,
  showAccountError,
} from './AccountFields';
import { type Account, accountKey } from './accountsApi';

/** Checks beyond the schema, with messages that say what to do. */
/** `wasLost`: the account is lost already (a reason is asked for only when marking it lost). */
export function validateAccount(t: TFunction, values: AccountFormValues, wasLost = false): Record<string, string> {
  const errors = zodValidate<AccountFormValues>(CreateAccountRequest, (v) => {
    const { lostDate: _d, lostReason: _r, lostToCompetitorId: _c, ...rest } = requestFields(v);
    return rest;
  })(values);
  const money = values.creditLimit.replace(/\s/g, '').replace(',', '.');
  if (money && !Money.safeParse(money).success) errors.creditLimit = t('accounts.fields.moneyInvalid');
  if (values.status === 'lost' && !values.lostDate) errors.lostDate = t('accounts.fields.lostDateRequired');
  if (values.status === 'lost' && !wasLost && !values.lostReason.trim() && !values.lostToCompetitorId)
    errors.lostReason = t('accounts.fields.lostReasonRequired');
  return errors;
}

const createStatuses = ['prospect', 'active', 'at_risk'] as const;

export function NewAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const navigate = useNavigate();
  const mayAssign = can(me, 'accounts.assign');
  const form = useForm<AccountFormValues>({
    mode: 'controlled',
    initialValues: emptyAccountValues(me.company.currency),
    validate: (values) => validateAccount(t, values),
  });
  const create = useMutation({
    mutationFn: (v: AccountFormValues) => {
      const { lostDate: _d, lostReason: _r, lostToCompetitorId: _c, ...fields } = requestFields(v);
      return api.post<Account>('/api/accounts', { ...fields, ...(mayAssign && v.ownerId ? { ownerId: v.ownerId } : {}) });
    },
    onSuccess: async (account) => {
      client.setQueryData(accountKey(account.id), account);
      await client.invalidateQueries({ queryKey: ['accounts'] });
      notifySuccess(t('accounts.created', { name: account.name }));
      onClose();
      form.reset();
      void navigate({ to: '/accounts/$accountId', params: { accountId: account.id } });
    },
    onError: (error) => showAccountError(error, form),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.newTitle')} size="xl" scrollAreaComponent={ScrollArea.Autosize}>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate data-testid="new-account-form">
        <AccountFields form={form} tiers={selectableTiers(can(me, 'accounts.retier'))} statuses={createStatuses} withOwner={mayAssign} />
        <Group
          justify="flex-end"
          mt="lg"
          pt="sm"
          pb="xs"
          pos="sticky"
          bottom={0}
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 3 }}
        >
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="create-account">
            {t('accounts.create')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
