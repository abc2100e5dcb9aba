import { Alert, Anchor, Stack } from '@mantine/core';
import { IconUserShare } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n/format';
import { useCover } from './absencesApi';

/** The app shell's banner while an absence is under way: for the deputy and for the absent user (B3). */
export function CoverBanner() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const cover = useCover();
  if (!cover.data || (!cover.data.covering.length && !cover.data.coveredBy.length)) return null;
  const manage = (
    <Anchor component={Link} to="/profile" size="sm" ml={6}>
      {t('absences.bannerManage')}
    </Anchor>
  );
  return (
    <Stack gap="xs" mb="md" data-testid="cover-banner">
      {cover.data.covering.map((c) => (
        <Alert key={c.absenceId} color="orange" variant="light" icon={<IconUserShare size={18} />} py="xs">
          {t('absences.bannerCovering', { name: c.user.name, date: formatDay(c.lastDay, lang) })}
          {manage}
        </Alert>
      ))}
      {cover.data.coveredBy.map((c) => (
        <Alert key={c.absenceId} color="blue" variant="light" icon={<IconUserShare size={18} />} py="xs">
          {t('absences.bannerCoveredBy', { name: c.deputy.name, date: formatDay(c.lastDay, lang) })}
          {manage}
        </Alert>
      ))}
    </Stack>
  );
}
