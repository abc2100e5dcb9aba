import { Button, Center, Code, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type ErrorComponentProps, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Empty } from '../../ui/Empty';

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? error.message : null;
  return (
    <Center mih="60vh" data-testid="error-page">
      <Empty
        icon={<IconAlertTriangle size={28} />}
        title={t('errors.crashTitle')}
        text={detail ?? t('errors.crashText')}
        action={
          <Group>
            <Button onClick={() => (reset ? reset() : window.location.reload())}>{t('common.retry')}</Button>
            <Button variant="default" component={Link} to="/">
              {t('errors.toHome')}
            </Button>
          </Group>
        }
      />
      {import.meta.env.DEV && error instanceof Error && !detail && <Code block>{error.message}</Code>}
    </Center>
  );
}
