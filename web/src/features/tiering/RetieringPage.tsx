import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';

export function RetieringPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('tiering.title')} />;
}
