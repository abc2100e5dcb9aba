import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyOptions, timeZoneOptions } from './companyOptions';

export interface CompanyValues {
  name: string;
  currency: string;
  timeZone: string;
  defaultLocale: 'en' | 'ru';
}

/** Name, currency, time zone, default language: used by first-run and the Company settings. */
// biome-ignore lint/suspicious/noExplicitAny: the form's value shape differs between first-run and settings
export function CompanyFields({ form, prefix = '' }: { form: UseFormReturnType<any>; prefix?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const currencies = useMemo(() => currencyOptions(lang), [lang]);
  const zones = useMemo(() => timeZoneOptions(), []);
  const p = (field: string) => `${prefix}${field}`;
  return (
    <>
      <TextInput label={t('setup.companyName')} required {...form.getInputProps(p('name'))} key={form.key(p('name'))} />
      <SimpleGrid cols={2}>
        <Select
          label={t('setup.currency')}
          data={currencies}
          searchable
          allowDeselect={false}
          required
          {...form.getInputProps(p('currency'))}
          key={form.key(p('currency'))}
        />
        <Select
          label={t('setup.defaultLocale')}
          data={[
            { value: 'en', label: t('languages.en') },
            { value: 'ru', label: t('languages.ru') },
          ]}
          allowDeselect={false}
          required
          {...form.getInputProps(p('defaultLocale'))}
          key={form.key(p('defaultLocale'))}
        />
      </SimpleGrid>
      <Select
        label={t('setup.timeZone')}
        data={zones}
        searchable
        allowDeselect={false}
        limit={200}
        required
        {...form.getInputProps(p('timeZone'))}
        key={form.key(p('timeZone'))}
      />
    </>
  );
}
