import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';

export function StakeholdersTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <Text>
      {t('contacts.title')} {account.name}
    </Text>
  );
}
