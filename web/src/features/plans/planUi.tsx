import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { ActionIcon, Badge, Button, Card, Group, Menu, Popover, Stack, Text, Title, Tooltip } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconChevronDown, IconPencil, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatDateTime } from '../../i18n/format';

const tags = { en: 'en-US', ru: 'ru-RU' } as const;

/** Money in the account currency, dates and instants, in the reader's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = (i18n.resolvedLanguage === 'ru' ? 'ru' : 'en') as 'en' | 'ru';
  return {
    lang,
    money: (amount: string, currency: string) => {
      try {
        return new Intl.NumberFormat(tags[lang], { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(
          amount as Intl.StringNumericLiteral,
        );
      } catch {
        return `${amount} ${currency}`;
      }
    },
    /** a business day, YYYY-MM-DD */
    day: (iso: string) => formatDate(`${iso}T00:00:00Z`, lang, 'UTC'),
    instant: (iso: string) => formatDateTime(iso, lang, me.company.timeZone),
  };
}

/** A card of the plan: a title, what it is for, actions on the right. */
export function SectionCard({
  title,
  hint,
  aside,
  children,
  testId,
}: {
  title: string;
  hint: string;
  aside?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card data-testid={testId} h="100%">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Title order={4} fz="md">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </Stack>
        {aside && <div style={{ flexShrink: 0 }}>{aside}</div>}
      </Group>
      {children}
    </Card>
  );
}

export interface ChipOption<T extends string> {
  value: T;
  label: string;
  color: string;
}

/** A status badge; for editors, a menu to change it in one click. */
export function StatusChip<T extends string>({
  value,
  options,
  onChange,
  testId,
}: {
  value: T;
  options: ChipOption<T>[];
  onChange?: (next: T) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const current = options.find((o) => o.value === value);
  const badge = (
    <Badge
      color={current?.color ?? 'gray'}
      rightSection={onChange ? <IconChevronDown size={11} /> : undefined}
      style={onChange ? { cursor: 'pointer' } : undefined}
      data-testid={testId}
      data-status={value}
    >
      {current?.label ?? value}
    </Badge>
  );
  if (!onChange) return badge;
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <button type="button" aria-label={t('plans.changeStatus')} style={{ all: 'unset', display: 'inline-flex', cursor: 'pointer' }}>
          {badge}
        </button>
      </Menu.Target>
      <Menu.Dropdown>
        {options.map((o) => (
          <Menu.Item
            key={o.value}
            onClick={() => o.value !== value && onChange(o.value)}
            leftSection={<Badge size="xs" circle color={o.color} />}
            fw={o.value === value ? 600 : undefined}
          >
            {o.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Edit and remove buttons of an item; removing asks first. */
export function ItemActions({ title, onEdit, onRemove }: { title: string; onEdit?: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Group gap={2} wrap="nowrap" className="grove-plan-actions">
      {onEdit && (
        <Tooltip label={t('plans.edit')} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={onEdit} aria-label={`${t('plans.edit')}: ${title}`}>
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
      )}
      <Popover opened={confirming} onChange={setConfirming} position="bottom-end" withArrow shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setConfirming((o) => !o)}
            aria-label={`${t('plans.remove')}: ${title}`}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown maw={280}>
          <Text size="sm" mb="sm">
            {t('plans.removeConfirm', { title })}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              color="red"
              onClick={() => {
                setConfirming(false);
                onRemove();
              }}
              data-testid="confirm-remove"
            >
              {t('plans.remove')}
            </Button>
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

/** Reads 2026-12-31, 31.12.2026 or what the locale's format shows. */
export function parseDay(input: string): string | null {
  const s = input.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (ru) return `${ru[3]}-${ru[2]?.padStart(2, '0')}-${ru[1]?.padStart(2, '0')}`;
  const d = new Date(`${s} 12:00 UTC`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A business-day input in the reader's format; its value is YYYY-MM-DD or null. */
export function DayInput(props: Omit<DateInputProps, 'valueFormat' | 'dateParser' | 'locale'>) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  return (
    <DateInput
      placeholder={lang === 'ru' ? 'ДД.ММ.ГГГГ' : 'MMM D, YYYY'}
      valueFormat={lang === 'ru' ? 'DD.MM.YYYY' : 'MMM D, YYYY'}
      dateParser={parseDay}
      locale={lang}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
