import { Alert, Button, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconFileImport, IconUserSearch, IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { kpiKeys, kpiSection } from '../../../../src/modules/kpi/kpi.contracts';
import { errorMessage } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import type { Me } from '../../app/types';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { NotFoundPage } from '../errors/NotFoundPage';
import { DrillDrawer } from './DrillDrawer';
import { KpiExportMenu } from './ExportMenu';
import { FigureTile, HeadlineCards, Section, type TileContext } from './KpiTiles';
import { complete, type KpiFigures, type Target, useKpiViews, useManagersOf, useSeniors } from './kpiApi';
import { PeopleTable } from './PeopleTable';
import { PeriodControl } from './PeriodControl';
import { type Period, periodLabel, periodOf, shiftPeriod, todayIn, trailingPeriods } from './period';
import { ScopeControl } from './ScopeControl';
import { TrendChart } from './TrendChart';
import type { KpiScope, KpiSearch } from './search';

const TREND = 6;
const seesAllRoles: readonly string[] = ['admin', 'executive', 'head', 'hr'];
const seesAll = (me: Me) => seesAllRoles.includes(me.role);

/** The scopes a reader may switch between, the first being where they land. */
function scopesFor(me: Me): KpiScope[] {
  if (seesAll(me)) return ['department', 'team', 'manager'];
  if (me.role === 'senior_kam') return ['team', 'me', 'manager'];
  return ['me'];
}

const isEmpty = (f: KpiFigures | null) => !f || kpiKeys.every((k) => f[k] === null || f[k] === 0);

export function KpiPage() {
  const me = useCurrentUser();
  if (!can(me, 'kpi.read')) return <NotFoundPage />;
  return <Dashboard me={me} />;
}

function Dashboard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const search = useSearch({ from: '/app/kpi' });
  const navigate = useNavigate();
  const all = seesAll(me);
  const scopes = scopesFor(me);
  const scope: KpiScope = search.scope && scopes.includes(search.scope) ? search.scope : (scopes[0] as KpiScope);
  const today = todayIn(me.company.timeZone);
  const period = periodOf(search.period, search.from, search.to, today);
  const target: Target =
    scope === 'me'
      ? { scope, manager: me.email }
      : scope === 'team'
        ? { scope, lead: all ? search.lead : me.email }
        : scope === 'manager'
          ? { scope, manager: search.manager }
          : { scope };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the period is a value; its fields are its identity
  const periods = useMemo(() => trailingPeriods(period, TREND), [period.kind, period.from, period.to]);
  const results = useKpiViews(target, periods);
  const current = results[TREND - 1]!;
  const view = current.data;
  const canDrill = can(me, 'kpi.drill');

  const seniors = useSeniors(all && scope === 'team');
  const people = useManagersOf(all ? 'department' : 'team', period, all ? undefined : me.email, scope === 'manager');

  const setSearch = (patch: Partial<KpiSearch>) =>
    navigate({
      to: '/kpi',
      search: (s: KpiSearch) => Object.fromEntries(Object.entries({ ...s, ...patch }).filter(([, v]) => v !== undefined)) as KpiSearch,
    });
  const setPeriod = (p: Period) => setSearch({ period: p.kind, from: p.from, to: p.kind === 'custom' ? p.to : undefined });
  const openPerson = (email: string) =>
    setSearch(
      email === me.email && scopes.includes('me')
        ? { scope: 'me', manager: undefined, drill: undefined, dm: undefined }
        : { scope: 'manager', manager: email, drill: undefined, dm: undefined },
    );

  const nameOf = (email: string | undefined) =>
    email === undefined
      ? undefined
      : email === me.email
        ? me.name
        : (view?.people.find((p) => p.manager === email)?.name ?? people.data?.find((p) => p.email === email)?.name ?? email);
  const drillManager = search.dm ?? (scope === 'me' || scope === 'manager' ? target.manager : undefined);

  const ctx: TileContext | null =
    view?.figures && !isEmpty(view.figures)
      ? {
          figures: view.figures,
          previous: results[TREND - 2]?.data?.figures ?? null,
          trend: results.map((r) => r.data?.figures ?? null),
          currency: view.currency,
          lang,
          onDrill: canDrill ? (k) => setSearch({ drill: k, dm: undefined, by: undefined }) : undefined,
        }
      : null;

  const heading =
    scope === 'department'
      ? t('kpi.scope.company')
      : scope === 'team'
        ? view?.lead
          ? t('kpi.scope.teamOfName', { name: view.lead.name })
          : ''
        : (nameOf(target.manager) ?? '');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('kpi.title')}
        subtitle={canDrill ? t('kpi.subtitle') : t('kpi.subtitleNoDrill')}
        actions={<KpiExportMenu target={target} period={period} disabled={!complete(target) || !ctx} />}
      />
      <Card padding="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <ScopeControl
            scopes={scopes}
            scope={scope}
            onScope={(s) => setSearch({ scope: s, drill: undefined, dm: undefined })}
            teamIsMine={!all}
            leads={seniors.data}
            lead={search.lead}
            onLead={(lead) => setSearch({ lead })}
            people={people.data}
            manager={search.manager}
            onManager={(manager) => setSearch({ manager })}
          />
          <PeriodControl period={period} today={today} onChange={setPeriod} />
        </Group>
      </Card>

      {!complete(target) ? (
        scope === 'team' ? (
          <Empty
            icon={<IconUsersGroup size={28} />}
            title={t('kpi.empty.chooseLead')}
            text={seniors.data && seniors.data.length === 0 ? t('kpi.empty.noSeniors') : t('kpi.empty.chooseLeadText')}
          />
        ) : (
          <Empty icon={<IconUserSearch size={28} />} title={t('kpi.empty.chooseManager')} text={t('kpi.empty.chooseManagerText')} />
        )
      ) : current.isPending ? (
        <LoadingTiles />
      ) : current.isError ? (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} title={t('kpi.loadFailed')} data-testid="kpi-error">
          {errorMessage(current.error)}
        </Alert>
      ) : !ctx ? (
        <Empty
          icon={<IconChartBar size={28} />}
          title={t('kpi.empty.title')}
          text={can(me, 'imports.run') ? t('kpi.empty.text') : t('kpi.empty.textNoImport')}
          action={
            <Group gap="xs">
              {can(me, 'imports.run') && (
                <Button component={Link} to="/settings/imports" leftSection={<IconFileImport size={16} />}>
                  {t('kpi.empty.toImports')}
                </Button>
              )}
              <Button variant="default" onClick={() => setPeriod(shiftPeriod(period, -1))}>
                {t('kpi.empty.previous')}
              </Button>
            </Group>
          }
        />
      ) : (
        <Stack gap="lg" style={{ opacity: current.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} data-testid="kpi-dashboard">
          <Group justify="space-between" align="baseline" gap="xs">
            <Title order={2} fz="lg" data-testid="kpi-heading">
              {heading}
            </Title>
            <Text c="dimmed" size="sm" data-testid="kpi-period-label">
              {periodLabel(period, lang)}
            </Text>
          </Group>
          <HeadlineCards ctx={ctx} />
          <TrendChart periods={periods} views={results.map((r) => r.data)} currency={ctx.currency} />
          <Section title={t('kpi.sections.clients')} testId="kpi-section-clients">
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
              {kpiSection('clients').map((k) => (
                <FigureTile key={k} k={k} ctx={ctx} />
              ))}
            </SimpleGrid>
          </Section>
          <Section title={t('kpi.sections.receivables')} testId="kpi-section-receivables">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              {kpiSection('receivables').map((k) => (
                <FigureTile key={k} k={k} ctx={ctx} />
              ))}
            </SimpleGrid>
          </Section>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Section title={t('kpi.sections.activity')} testId="kpi-section-activity">
                <SimpleGrid cols={2} spacing="md">
                  {kpiSection('activity').map((k) => (
                    <FigureTile key={k} k={k} ctx={ctx} />
                  ))}
                </SimpleGrid>
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Section title={t('kpi.sections.service')} testId="kpi-section-service">
                <SimpleGrid cols={3} spacing="md">
                  {kpiSection('service').map((k) => (
                    <FigureTile key={k} k={k} ctx={ctx} />
                  ))}
                </SimpleGrid>
              </Section>
            </Grid.Col>
          </Grid>
          {(scope === 'department' || scope === 'team') && view && (
            <PeopleTable
              kind={scope === 'department' ? 'managers' : 'members'}
              people={view.people}
              currency={view.currency}
              onOpen={(p) => openPerson(p.manager)}
              onDrill={canDrill ? (k, email) => setSearch({ drill: k, dm: email, by: undefined }) : undefined}
            />
          )}
        </Stack>
      )}

      {canDrill && (
        <DrillDrawer
          drill={search.drill}
          period={period}
          manager={drillManager}
          managerName={nameOf(drillManager)}
          by={search.by}
          currency={view?.currency ?? me.company.currency}
          team={
            scope === 'team' && view?.lead && search.drill
              ? { name: view.lead.name, figure: view.figures?.[search.drill] ?? null, members: view.people }
              : undefined
          }
          onClose={() => setSearch({ drill: undefined, dm: undefined, by: undefined })}
          onBy={(by) => setSearch({ by })}
          onMember={(dm) => setSearch({ dm, by: undefined })}
        />
      )}
    </Stack>
  );
}

function LoadingTiles() {
  return (
    <Stack gap="lg" data-testid="kpi-loading">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} h={170} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={280} radius="md" />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <Skeleton key={i} h={130} radius="md" />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
