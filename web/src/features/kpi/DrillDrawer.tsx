import {
  Alert,
  Anchor,
  Badge,
  Drawer,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import Decimal from 'decimal.js';
import { useTranslation } from 'react-i18next';
import type { DrillColumn } from '../../../../src/modules/kpi/kpi.contracts';
import { type KpiKey, kpiKinds } from '../../../../src/modules/kpi/kpi.contracts';
import { errorMessage } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatDateTime } from '../../i18n/format';
import { formatFigure } from './format';
import { kpiEn } from './i18n';
import classes from './kpi.module.css';
import { type DrillResult, type KpiManagerFigures, useDrill } from './kpiApi';
import { type Period, periodLabel } from './period';
import type { DrillGrouping } from './search';

/** The column whose sum is the figure, for money figures; count figures are the number of rows. */
const figureColumn: Partial<Record<KpiKey, string>> = {
  revenue: 'revenue',
  margin: 'margin',
  revenue_prev: 'revenue',
  margin_prev: 'margin',
  revenue_plan: 'prorated',
  receivables_outstanding: 'outstanding',
  receivables_overdue: 'outstanding',
};
/** Count columns that add up (days overdue or days in a month do not). */
const summedCounts = new Set(['lines']);
const numericTypes = new Set<DrillColumn['type']>(['count', 'money', 'number', 'rate', 'hours']);
const sums = (c: DrillColumn) => c.type === 'money' || c.type === 'number' || (c.type === 'count' && summedCounts.has(c.id));

type CodeColumn = keyof typeof kpiEn.drill.codes;
type Cell = DrillResult['rows'][number][string];

interface Props {
  drill: KpiKey | undefined;
  period: Period;
  /** whose rows: a manager's e-mail, or undefined for the whole department */
  manager: string | undefined;
  managerName: string | undefined;
  by: DrillGrouping | undefined;
  currency: string;
  /** the team view: its members, to choose whose rows (the team itself counts as one owner) */
  team?: { name: string; figure: number | null; members: KpiManagerFigures[] };
  onClose: () => void;
  onBy: (by: DrillGrouping) => void;
  onMember: (email: string | undefined) => void;
}

/** The rows behind a figure: what it counts, the figure, the rows and what they add up to. */
export function DrillDrawer({ drill, period, manager, managerName, by, currency, team, onClose, onBy, onMember }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const breakdown = !!team && !manager;
  const query = useDrill(breakdown ? undefined : drill, period, manager, by);
  const who = manager ? (managerName ?? manager) : team ? t('kpi.scope.teamOfName', { name: team.name }) : t('kpi.drill.whole');

  return (
    <Drawer
      opened={!!drill}
      onClose={onClose}
      position="right"
      size={980}
      title={
        drill && (
          <Stack gap={0}>
            <Text fw={650} fz="lg">
              {t(`kpi.figures.${drill}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {who} · {periodLabel(period, lang)}
            </Text>
          </Stack>
        )
      }
    >
      {drill && (
        <Stack gap="md" data-testid="kpi-drill">
          <Text size="sm" c="dimmed">
            <Text span fw={600} c="var(--mantine-color-text)">
              {t('kpi.drill.how')}:{' '}
            </Text>
            {t(`kpi.hints.${drill}`)}
          </Text>
          {team && manager && (
            <Anchor component="button" type="button" size="sm" onClick={() => onMember(undefined)} data-testid="kpi-drill-back">
              <Group gap={4}>
                <IconArrowLeft size={14} />
                {t('kpi.drill.back')}
              </Group>
            </Anchor>
          )}
          {breakdown && team ? (
            <TeamBreakdown drill={drill} team={team} currency={currency} lang={lang} onMember={onMember} />
          ) : query.isPending ? (
            <Stack gap="xs">
              <Skeleton h={56} />
              <Skeleton h={280} />
            </Stack>
          ) : query.isError ? (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} title={t('kpi.drill.failed')}>
              {errorMessage(query.error)}
            </Alert>
          ) : (
            <Rows result={query.data} currency={currency} lang={lang} by={by} onBy={onBy} />
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function TeamBreakdown({
  drill,
  team,
  currency,
  lang,
  onMember,
}: {
  drill: KpiKey;
  team: NonNullable<Props['team']>;
  currency: string;
  lang: string;
  onMember: (email: string) => void;
}) {
  const { t } = useTranslation();
  const kind = kpiKinds[drill];
  return (
    <Stack gap="sm" data-testid="kpi-team-breakdown">
      <Group gap="xl">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('kpi.drill.figure')}
          </Text>
          <Text fz={26} fw={650} className={classes.num}>
            {formatFigure(kind, team.figure, lang, currency)}
          </Text>
        </Stack>
      </Group>
      <Text size="sm" c="dimmed">
        {t('kpi.drill.teamText')}
      </Text>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kpi.drill.member')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('kpi.drill.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.members.map((m) => (
            <Table.Tr key={m.manager}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => onMember(m.manager)} data-testid="kpi-team-member">
                  {m.name}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }} className={classes.num}>
                <UnstyledButton className={classes.cellButton} fz="sm" onClick={() => onMember(m.manager)}>
                  {formatFigure(kind, m[drill], lang, currency)}
                </UnstyledButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Rows({
  result,
  currency,
  lang,
  by,
  onBy,
}: {
  result: DrillResult;
  currency: string;
  lang: string;
  by: DrillGrouping | undefined;
  onBy: (by: DrillGrouping) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const kind = kpiKinds[result.key];
  const totals = new Map<string, Decimal>();
  for (const c of result.columns.filter(sums)) {
    totals.set(
      c.id,
      result.rows.reduce((sum, r) => {
        const v = r[c.id];
        return typeof v === 'string' || typeof v === 'number' ? sum.add(new Decimal(v)) : sum;
      }, new Decimal(0)),
    );
  }
  const sumColumn = figureColumn[result.key];
  const rowsTotal =
    sumColumn && totals.has(sumColumn)
      ? formatFigure('money', (totals.get(sumColumn) as Decimal).toFixed(2), lang, currency)
      : kind === 'count'
        ? formatFigure('count', result.rows.length, lang, currency)
        : null;
  const figure = formatFigure(kind, result.figure, lang, currency);
  const matches = rowsTotal !== null && !result.truncated && rowsTotal === figure;

  const label = (c: DrillColumn) => {
    const columns = kpiEn.drill.columns as Record<string, string>;
    return c.id in columns ? t(`kpi.drill.columns.${c.id as keyof typeof kpiEn.drill.columns}`) : c.id.replace(/_/g, ' ');
  };
  const text = (columnId: string, value: string) => {
    const codes = kpiEn.drill.codes as Record<string, Record<string, string>>;
    if (columnId === 'month' && /^\d{4}-\d{2}$/.test(value)) {
      return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })
        .format(new Date(`${value}-01T00:00:00Z`))
        .replace(' г.', '');
    }
    if (codes[columnId]?.[value]) return t(`kpi.drill.codes.${columnId as CodeColumn}.${value}` as never) as string;
    return value;
  };
  const cell = (c: DrillColumn, v: Cell) => {
    if (v === null || v === undefined || v === '') return <Text c="dimmed">—</Text>;
    if (typeof v === 'object') {
      if (c.type === 'account')
        return (
          <Anchor
            size="sm"
            data-testid="kpi-drill-account"
            renderRoot={(props) => <Link {...props} to="/accounts/$accountId" params={{ accountId: v.id }} />}
          >
            {v.name}
          </Anchor>
        );
      return v.name;
    }
    switch (c.type) {
      case 'date':
        return formatDate(`${String(v).slice(0, 10)}T00:00:00Z`, lang, 'UTC');
      case 'datetime':
        return formatDateTime(String(v), lang, me.company.timeZone);
      case 'bool':
        return v === true ? t('common.yes') : t('common.no');
      case 'money':
        return formatFigure('money', v as string, lang, currency);
      case 'count':
      case 'number':
      case 'rate':
      case 'hours':
        return formatFigure(c.type, v as string | number, lang, currency);
      case 'code':
        return (
          <Text span ff="monospace" size="xs">
            {String(v)}
          </Text>
        );
      default: {
        const shown = text(c.id, String(v));
        return c.id === 'reason' || c.id === 'bucket' ? (
          <Badge color={v === 'current' ? 'gray' : c.id === 'bucket' ? 'orange' : 'red'} variant="light" data-code={String(v)}>
            {shown}
          </Badge>
        ) : (
          shown
        );
      }
    }
  };

  return (
    <Stack gap="md">
      <Group gap="xl" align="flex-end" wrap="wrap">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('kpi.drill.figure')}
          </Text>
          <Text fz={26} fw={650} className={classes.num} data-testid="kpi-drill-figure">
            {figure}
          </Text>
        </Stack>
        {rowsTotal !== null && (
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('kpi.drill.rowsTotal')}
            </Text>
            <Group gap={6} wrap="nowrap">
              <Text fz={26} fw={650} className={classes.num} data-testid="kpi-drill-total">
                {rowsTotal}
              </Text>
              {matches && (
                <Tooltip label={t('kpi.drill.matches')}>
                  <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" aria-hidden />
                </Tooltip>
              )}
            </Group>
          </Stack>
        )}
        <Text size="sm" c="dimmed" data-testid="kpi-drill-count">
          {t('kpi.drill.rows', { count: result.rows.length })}
        </Text>
        {result.kind === 'sales' && (
          <Group gap="xs" ml="auto">
            <Text size="sm" c="dimmed">
              {t('kpi.drill.by')}
            </Text>
            <SegmentedControl
              size="xs"
              value={by ?? 'account'}
              onChange={(v) => onBy(v as DrillGrouping)}
              data={[
                { value: 'account', label: t('kpi.drill.byAccount') },
                { value: 'product', label: t('kpi.drill.byProduct') },
                { value: 'line', label: t('kpi.drill.byLine') },
              ]}
              data-testid="kpi-drill-by"
            />
          </Group>
        )}
      </Group>
      {result.truncated && (
        <Alert color="yellow" icon={<IconAlertTriangle size={16} />}>
          {t('kpi.drill.truncated', { count: result.rows.length })}
        </Alert>
      )}
      {result.rows.length === 0 ? (
        <Text c="dimmed" size="sm" py="lg" ta="center" data-testid="kpi-drill-empty">
          {t('kpi.drill.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={result.columns.length * 120} maxHeight="calc(100vh - 260px)">
          <Table striped highlightOnHover stickyHeader fz="sm" data-testid="kpi-drill-table">
            <Table.Thead>
              <Table.Tr>
                {result.columns.map((c) => (
                  <Table.Th key={c.id} style={{ textAlign: numericTypes.has(c.type) ? 'right' : 'left', whiteSpace: 'nowrap' }}>
                    <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                      {label(c)}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own and never reorder
                <Table.Tr key={i} data-testid="kpi-drill-row">
                  {result.columns.map((c) => (
                    <Table.Td
                      key={c.id}
                      className={numericTypes.has(c.type) ? classes.num : undefined}
                      style={{
                        textAlign: numericTypes.has(c.type) ? 'right' : 'left',
                        whiteSpace: c.type === 'text' ? undefined : 'nowrap',
                      }}
                    >
                      {cell(c, r[c.id] as Cell)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {totals.size > 0 && (
              <Table.Tfoot>
                <Table.Tr data-testid="kpi-drill-totals">
                  {result.columns.map((c, i) => (
                    <Table.Th key={c.id} className={classes.num} style={{ textAlign: numericTypes.has(c.type) ? 'right' : 'left' }}>
                      {totals.has(c.id)
                        ? formatFigure(c.type === 'money' ? 'money' : 'number', (totals.get(c.id) as Decimal).toFixed(), lang, currency)
                        : i === 0
                          ? t('kpi.drill.total')
                          : ''}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
