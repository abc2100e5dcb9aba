import { Anchor, Card, Group, Progress, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KpiKey, kpiKinds } from '../../../../src/modules/kpi/kpi.contracts';
import { SortableTh } from '../../ui/SortableTh';
import { formatFigure } from './format';
import classes from './kpi.module.css';
import type { KpiManagerFigures } from './kpiApi';
import { CardTitle } from '../../ui/CardTitle';

/** The columns of the managers' and members' table, in the order people read them. */
export const peopleColumns: KpiKey[] = [
  'revenue',
  'revenue_plan',
  'plan_fulfilment_pct',
  'margin',
  'revenue_growth_pct',
  'active_clients_end',
  'new_clients',
  'retention_rate',
  'meetings',
  'calls',
  'receivables_overdue',
  'complaints',
];

type Sort = 'name' | KpiKey;

interface Props {
  kind: 'managers' | 'members';
  people: KpiManagerFigures[];
  currency: string;
  /** opens a person's own figures */
  onOpen?: (person: KpiManagerFigures) => void;
  /** opens the rows behind one person's figure; absent when the reader may not drill */
  onDrill?: (key: KpiKey, manager: string) => void;
}

/** Every manager (or team member) with their main figures; sortable, each figure drills down. */
export function PeopleTable({ kind, people, currency, onOpen, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [sort, setSort] = useState<Sort>('revenue');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const onSort = (s: Sort) => {
    if (s === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(s);
      setOrder(s === 'name' ? 'asc' : 'desc');
    }
  };
  const sorted = [...people].sort((a, b) => {
    const dir = order === 'asc' ? 1 : -1;
    if (sort === 'name') return a.name.localeCompare(b.name, lang) * dir;
    const x = a[sort];
    const y = b[sort];
    // no value (no plan, no base) always goes last
    if (x === null && y === null) return a.name.localeCompare(b.name, lang);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * dir || a.name.localeCompare(b.name, lang);
  });

  return (
    <Card padding="lg" data-testid={`kpi-${kind}`}>
      <CardTitle
        order={3}
        title={t(`kpi.table.${kind}`)}
        subtitle={t(kind === 'managers' ? 'kpi.table.managersHint' : 'kpi.table.membersHint')}
      />
      {people.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">
          {t('kpi.table.noRows')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1180}>
          <Table highlightOnHover striped={false} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <SortableTh active={sort === 'name'} order={order} onSort={() => onSort('name')} width={200}>
                  {t('kpi.table.name')}
                </SortableTh>
                {peopleColumns.map((k) => (
                  <SortableTh key={k} active={sort === k} order={order} onSort={() => onSort(k)}>
                    {t(`kpi.figures.${k}`)}
                  </SortableTh>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((p) => (
                <Table.Tr key={p.manager} data-testid="kpi-person-row">
                  <Table.Td>
                    {onOpen ? (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        fw={500}
                        onClick={() => onOpen(p)}
                        aria-label={t('kpi.table.open', { name: p.name })}
                        data-testid="kpi-person-open"
                      >
                        {p.name}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={500}>
                        {p.name}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {p.manager}
                    </Text>
                  </Table.Td>
                  {peopleColumns.map((k) => (
                    <Table.Td key={k} style={{ textAlign: 'right' }}>
                      <Cell k={k} person={p} currency={currency} lang={lang} onDrill={onDrill} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function Cell({
  k,
  person,
  currency,
  lang,
  onDrill,
}: {
  k: KpiKey;
  person: KpiManagerFigures;
  currency: string;
  lang: string;
  onDrill?: Props['onDrill'];
}) {
  const { t } = useTranslation();
  const value = person[k];
  const text = formatFigure(kpiKinds[k], value, lang, currency);
  const figure =
    !onDrill || value === null ? (
      <Text size="sm" className={classes.num} component="span">
        {text}
      </Text>
    ) : (
      <UnstyledButton
        className={classes.cellButton}
        fz="sm"
        onClick={() => onDrill(k, person.manager)}
        aria-label={`${t('kpi.tile.drill', { name: t(`kpi.figures.${k}`) })}: ${person.name}`}
      >
        {text}
      </UnstyledButton>
    );
  if (k !== 'plan_fulfilment_pct' || value === null) return figure;
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Progress
        value={Math.max(0, Math.min(100, value))}
        w={48}
        size="sm"
        color={value >= 100 ? 'teal' : value >= 80 ? 'yellow' : 'red'}
        aria-hidden
      />
      {figure}
    </Group>
  );
}
