import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../src/core/contracts';
import { isLocale } from '../i18n';

/** EN / RU switch. */
export function LanguageSwitch({ value, onChange, disabled }: { value: string; onChange: (l: Locale) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={value}
      disabled={disabled}
      onChange={(v) => isLocale(v) && onChange(v)}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'ru', label: 'RU' },
      ]}
    />
  );
}
