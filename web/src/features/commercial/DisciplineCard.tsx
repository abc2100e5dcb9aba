import { Card, Divider, Group, Progress, RingProgress, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountCommercial } from './commercialApi';
import { formatDay, formatMoney } from '../../i18n/format';
import { formatDecimal, formatPct, formatShare } from './format';
import { CardTitle } from '../../ui/CardTitle';

function Line({ label, hint, children, testId }: { label: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Group gap={4} wrap="nowrap">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {hint && (
          <Tooltip label={hint} multiline w={260} withinPortal>
            <IconInfoCircle size={13} color="var(--mantine-color-dimmed)" aria-label={hint} />
          </Tooltip>
        )}
      </Group>
      <Text size="sm" fw={700} ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
        {children}
      </Text>
    </Group>
  );
}

/**
 * How well the client pays: the share of invoices paid in full by the due date over 12 months, the
 * average days late, what is overdue now, and the credit limit against what is outstanding.
 */
export function DisciplineCard({ data }: { data: AccountCommercial }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const r = data.receivables;
  const d = r.discipline;
  const money = (v: string) => formatMoney(v, data.currency, lang);
  const share = d.onTimeShare;
  const color = share === null ? 'gray' : share >= 0.9 ? 'teal' : share >= 0.7 ? 'yellow' : 'red';
  const over = !!r.available?.startsWith('-');
  return (
    <Card padding="lg" withBorder radius="md" h="100%" data-testid="discipline-card">
      <CardTitle
        mb="md"
        title={t('commercial.discipline.title')}
        subtitle={t('commercial.discipline.subtitle', { from: formatDay(d.from, lang), to: formatDay(d.to, lang) })}
      />
      <Group gap="lg" wrap="nowrap" align="center">
        <RingProgress
          size={112}
          thickness={11}
          roundCaps
          sections={share === null ? [] : [{ value: share * 100, color }]}
          label={
            <Text ta="center" fw={700} fz="md" data-testid="on-time-share">
              {share === null ? '—' : formatShare(share, lang)}
            </Text>
          }
        />
        <Stack gap={8} style={{ flex: 1, minWidth: 0 }}>
          <Line label={t('commercial.discipline.onTimeShare')}>
            {t('commercial.discipline.ofInvoices', { paid: d.paidOnTime, count: d.invoices })}
          </Line>
          <Line label={t('commercial.discipline.avgDaysLate')} hint={t('commercial.discipline.avgDaysLateHint')} testId="avg-days-late">
            {d.avgDaysLate === null ? '—' : t('commercial.discipline.days', { value: formatDecimal(d.avgDaysLate, lang) })}
          </Line>
          <Line label={t('commercial.discipline.currentOverdue')}>
            <Text span inherit c={r.overdue !== '0.00' ? 'red.7' : undefined}>
              {money(r.overdue)}
            </Text>
          </Line>
        </Stack>
      </Group>
      <Divider my="md" />
      <Stack gap={6} data-testid="credit-limit">
        <Line label={t('commercial.receivables.creditLimit')}>{r.creditLimit === null ? '—' : money(r.creditLimit)}</Line>
        {r.creditLimit === null ? (
          <Text size="xs" c="dimmed">
            {t('commercial.receivables.noLimit')}
          </Text>
        ) : (
          <>
            <Progress
              value={Math.min(r.utilisationPct ?? 0, 100)}
              color={over ? 'red' : (r.utilisationPct ?? 0) > 80 ? 'orange' : 'teal'}
              size="md"
              aria-label={t('commercial.receivables.creditLimit')}
            />
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                {r.utilisationPct !== null && t('commercial.receivables.used', { pct: formatPct(r.utilisationPct, lang) })}
              </Text>
              <Text size="xs" c={over ? 'red.7' : 'dimmed'} fw={over ? 600 : undefined}>
                {over
                  ? t('commercial.receivables.overLimit', { amount: money(r.available?.slice(1) ?? '0') })
                  : `${t('commercial.receivables.available')}: ${money(r.available ?? '0')}`}
              </Text>
            </Group>
          </>
        )}
        <Line label={t('commercial.receivables.terms')}>
          {r.paymentTermsDays === null ? '—' : t('commercial.receivables.termsDays', { count: r.paymentTermsDays })}
        </Line>
      </Stack>
    </Card>
  );
}
