import { Anchor, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconChartBar, IconMoodSmile, IconSettings } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { formatNumber, localeTag } from '../../i18n/format';
import { CardTitle } from '../../ui/CardTitle';
import { Empty } from '../../ui/Empty';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { PeriodControl } from '../kpi/PeriodControl';
import { type Period, periodContaining, todayIn } from '../kpi/period';
import { useSlaSummary, useSurveyTrend } from './complaintsApi';

/** SLA dashboard: compliance, breaches, handlers, repeat causes, and how satisfied the clients are. */
export function SlaDashboard() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const today = todayIn(me.company.timeZone);
  const [period, setPeriod] = useState<Period>(() => periodContaining('quarter', today));
  const summary = useSlaSummary(period.from, period.to);
  const trend = useSurveyTrend(period.from, period.to);
  const s = summary.data;
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatNumber(v, lang)} %`);
  const months = [...new Set((trend.data?.rows ?? []).flatMap((r) => r.months.map((m) => m.month)))].sort();
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(localeTag(lang), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

  return (
    <Stack gap="md" data-testid="sla-dashboard">
      <Group justify="space-between">
        <PeriodControl period={period} today={today} onChange={setPeriod} />
        {can(me, 'sla.configure') && (
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/settings/sla" />}>
            <Group gap={4}>
              <IconSettings size={14} />
              {t('service.sla.settings')}
            </Group>
          </Anchor>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Tile
          label={t('service.sla.responseCompliance')}
          value={pct(s?.responseCompliancePct)}
          hint={t('service.sla.complianceHint')}
          bad={(s?.responseCompliancePct ?? 100) < 90}
          testId="sla-response"
        />
        <Tile
          label={t('service.sla.resolutionCompliance')}
          value={pct(s?.resolutionCompliancePct)}
          hint={t('service.sla.complianceHint')}
          bad={(s?.resolutionCompliancePct ?? 100) < 90}
          testId="sla-resolution"
        />
        <Tile
          label={t('service.sla.breaches')}
          value={s ? formatNumber(s.responseBreached + s.resolutionBreached, lang) : '—'}
          sub={s ? t('service.sla.breachesHint', { response: s.responseBreached, resolution: s.resolutionBreached }) : undefined}
          bad={!!s && s.responseBreached + s.resolutionBreached > 0}
          testId="sla-breaches"
        />
        <Tile
          label={t('service.sla.open')}
          value={s ? formatNumber(s.open, lang) : '—'}
          sub={s ? t('service.sla.breachedOpen', { count: s.breachedOpen }) : undefined}
          bad={!!s && s.breachedOpen > 0}
          testId="sla-open"
        />
      </SimpleGrid>
      {s && s.received === 0 && s.open === 0 ? (
        <Paper withBorder radius="md">
          <Empty icon={<IconChartBar size={28} />} title={t('service.sla.emptyTitle')} text={t('service.sla.emptyText')} />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card withBorder radius="md" padding="lg">
            <CardTitle title={t('service.sla.byHandler')} subtitle={`${t('service.sla.received')}: ${s?.received ?? '—'}`} />
            <Table fz="sm" data-testid="sla-by-handler">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('service.sla.handler')}</Table.Th>
                  <Table.Th ta="right">{t('service.sla.received')}</Table.Th>
                  <Table.Th ta="right">{t('service.sla.breached')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(s?.byHandler ?? []).map((h) => (
                  <Table.Tr key={h.handler.id}>
                    <Table.Td>{h.handler.name}</Table.Td>
                    <Table.Td ta="right">{formatNumber(h.received, lang)}</Table.Td>
                    <Table.Td ta="right" c={h.breached ? 'red.7' : undefined} fw={h.breached ? 600 : undefined}>
                      {formatNumber(h.breached, lang)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder radius="md" padding="lg">
            <CardTitle title={t('service.sla.repeatByAccount')} />
            {s && s.repeatByAccount.length === 0 && s.repeatByProduct.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('service.sla.noRepeats')}
              </Text>
            ) : (
              <Stack gap="md">
                <Table fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('service.sla.client')}</Table.Th>
                      <Table.Th>{t('service.sla.cause')}</Table.Th>
                      <Table.Th ta="right">{t('service.sla.count')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(s?.repeatByAccount ?? []).map((r) => (
                      <Table.Tr key={`${r.account.id}:${r.cause}`}>
                        <Table.Td>
                          <AccountAnchor accountId={r.account.id} size="sm">
                            {r.account.name}
                          </AccountAnchor>
                        </Table.Td>
                        <Table.Td>{r.cause}</Table.Td>
                        <Table.Td ta="right">{r.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {(s?.repeatByProduct.length ?? 0) > 0 && (
                  <>
                    <Title order={4} fz="sm">
                      {t('service.sla.repeatByProduct')}
                    </Title>
                    <Table fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('service.sla.productCol')}</Table.Th>
                          <Table.Th>{t('service.sla.cause')}</Table.Th>
                          <Table.Th ta="right">{t('service.sla.count')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {(s?.repeatByProduct ?? []).map((r) => (
                          <Table.Tr key={`${r.product.id}:${r.cause}`}>
                            <Table.Td>{r.product.name}</Table.Td>
                            <Table.Td>{r.cause}</Table.Td>
                            <Table.Td ta="right">{r.count}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </>
                )}
              </Stack>
            )}
          </Card>
        </SimpleGrid>
      )}
      <Card withBorder radius="md" padding="lg" data-testid="sla-satisfaction">
        <CardTitle title={t('service.sla.satisfaction')} subtitle={t('service.sla.satisfactionHint')} />
        {trend.data && trend.data.rows.length === 0 ? (
          <Group gap="sm" wrap="nowrap" py="sm">
            <IconMoodSmile size={26} color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              {t('service.sla.noSurveys')}
            </Text>
          </Group>
        ) : (
          <Table.ScrollContainer minWidth={500}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('service.sla.kam')}</Table.Th>
                  {months.map((m) => (
                    <Table.Th key={m} ta="right">
                      {monthName(m)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('service.sla.average')}</Table.Th>
                  <Table.Th ta="right">{t('service.sla.answers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(trend.data?.rows ?? []).map((r) => (
                  <Table.Tr key={r.key.id}>
                    <Table.Td>{r.key.name}</Table.Td>
                    {months.map((m) => {
                      const cell = r.months.find((x) => x.month === m);
                      return (
                        <Table.Td key={m} ta="right">
                          {cell ? (
                            <Tooltip label={`${t('service.sla.answers')}: ${cell.answers}`}>
                              <span>{formatNumber(cell.average, lang)}</span>
                            </Tooltip>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="right" fw={600} c={r.average < 3 ? 'red.7' : r.average >= 4 ? 'teal.8' : undefined}>
                      {formatNumber(r.average, lang)}
                    </Table.Td>
                    <Table.Td ta="right">{r.answers}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

function Tile({
  label,
  value,
  hint,
  sub,
  bad,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  sub?: string;
  bad?: boolean;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Tooltip label={hint} disabled={!hint} multiline w={260}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
      </Tooltip>
      <Text fz={28} fw={700} c={bad ? 'red.7' : undefined} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Card>
  );
}
