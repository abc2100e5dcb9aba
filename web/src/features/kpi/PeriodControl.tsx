import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { ActionIcon, Button, Group, SegmentedControl, Select, Tooltip } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue, MonthPickerInput, YearPickerInput } from '@mantine/dates';
import { IconCalendar, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contains, type Period, type PeriodKind, periodContaining, periodLabel, shiftPeriod } from './period';

interface Props {
  period: Period;
  today: string;
  onChange: (p: Period) => void;
}

/** Month, quarter, year or a range of dates, with previous and next. */
export function PeriodControl({ period, today, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const setKind = (kind: PeriodKind) =>
    onChange(
      kind === 'custom' ? { kind, from: period.from, to: period.to } : periodContaining(kind, period.from > today ? today : period.from),
    );
  const current = period.kind !== 'custom' && contains(period, today);

  return (
    <Group gap="xs" wrap="wrap" data-testid="kpi-period">
      <SegmentedControl
        size="sm"
        value={period.kind}
        onChange={(v) => setKind(v as PeriodKind)}
        aria-label={t('kpi.period.label')}
        data={(['month', 'quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`kpi.period.${k}`) }))}
        data-testid="kpi-period-kind"
      />
      <Group gap={4} wrap="nowrap">
        <Tooltip label={t('kpi.period.previous')}>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onChange(shiftPeriod(period, -1))}
            aria-label={t('kpi.period.previous')}
            data-testid="kpi-period-prev"
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Picker period={period} today={today} lang={lang} onChange={onChange} />
        <Tooltip label={t('kpi.period.next')}>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => onChange(shiftPeriod(period, 1))}
            aria-label={t('kpi.period.next')}
            data-testid="kpi-period-next"
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {period.kind !== 'custom' && !current && (
        <Button variant="subtle" size="sm" onClick={() => onChange(periodContaining(period.kind, today))} data-testid="kpi-period-current">
          {t('kpi.period.current')}
        </Button>
      )}
    </Group>
  );
}

function Picker({ period, today, lang, onChange }: Props & { lang: 'en' | 'ru' }) {
  const { t } = useTranslation();
  const icon = <IconCalendar size={16} stroke={1.6} />;
  switch (period.kind) {
    case 'month':
      return (
        <MonthPickerInput
          value={period.from}
          onChange={(v) => v && onChange(periodContaining('month', String(v)))}
          locale={lang}
          valueFormat="MMMM YYYY"
          leftSection={icon}
          aria-label={t('kpi.period.monthPick')}
          w={180}
          data-testid="kpi-period-pick"
        />
      );
    case 'year':
      return (
        <YearPickerInput
          value={period.from}
          onChange={(v) => v && onChange(periodContaining('year', String(v)))}
          locale={lang}
          leftSection={icon}
          aria-label={t('kpi.period.yearPick')}
          w={120}
          data-testid="kpi-period-pick"
        />
      );
    case 'quarter': {
      // the last three years of quarters, and the chosen one if it is older or in the future
      const quarters = Array.from({ length: 12 }, (_, i) => shiftPeriod(periodContaining('quarter', today), -i));
      if (!quarters.some((q) => q.from === period.from)) quarters.unshift(period);
      return (
        <Select
          value={period.from}
          onChange={(v) => v && onChange(periodContaining('quarter', v))}
          data={quarters.map((q) => ({ value: q.from, label: periodLabel(q, lang) }))}
          leftSection={icon}
          aria-label={t('kpi.period.quarterPick')}
          allowDeselect={false}
          w={150}
          data-testid="kpi-period-pick"
        />
      );
    }
    case 'custom':
      return <RangePicker period={period} lang={lang} onChange={onChange} />;
  }
}

function RangePicker({ period, lang, onChange }: { period: Period; lang: 'en' | 'ru'; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<DatesRangeValue<string>>([period.from, period.to]);
  useEffect(() => setValue([period.from, period.to]), [period.from, period.to]);
  return (
    <DatePickerInput
      type="range"
      value={value}
      onChange={(v) => {
        setValue(v as DatesRangeValue<string>);
        const [from, to] = v;
        if (from && to) onChange({ kind: 'custom', from: String(from), to: String(to) });
      }}
      locale={lang}
      valueFormat={lang === 'ru' ? 'DD.MM.YYYY' : 'MMM D, YYYY'}
      leftSection={<IconCalendar size={16} stroke={1.6} />}
      aria-label={t('kpi.period.range')}
      allowSingleDateInRange
      w={260}
      data-testid="kpi-period-pick"
    />
  );
}
