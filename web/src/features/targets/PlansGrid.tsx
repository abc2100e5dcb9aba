import { ActionIcon, Badge, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowsSplit2, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPlan, formatSigned, monthNames } from './format';
import {
  cellKey,
  DEPARTMENT,
  difference,
  type Edits,
  managersSum,
  managersYearTotal,
  months,
  type SplitMode,
  value,
  yearTotal,
} from './gridModel';
import { PlanCell } from './PlanCell';
import classes from './plans.module.css';
import type { TargetGrid, TargetMetric } from './targetsApi';

interface Props {
  grid: TargetGrid;
  edits: Edits;
  metric: TargetMetric;
  onEdit: (key: string, value: string | null) => void;
  onValidity: (key: string, valid: boolean) => void;
  onSplit: (months: number[], mode: SplitMode) => void;
  selfId: string;
}

/** Managers × months of one metric, the department's plan on top and, for those who see everyone, the sums below. */
export function PlansGrid({ grid, edits, metric, onEdit, onValidity, onSplit, selfId }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const short = monthNames(lang);
  const long = monthNames(lang, 'long');
  const editable = grid.can.edit;
  const fmt = (v: string | null) => (v === null ? '—' : formatPlan(v, metric, lang));
  const rows = [{ id: DEPARTMENT, name: t('targets.department') }, ...grid.managers.map((m) => ({ id: m.user.id, name: m.user.name }))];

  const cell = (row: string, rowIndex: number, month: number, name: string) => {
    const key = cellKey(row, month, metric);
    return (
      <Table.Td key={month} className={classes.num} p={2}>
        <PlanCell
          value={value(grid, edits, row, month, metric)}
          metric={metric}
          editable={editable}
          edited={edits.has(key)}
          label={t('targets.cellLabel', { name, month: long[month - 1] })}
          position={`${rowIndex}:${month}`}
          onCommit={(v) => onEdit(key, v)}
          onValidity={(valid) => onValidity(key, valid)}
          testId={`cell-${row === DEPARTMENT ? 'department' : row}-${month}`}
        />
      </Table.Td>
    );
  };

  return (
    <Table.ScrollContainer minWidth={1100} type="native">
      <Table className={classes.table} verticalSpacing={4} horizontalSpacing="xs" data-testid="plans-grid" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.sticky}>{t('targets.manager')}</Table.Th>
            {months.map((m) => (
              <Table.Th key={m} className={`${classes.num} ${classes.monthHead}`}>
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  <span>{short[m - 1]}</span>
                  {editable && (
                    <Menu position="bottom-end" withinPortal shadow="md" width={300}>
                      <Menu.Target>
                        <Tooltip label={t('targets.split.monthLabel', { month: long[m - 1] })} withinPortal openDelay={400}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            aria-label={t('targets.split.monthLabel', { month: long[m - 1] })}
                            data-testid={`split-month-${m}`}
                          >
                            <IconArrowsSplit2 size={14} />
                          </ActionIcon>
                        </Tooltip>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Label>{t('targets.split.monthLabel', { month: long[m - 1] })}</Menu.Label>
                        <Menu.Item onClick={() => onSplit([m], 'evenly')} data-testid={`split-month-${m}-evenly`}>
                          <Text size="sm">{t('targets.split.evenly')}</Text>
                          <Text size="xs" c="dimmed">
                            {t('targets.split.evenlyHint')}
                          </Text>
                        </Menu.Item>
                        <Menu.Item onClick={() => onSplit([m], 'lastYear')} data-testid={`split-month-${m}-last-year`}>
                          <Text size="sm">{t('targets.split.byLastYear')}</Text>
                          <Text size="xs" c="dimmed">
                            {t('targets.split.byLastYearHint')}
                          </Text>
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Group>
              </Table.Th>
            ))}
            <Table.Th className={classes.num}>{t('targets.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, rowIndex) => {
            const manager = grid.managers.find((m) => m.user.id === row.id);
            return (
              <Table.Tr
                key={row.id}
                className={row.id === DEPARTMENT ? classes.departmentRow : undefined}
                data-testid={row.id === DEPARTMENT ? 'department-row' : 'manager-row'}
              >
                <Table.Td className={classes.sticky}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={row.id === DEPARTMENT ? 700 : 500} truncate>
                      {row.name}
                    </Text>
                    {manager?.user.role === 'senior_kam' && (
                      <Badge size="xs" variant="light" color="grape">
                        {t('roles.senior_kam')}
                      </Badge>
                    )}
                    {manager?.disabled && (
                      <Badge size="xs" variant="outline" color="gray">
                        {t('targets.left')}
                      </Badge>
                    )}
                    {manager?.user.id === selfId && !editable && (
                      <Badge size="xs" variant="light">
                        {t('targets.yourPlan')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {months.map((m) => cell(row.id, rowIndex, m, row.name))}
                <Table.Td className={classes.num}>
                  <Text size="sm" fw={600} px={7}>
                    {fmt(yearTotal(grid, edits, row.id, metric))}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {grid.totals && (
            <>
              <Table.Tr className={classes.sumRow} data-testid="sum-row">
                <Table.Td className={classes.sticky}>{t('targets.sum')}</Table.Td>
                {months.map((m) => (
                  <Table.Td key={m} className={classes.num} data-testid={`sum-${m}`}>
                    <Text size="sm" fw={600} px={7}>
                      {fmt(managersSum(grid, edits, m, metric))}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td className={classes.num}>
                  <Text size="sm" fw={600} px={7}>
                    {fmt(managersYearTotal(grid, edits, metric))}
                  </Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr className={classes.diffRow} data-testid="difference-row">
                <Table.Td className={classes.sticky}>{t('targets.difference')}</Table.Td>
                {months.map((m) => {
                  const diff = difference(grid, edits, m, metric);
                  const off = diff !== null && !/^0(\.0+)?$/.test(diff);
                  return (
                    <Table.Td
                      key={m}
                      className={`${classes.num} ${off ? classes.off : ''}`}
                      data-testid={`difference-${m}`}
                      data-off={off || undefined}
                    >
                      <Text size="sm" px={7} component="span" className={off ? undefined : diff !== null ? classes.ok : undefined}>
                        {diff === null ? (
                          '—'
                        ) : off ? (
                          formatSigned(diff, metric, lang)
                        ) : (
                          <Tooltip label={t('targets.balanced')} withinPortal>
                            <IconCheck size={14} aria-label={t('targets.balanced')} />
                          </Tooltip>
                        )}
                      </Text>
                    </Table.Td>
                  );
                })}
                <Table.Td />
              </Table.Tr>
            </>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
