import { ActionIcon, Alert, Anchor, Button, Card, Group, Menu, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowsSplit2,
  IconChevronLeft,
  IconChevronRight,
  IconFileImport,
  IconLock,
  IconTarget,
} from '@tabler/icons-react';
import { Link, useBlocker, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { NotFoundPage } from '../errors/NotFoundPage';
import { monthNames } from './format';
import { months, realChanges, type SplitMode, saveRequest, splitMonths } from './gridModel';
import { PlansGrid } from './PlansGrid';
import { type TargetMetric, useSaveTargets, useTargets } from './targetsApi';

/** Sales plans (F1): the department's monthly plan split into the managers' individual plans. */
export function PlansPage() {
  const me = useCurrentUser();
  if (!can(me, 'targets.read')) return <NotFoundPage />;
  return <Plans />;
}

function Plans() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/sales-plans' });
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: me.company.timeZone, year: 'numeric' }).format(new Date()));
  const year = search.year ?? thisYear;
  const metric: TargetMetric = search.metric ?? 'revenue';
  const grid = useTargets(year);
  const editable = !!grid.data?.can.edit;
  const lastYear = useTargets(year - 1, editable);
  const save = useSaveTargets(year);
  const [edits, setEdits] = useState<Map<string, string | null>>(new Map());
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [conflict, setConflict] = useState(false);
  const changes = useMemo(() => (grid.data ? realChanges(grid.data, edits) : new Map()), [grid.data, edits]);
  const dirty = changes.size > 0;

  // leaving the page with unsaved edits asks first (a change of year asks in setSearch; the metric keeps the edits)
  useBlocker({
    shouldBlockFn: ({ current, next }) => dirty && current.pathname !== next.pathname && !window.confirm(t('targets.leaveConfirm')),
    enableBeforeUnload: () => dirty,
  });

  const setSearch = (next: { year?: number; metric?: TargetMetric }) => {
    if (next.year !== undefined && next.year !== year && dirty && !window.confirm(t('targets.leaveConfirm'))) return;
    if (next.year !== undefined && next.year !== year) {
      setEdits(new Map());
      setInvalid(new Set());
      setConflict(false);
    }
    void navigate({
      to: '/sales-plans',
      search: {
        year: next.year ?? search.year,
        metric: (next.metric ?? metric) === 'revenue' ? undefined : (next.metric ?? metric),
      },
      replace: true,
    });
  };

  if (grid.isPending) return <PageSkeleton rows={8} />;
  if (grid.isError) throw grid.error;
  const data = grid.data;
  const long = monthNames(lang, 'long');

  const onEdit = (key: string, value: string | null) => setEdits((e) => new Map(e).set(key, value));
  const onValidity = (key: string, valid: boolean) =>
    setInvalid((s) => {
      if (valid === !s.has(key)) return s;
      const next = new Set(s);
      if (valid) next.delete(key);
      else next.add(key);
      return next;
    });
  const onSplit = (which: number[], mode: SplitMode) => {
    const outcome = splitMonths(data, edits, metric, which, mode, lastYear.data);
    if (!outcome.ok) {
      const message =
        outcome.reason === 'noManagers'
          ? t('targets.split.noManagers')
          : outcome.reason === 'fixedTooLarge'
            ? t('targets.split.fixedTooLarge', { month: long[(outcome.month ?? 1) - 1] })
            : outcome.month
              ? t('targets.split.noTarget', { month: long[outcome.month - 1] })
              : t('targets.split.noTargetYear');
      notifications.show({ color: 'orange', message });
      return;
    }
    setEdits(outcome.edits);
    const fellBack = outcome.fellBack.map((m) => long[m - 1]).join(', ');
    notifications.show({
      color: 'teal',
      message: fellBack ? `${t('targets.split.done')} ${t('targets.split.fellBack', { months: fellBack })}` : t('targets.split.done'),
    });
  };
  const onSave = () =>
    save.mutate(saveRequest(data, edits), {
      onSuccess: () => {
        setEdits(new Map());
        setConflict(false);
        notifications.show({ color: 'teal', message: t('targets.saved') });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) setConflict(true);
        else notifications.show({ color: 'red', message: errorMessage(error) });
      },
    });
  const reapply = async () => {
    await grid.refetch();
    setConflict(false);
  };
  const discard = () => {
    setEdits(new Map());
    setInvalid(new Set());
    setConflict(false);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('targets.title')}
        subtitle={editable ? t('targets.subtitle') : t('targets.subtitleReadOnly')}
        actions={
          editable && (
            <Menu position="bottom-end" withinPortal shadow="md" width={320}>
              <Menu.Target>
                <Button variant="default" leftSection={<IconArrowsSplit2 size={16} />} data-testid="split-year">
                  {t('targets.split.menu')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => onSplit(months, 'evenly')} data-testid="split-year-evenly">
                  <Text size="sm">{t('targets.split.yearEvenly')}</Text>
                  <Text size="xs" c="dimmed">
                    {t('targets.split.evenlyHint')}
                  </Text>
                </Menu.Item>
                <Menu.Item onClick={() => onSplit(months, 'lastYear')} data-testid="split-year-last-year">
                  <Text size="sm">{t('targets.split.yearByLastYear')}</Text>
                  <Text size="xs" c="dimmed">
                    {t('targets.split.byLastYearHint')}
                  </Text>
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="md" wrap="wrap">
          <Group gap={4} wrap="nowrap" aria-label={t('targets.year')}>
            <Tooltip label={t('targets.prevYear')} withinPortal>
              <ActionIcon variant="default" size="lg" onClick={() => setSearch({ year: year - 1 })} aria-label={t('targets.prevYear')}>
                <IconChevronLeft size={16} />
              </ActionIcon>
            </Tooltip>
            <Text fw={700} fz="lg" w={56} ta="center" data-testid="plans-year">
              {year}
            </Text>
            <Tooltip label={t('targets.nextYear')} withinPortal>
              <ActionIcon variant="default" size="lg" onClick={() => setSearch({ year: year + 1 })} aria-label={t('targets.nextYear')}>
                <IconChevronRight size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <SegmentedControl
            value={metric}
            onChange={(v) => setSearch({ metric: v as TargetMetric })}
            aria-label={t('targets.metric')}
            data-testid="plans-metric"
            data={(['revenue', 'activeClients', 'newClients'] as const).map((m) => ({ value: m, label: t(`targets.metrics.${m}`) }))}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t(`targets.metricHint.${metric}`, { currency: me.company.currency })}
        </Text>
      </Group>
      {conflict && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('targets.conflictTitle')} data-testid="plans-conflict">
          <Stack gap="xs">
            <Text size="sm">{t('targets.conflictText', { year })}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={reapply} loading={grid.isFetching} data-testid="plans-reapply">
                {t('targets.reapply')}
              </Button>
              <Button size="xs" variant="default" onClick={discard}>
                {t('targets.discard')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {!editable && (
        <Group gap={6}>
          <IconLock size={14} color="var(--mantine-color-dimmed)" />
          <Text size="sm" c="dimmed">
            {t('targets.readOnly')}
          </Text>
        </Group>
      )}
      <Card padding={0} withBorder radius="md">
        <PlansGrid grid={data} edits={edits} metric={metric} onEdit={onEdit} onValidity={onValidity} onSplit={onSplit} selfId={me.id} />
        {data.managers.length === 0 && <Empty icon={<IconTarget size={28} />} title={t('targets.title')} text={t('targets.noManagers')} />}
      </Card>
      <Group gap={6}>
        <IconFileImport size={15} color="var(--mantine-color-dimmed)" />
        {can(me, 'imports.run') ? (
          <Text size="sm" c="dimmed">
            {t('targets.importHint')}{' '}
            <Anchor component={Link} to="/settings/imports" size="sm" data-testid="plans-import-link">
              {t('targets.importLink')}
            </Anchor>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('targets.importHintNoRight')}
          </Text>
        )}
      </Group>
      {dirty && (
        <Paper shadow="lg" withBorder radius="md" p="sm" data-testid="plans-save-bar" style={{ position: 'sticky', bottom: 16, zIndex: 5 }}>
          <Group justify="space-between">
            <Text size="sm" fw={500} data-testid="plans-unsaved">
              {t('targets.unsaved', { count: changes.size })}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={discard} disabled={save.isPending}>
                {t('targets.discard')}
              </Button>
              <Button onClick={onSave} loading={save.isPending} disabled={invalid.size > 0 || conflict} data-testid="plans-save">
                {t('targets.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
