import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';

export function ScoringSettingsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('tiering.title')} />;
}
