import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Button, Group } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The state of a list whose filters live in the page's URL: the free-text search (typed here, sent
 * debounced), the page offset, and changes to the URL's filters. Any change but opening a record
 * starts again at the first page.
 */
export function useUrlList<S extends { open?: string }>(navigateSearch: (search: (s: S) => S) => void) {
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [offset, setOffset] = useState(0);
  return {
    q,
    /** the search to send: trimmed, undefined when empty */
    query: debouncedQ || undefined,
    offset,
    setOffset,
    setQ: (value: string) => {
      setQ(value);
      setOffset(0);
    },
    set: (patch: Partial<S>) => {
      if (!('open' in patch)) setOffset(0);
      navigateSearch((s) => ({ ...s, ...patch }));
    },
    clear: () => {
      setQ('');
      setOffset(0);
      navigateSearch(() => ({}) as S);
    },
  };
}

/** The filters above a list, and "Clear filters" while any is set. */
export function FilterBar({ filtered, onClear, children }: { filtered: boolean; onClear: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" p="sm" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      {children}
      {filtered && (
        <Button variant="subtle" onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

/** A range of days (YYYY-MM-DD) to filter by; it changes once both ends are picked, or both are cleared. */
export function DateRangeFilter({
  from,
  to,
  onChange,
  placeholder,
  label,
}: {
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
  placeholder: string;
  label: string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <DatePickerInput
      type="range"
      value={[from ?? null, to ?? null]}
      onChange={([start, end]) => {
        if ((start && end) || (!start && !end)) onChange({ from: start ?? undefined, to: end ?? undefined });
      }}
      placeholder={placeholder}
      aria-label={label}
      locale={lang}
      valueFormat={lang === 'ru' ? 'DD.MM.YYYY' : 'MMM D, YYYY'}
      leftSection={<IconCalendar size={15} />}
      clearable
      allowSingleDateInRange
      w={250}
      popoverProps={{ withinPortal: true }}
    />
  );
}
