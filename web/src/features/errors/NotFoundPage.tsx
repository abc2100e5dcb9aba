import { Button, Center } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../ui/Empty';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" data-testid="not-found">
      <Empty
        icon={<IconMapQuestion size={28} />}
        title={t('errors.notFoundTitle')}
        text={t('errors.notFoundText')}
        action={
          <Button component={Link} to="/">
            {t('errors.toHome')}
          </Button>
        }
      />
    </Center>
  );
}
