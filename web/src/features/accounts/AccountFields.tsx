import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Autocomplete, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { showServerError } from '../../ui/formErrors';
import { accountChannels, accountTiers } from '../../../../src/modules/accounts/accounts.contracts';
import { type Account, type AccountChannel, type AccountStatus, type AccountTier, useCompetitorOptions, useFacets } from './accountsApi';
import { UserSelect } from './UserSelect';

/** The editable fields of an account as the form holds them (empty text = not given). */
export interface AccountFormValues {
  name: string;
  legalName: string;
  registrationNo: string;
  externalId: string;
  status: AccountStatus;
  tier: AccountTier;
  ownerId: string | null;
  channel: AccountChannel | null;
  segment: string;
  industry: string;
  region: string;
  city: string;
  address: string;
  website: string;
  phone: string;
  currency: string;
  creditLimit: string;
  paymentTermsDays: number | string;
  priceColumn: string;
  source: string;
  nextStep: string;
  lostDate: string | null;
  lostReason: string;
  lostToCompetitorId: string | null;
  tierReason: string;
}

export const textFields = [
  'name',
  'legalName',
  'registrationNo',
  'externalId',
  'segment',
  'industry',
  'region',
  'city',
  'address',
  'website',
  'phone',
  'priceColumn',
  'source',
  'nextStep',
  'lostReason',
] as const;

export function emptyAccountValues(currency: string): AccountFormValues {
  return {
    name: '',
    legalName: '',
    registrationNo: '',
    externalId: '',
    status: 'active',
    tier: 'regular',
    ownerId: null,
    channel: null,
    segment: '',
    industry: '',
    region: '',
    city: '',
    address: '',
    website: '',
    phone: '',
    currency,
    creditLimit: '',
    paymentTermsDays: '',
    priceColumn: '',
    source: '',
    nextStep: '',
    lostDate: null,
    lostReason: '',
    lostToCompetitorId: null,
    tierReason: '',
  };
}

export function valuesOf(a: Account): AccountFormValues {
  return {
    name: a.name,
    legalName: a.legalName ?? '',
    registrationNo: a.registrationNo ?? '',
    externalId: a.externalId ?? '',
    status: a.status,
    tier: a.tier,
    ownerId: a.owner?.id ?? null,
    channel: a.channel,
    segment: a.segment ?? '',
    industry: a.industry ?? '',
    region: a.region ?? '',
    city: a.city ?? '',
    address: a.address ?? '',
    website: a.website ?? '',
    phone: a.phone ?? '',
    currency: a.currency,
    creditLimit: a.creditLimit ?? '',
    paymentTermsDays: a.paymentTermsDays ?? '',
    priceColumn: a.priceColumn ?? '',
    source: a.source ?? '',
    nextStep: a.nextStep ?? '',
    lostDate: a.lostDate,
    lostReason: a.lostReason ?? '',
    lostToCompetitorId: a.lostToCompetitorId,
    tierReason: '',
  };
}

/** The request fields for these values: trimmed text, empty = null. */
export function requestFields(v: AccountFormValues) {
  const text = (s: string) => (s.trim() ? s.trim() : null);
  const lost = v.status === 'lost';
  return {
    name: v.name.trim(),
    legalName: text(v.legalName),
    registrationNo: text(v.registrationNo),
    externalId: text(v.externalId),
    status: v.status,
    tier: v.tier,
    channel: v.channel,
    segment: text(v.segment),
    industry: text(v.industry),
    region: text(v.region),
    city: text(v.city),
    address: text(v.address),
    website: text(v.website),
    phone: text(v.phone),
    currency: v.currency.trim().toUpperCase(),
    creditLimit: text(v.creditLimit.replace(/\s/g, '').replace(',', '.')),
    paymentTermsDays: v.paymentTermsDays === '' ? null : Number(v.paymentTermsDays),
    priceColumn: text(v.priceColumn),
    source: text(v.source),
    nextStep: text(v.nextStep),
    lostDate: lost ? v.lostDate : null,
    lostReason: lost ? text(v.lostReason) : null,
    lostToCompetitorId: lost ? v.lostToCompetitorId : null,
  };
}

const commonCurrencies = ['RUB', 'USD', 'EUR', 'CNY', 'KZT', 'BYN', 'UZS', 'AED', 'TRY', 'GBP'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** Server refusals that belong to one field are shown at that field. */
const fieldOfCode: Record<string, keyof AccountFormValues> = {
  EXTERNAL_ID_TAKEN: 'externalId',
  OWNER_INVALID: 'ownerId',
  LOST_DATE_REQUIRED: 'lostDate',
};

export function showAccountError(error: unknown, form: UseFormReturnType<AccountFormValues>): void {
  const field = error instanceof ApiError ? fieldOfCode[error.code] : undefined;
  if (field && error instanceof ApiError) form.setFieldError(field, error.message);
  else showServerError(error, form);
}

/** yyyy-mm-dd or dd.mm.yyyy typed by hand. */
export function parseDay(input: string): string | null {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (iso) return s;
  if (ru) return `${ru[3]}-${ru[2]?.padStart(2, '0')}-${ru[1]?.padStart(2, '0')}`;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

export function LostFields({ form }: { form: UseFormReturnType<AccountFormValues> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const competitors = useCompetitorOptions(true);
  return (
    <SimpleGrid cols={2} spacing="sm">
      <DateInput
        label={t('accounts.fields.lostDate')}
        required
        placeholder={lang === 'ru' ? 'ДД.ММ.ГГГГ' : 'YYYY-MM-DD'}
        valueFormat={lang === 'ru' ? 'DD.MM.YYYY' : 'MMM D, YYYY'}
        dateParser={parseDay}
        locale={lang}
        maxDate={new Date()}
        popoverProps={{ withinPortal: true }}
        {...form.getInputProps('lostDate')}
        data-testid="lost-date"
      />
      <Select
        label={t('accounts.fields.lostToCompetitorId')}
        placeholder={competitors.data?.length ? t('accounts.fields.lostToPlaceholder') : t('accounts.fields.noCompetitors')}
        data={(competitors.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        searchable
        clearable
        disabled={!competitors.data?.length}
        {...form.getInputProps('lostToCompetitorId')}
      />
      <Textarea
        label={t('accounts.fields.lostReason')}
        autosize
        minRows={2}
        maxLength={1000}
        style={{ gridColumn: 'span 2' }}
        {...form.getInputProps('lostReason')}
      />
    </SimpleGrid>
  );
}

interface Props {
  form: UseFormReturnType<AccountFormValues>;
  /** tiers the user may choose from; none = the tier is not editable here */
  tiers: readonly AccountTier[];
  statuses: readonly AccountStatus[];
  /** show the owner picker (those who may assign accounts) */
  withOwner?: boolean;
  /** the tier differs from the stored one: ask why */
  askTierReason?: boolean;
}

/** Every editable field of an account, in sections; used by "New account" and "Edit". */
export function AccountFields({ form, tiers, statuses, withOwner, askTierReason }: Props) {
  const { t } = useTranslation();
  const facets = useFacets();
  const v = form.getValues();
  const currencies = commonCurrencies.includes(v.currency) ? commonCurrencies : [v.currency, ...commonCurrencies];
  return (
    <Stack gap="lg">
      <Section title={t('accounts.sections.basics')}>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('accounts.fields.name')} required data-autofocus maxLength={300} {...form.getInputProps('name')} />
          <TextInput label={t('accounts.fields.legalName')} maxLength={300} {...form.getInputProps('legalName')} />
          <TextInput label={t('accounts.fields.registrationNo')} maxLength={50} {...form.getInputProps('registrationNo')} />
          <TextInput
            label={t('accounts.fields.externalId')}
            placeholder={t('accounts.fields.externalIdHint')}
            maxLength={100}
            {...form.getInputProps('externalId')}
          />
          <Select
            label={t('accounts.fields.status')}
            data={statuses.map((s) => ({ value: s, label: t(`accounts.status.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
            data-testid="field-status"
          />
          {tiers.length > 0 && (
            <Select
              label={t('accounts.fields.tier')}
              data={tiers.map((s) => ({ value: s, label: t(`accounts.tier.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('tier')}
            />
          )}
          {withOwner && (
            <UserSelect
              label={t('accounts.fields.owner')}
              description={t('accounts.fields.ownerHint')}
              placeholder={t('accounts.fields.ownerPlaceholder')}
              value={form.values.ownerId}
              onChange={(id) => form.setFieldValue('ownerId', id)}
              error={form.errors.ownerId}
            />
          )}
          {askTierReason && (
            <TextInput
              label={t('accounts.fields.tierReason')}
              maxLength={500}
              {...form.getInputProps('tierReason')}
              style={{ gridColumn: 'span 2' }}
            />
          )}
        </SimpleGrid>
      </Section>
      {v.status === 'prospect' && (
        <Section title={t('accounts.sections.prospecting')}>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('accounts.fields.source')}
              placeholder={t('accounts.fields.sourcePlaceholder')}
              maxLength={300}
              {...form.getInputProps('source')}
            />
            <TextInput
              label={t('accounts.fields.nextStep')}
              placeholder={t('accounts.fields.nextStepPlaceholder')}
              maxLength={1000}
              {...form.getInputProps('nextStep')}
            />
          </SimpleGrid>
        </Section>
      )}
      {v.status === 'lost' && (
        <Section title={t('accounts.sections.lost')}>
          <LostFields form={form} />
        </Section>
      )}
      <Section title={t('accounts.sections.classification')}>
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('accounts.fields.channel')}
            data={accountChannels.map((c) => ({ value: c, label: t(`accounts.channel.${c}`) }))}
            clearable
            {...form.getInputProps('channel')}
          />
          <Autocomplete
            label={t('accounts.fields.segment')}
            data={facets.data?.segments ?? []}
            maxLength={200}
            {...form.getInputProps('segment')}
          />
          <Autocomplete
            label={t('accounts.fields.industry')}
            data={facets.data?.industries ?? []}
            maxLength={200}
            {...form.getInputProps('industry')}
          />
          <Autocomplete
            label={t('accounts.fields.region')}
            data={facets.data?.regions ?? []}
            maxLength={200}
            {...form.getInputProps('region')}
          />
          <TextInput label={t('accounts.fields.city')} maxLength={200} {...form.getInputProps('city')} />
          <TextInput label={t('accounts.fields.phone')} maxLength={50} {...form.getInputProps('phone')} />
          <TextInput label={t('accounts.fields.website')} placeholder="https://" maxLength={300} {...form.getInputProps('website')} />
          <TextInput label={t('accounts.fields.address')} maxLength={500} {...form.getInputProps('address')} />
        </SimpleGrid>
      </Section>
      <Section title={t('accounts.sections.terms')}>
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('accounts.fields.currency')}
            data={currencies}
            searchable
            allowDeselect={false}
            {...form.getInputProps('currency')}
          />
          <TextInput
            label={t('accounts.fields.creditLimit')}
            inputMode="decimal"
            placeholder="0.00"
            rightSection={
              <Text size="xs" c="dimmed">
                {v.currency}
              </Text>
            }
            rightSectionWidth={44}
            {...form.getInputProps('creditLimit')}
          />
          <NumberInput
            label={t('accounts.fields.paymentTermsDays')}
            min={0}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('paymentTermsDays')}
          />
          <TextInput label={t('accounts.fields.priceColumn')} maxLength={100} {...form.getInputProps('priceColumn')} />
        </SimpleGrid>
      </Section>
    </Stack>
  );
}

/** Tiers a user may set by hand: all for those who may re-tier, else not key. */
export function selectableTiers(mayRetier: boolean): readonly AccountTier[] {
  return mayRetier ? accountTiers : accountTiers.filter((tier) => tier !== 'key');
}
