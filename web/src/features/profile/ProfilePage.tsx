import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { AbsencesSection } from '../absences/AbsencesSection';
import { NotificationsSection } from '../notifications/NotificationsSection';
import { CalendarFeedSection } from './CalendarFeedSection';
import { PasswordSection } from './PasswordSection';
import { PersonalSection } from './PersonalSection';
import { TokensSection } from './TokensSection';
import { TwoFactorSection } from './TwoFactorSection';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={t('profile.subtitle')} />
      <Stack gap="lg" maw={820}>
        <PersonalSection />
        <PasswordSection />
        <TwoFactorSection />
        <TokensSection />
        <CalendarFeedSection />
        <AbsencesSection />
        <NotificationsSection />
      </Stack>
    </>
  );
}
