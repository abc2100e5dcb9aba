import '@mantine/charts/styles.css';
import { Sparkline } from '@mantine/charts';
import { Badge, Card, Group, Progress, RingProgress, SimpleGrid, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconInfoCircle, IconMinus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type KpiKey, kpiKinds } from '../../../../src/modules/kpi/kpi.contracts';
import { formatDelta, formatFigure } from './format';
import classes from './kpi.module.css';
import type { KpiFigures } from './kpiApi';

/** What every tile needs: the figures of the chosen period, the period before, and the six-period trend. */
export interface TileContext {
  figures: KpiFigures;
  previous: KpiFigures | null;
  trend: (KpiFigures | null)[];
  currency: string;
  lang: string;
  /** opens the rows behind a figure; absent when the reader may not drill */
  onDrill?: (key: KpiKey) => void;
}

/** A figure that opens the rows behind it when the reader may drill. */
export function Figure({ k, ctx, children, fz }: { k: KpiKey; ctx: TileContext; children?: ReactNode; fz?: number | string }) {
  const { t } = useTranslation();
  const value = formatFigure(kpiKinds[k], ctx.figures[k], ctx.lang, ctx.currency);
  const body = children ?? (
    <Text
      component="span"
      display="block"
      fz={fz ?? 24}
      fw={650}
      lh={1.15}
      data-testid={`kpi-value-${k}`}
      data-figure-value
      className={classes.num}
    >
      {value}
    </Text>
  );
  if (!ctx.onDrill) return body;
  const onDrill = ctx.onDrill;
  return (
    <UnstyledButton
      onClick={() => onDrill(k)}
      aria-label={t('kpi.tile.drill', { name: t(`kpi.figures.${k}`) })}
      data-testid={`kpi-drill-${k}`}
      className={classes.figure}
    >
      {body}
    </UnstyledButton>
  );
}

function Hint({ k }: { k: KpiKey }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`kpi.hints.${k}`)} multiline w={280} withArrow position="top-start">
      <IconInfoCircle size={14} stroke={1.6} style={{ color: 'var(--mantine-color-dimmed)', flexShrink: 0 }} aria-hidden />
    </Tooltip>
  );
}

function Delta({ k, ctx }: { k: KpiKey; ctx: TileContext }) {
  const { t } = useTranslation();
  const d = formatDelta(k, ctx.figures[k], ctx.previous?.[k] ?? null, ctx.lang, ctx.currency);
  if (!d)
    return (
      <Text size="xs" c="dimmed">
        &nbsp;
      </Text>
    );
  const color = d.good === null ? 'gray' : d.good ? 'teal' : 'red';
  const Icon = d.direction > 0 ? IconArrowUpRight : d.direction < 0 ? IconArrowDownRight : IconMinus;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={color} size="sm" leftSection={<Icon size={12} />} data-testid={`kpi-delta-${k}`}>
        {d.direction === 0 ? t('kpi.tile.noChange') : d.text}
      </Badge>
      <Text size="xs" c="dimmed" truncate>
        {t('kpi.tile.vsPrevious')}
      </Text>
    </Group>
  );
}

function Trend({ k, ctx, color = 'teal' }: { k: KpiKey; ctx: TileContext; color?: string }) {
  const data = ctx.trend.map((f) => f?.[k] ?? null);
  if (data.filter((v) => v !== null).length < 2) return <div style={{ height: 34 }} />;
  return <Sparkline h={34} data={data} curveType="monotone" color={color} fillOpacity={0.25} strokeWidth={1.6} connectNulls aria-hidden />;
}

/** One figure: its name and how it is counted, the value, the change, the last six periods. */
export function FigureTile({ k, ctx }: { k: KpiKey; ctx: TileContext }) {
  const { t } = useTranslation();
  return (
    <Card padding="md" data-testid={`kpi-tile-${k}`}>
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lh={1.3} lineClamp={2}>
            {t(`kpi.figures.${k}`)}
          </Text>
          <Hint k={k} />
        </Group>
        <Figure k={k} ctx={ctx} />
        <Delta k={k} ctx={ctx} />
        <Trend k={k} ctx={ctx} color={k === 'churned' || k === 'churn_rate' || k === 'receivables_overdue' ? 'orange' : 'teal'} />
      </Stack>
    </Card>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} fz="sm" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The growth badge of revenue or margin against the previous period of equal length (kpi.md). */
function Growth({ k, ctx }: { k: 'revenue_growth_pct' | 'margin_growth_pct'; ctx: TileContext }) {
  const { t } = useTranslation();
  const value = ctx.figures[k];
  if (value === null) return null;
  const Icon = value > 0 ? IconArrowUpRight : value < 0 ? IconArrowDownRight : IconMinus;
  const text = `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatFigure('pct', Math.abs(value), ctx.lang, ctx.currency)}`;
  return (
    <Group gap={6} wrap="nowrap">
      <Figure k={k} ctx={ctx}>
        <Badge
          component="span"
          data-figure-value
          color={value > 0 ? 'teal' : value < 0 ? 'red' : 'gray'}
          leftSection={<Icon size={12} />}
          data-testid={`kpi-value-${k}`}
        >
          {text}
        </Badge>
      </Figure>
      <Text size="xs" c="dimmed">
        {t('kpi.tile.vsPrevious')}
      </Text>
    </Group>
  );
}

function MoneyCard({ k, ctx }: { k: 'revenue' | 'margin'; ctx: TileContext }) {
  const { t } = useTranslation();
  const prev = k === 'revenue' ? 'revenue_prev' : 'margin_prev';
  const growth = k === 'revenue' ? 'revenue_growth_pct' : 'margin_growth_pct';
  return (
    <Card padding="lg" data-testid={`kpi-tile-${k}`} h="100%">
      <Stack gap={8} h="100%">
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t(`kpi.figures.${k}`)}
          </Text>
          <Hint k={k} />
        </Group>
        <Figure k={k} ctx={ctx} fz={28} />
        <Growth k={growth} ctx={ctx} />
        <Figure k={prev} ctx={ctx}>
          <Text component="span" display="block" size="xs" c="dimmed" data-testid={`kpi-value-${prev}`} data-figure-value>
            {t('kpi.tile.previous', { value: formatFigure('money', ctx.figures[prev], ctx.lang, ctx.currency) })}
          </Text>
        </Figure>
        <div style={{ marginTop: 'auto' }}>
          <Trend k={k} ctx={ctx} />
        </div>
      </Stack>
    </Card>
  );
}

function PlanCard({ ctx }: { ctx: TileContext }) {
  const { t } = useTranslation();
  const pct = ctx.figures.plan_fulfilment_pct;
  const hasPlan = (ctx.figures.revenue_plan ?? 0) !== 0;
  const color = pct === null ? 'gray' : pct >= 100 ? 'teal' : pct >= 80 ? 'yellow' : 'red';
  return (
    <Card padding="lg" data-testid="kpi-tile-plan_fulfilment_pct" h="100%">
      <Stack gap={8} h="100%">
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('kpi.figures.plan_fulfilment_pct')}
          </Text>
          <Hint k="plan_fulfilment_pct" />
        </Group>
        <Group gap="md" wrap="nowrap" align="center">
          <RingProgress
            size={84}
            thickness={9}
            roundCaps
            sections={[{ value: Math.max(0, Math.min(100, pct ?? 0)), color }]}
            label={null}
            aria-hidden
          />
          <Stack gap={2}>
            <Figure k="plan_fulfilment_pct" ctx={ctx} fz={28} />
            {hasPlan ? (
              <Figure k="revenue_plan" ctx={ctx}>
                <Text component="span" display="block" size="xs" c="dimmed" data-testid="kpi-value-revenue_plan" data-figure-value>
                  {t('kpi.tile.plan', { value: formatFigure('money', ctx.figures.revenue_plan, ctx.lang, ctx.currency) })}
                </Text>
              </Figure>
            ) : (
              <Figure k="revenue_plan" ctx={ctx}>
                <Text component="span" display="block" size="xs" c="dimmed" data-testid="kpi-value-revenue_plan" data-figure-value>
                  {t('kpi.tile.noPlan')}
                </Text>
              </Figure>
            )}
          </Stack>
        </Group>
        {hasPlan && (
          <Stack gap={4} mt="auto">
            <Progress
              value={Math.max(0, Math.min(100, pct ?? 0))}
              color={color}
              size="md"
              radius="xl"
              aria-label={t('kpi.figures.plan_fulfilment_pct')}
            />
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                {formatFigure('money', ctx.figures.revenue, ctx.lang, ctx.currency)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatFigure('money', ctx.figures.revenue_plan, ctx.lang, ctx.currency)}
              </Text>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Revenue, margin and plan fulfilment, the figures a manager is paid on. */
export function HeadlineCards({ ctx }: { ctx: TileContext }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <MoneyCard k="revenue" ctx={ctx} />
      <MoneyCard k="margin" ctx={ctx} />
      <PlanCard ctx={ctx} />
    </SimpleGrid>
  );
}
