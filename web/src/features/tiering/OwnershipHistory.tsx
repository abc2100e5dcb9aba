import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';

export function OwnershipHistory({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <Text>
      {t('tiering.title')} {account.name}
    </Text>
  );
}
