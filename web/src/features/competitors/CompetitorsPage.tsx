import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';

export function CompetitorsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('competitors.title')} />;
}
