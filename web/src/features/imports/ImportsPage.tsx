import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';

export function ImportsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('imports.title')} />;
}
