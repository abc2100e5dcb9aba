import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';

/** The way to the Imports page, for those who may import. */
export function ImportAction() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!can(me, 'imports.run')) return null;
  return (
    <Button component={Link} to="/settings/imports" variant="light" size="xs" leftSection={<IconFileImport size={14} />}>
      {t('commercial.orders.importLink')}
    </Button>
  );
}
