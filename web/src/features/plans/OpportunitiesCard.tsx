import { Badge, Button, Group, Paper, SimpleGrid, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { opportunityStatuses } from '../../../../src/modules/plans/plans.contracts';
import { OpportunityModal } from './OpportunityModal';
import { itemPath, type Opportunity, type Plan, usePlanChange } from './planApi';
import { type ChipOption, ItemActions, SectionCard, StatusChip, useFormat } from './planUi';

const statusColors = { open: 'blue', won: 'teal', lost: 'gray' } as const;

/** Opportunities with the account's pipeline: open amount, weighted by probability, and won. */
export function OpportunitiesCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const f = useFormat();
  const change = usePlanChange(plan.accountId);
  const [editing, setEditing] = useState<Opportunity | 'new' | null>(null);
  const money = (amount: string) => f.money(amount, plan.currency);
  const statuses: ChipOption<Opportunity['status']>[] = opportunityStatuses.map((s) => ({
    value: s,
    label: t(`plans.opportunities.statuses.${s}`),
    color: statusColors[s],
  }));
  const p = plan.pipeline;

  return (
    <SectionCard
      title={t('plans.opportunities.title')}
      hint={t('plans.opportunities.hint')}
      testId="plan-opportunities"
      aside={
        plan.can.edit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid="add-opportunities"
          >
            {t('plans.opportunities.add')}
          </Button>
        )
      }
    >
      <SimpleGrid cols={3} spacing="sm" mb="md">
        <Stat
          label={t('plans.opportunities.openPipeline')}
          value={money(p.openAmount)}
          note={t('plans.opportunities.openCount', { count: p.openCount })}
        />
        <Stat
          label={t('plans.opportunities.weightedPipeline')}
          value={money(p.weighted)}
          hint={t('plans.opportunities.weightedHint')}
          accent
          testId="weighted-pipeline"
        />
        <Stat label={t('plans.opportunities.won')} value={money(p.wonAmount)} />
      </SimpleGrid>
      {plan.opportunities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.opportunities.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="opportunities-table">
            <Table.Thead>
              <Table.Tr>
                <Th>{t('plans.opportunities.titleLabel')}</Th>
                <Th>{t('plans.opportunities.kind')}</Th>
                <Th>{t('plans.opportunities.closeShort')}</Th>
                <Th>{t('plans.opportunities.status')}</Th>
                <Th right>{t('plans.opportunities.amount')}</Th>
                <Th right>{t('plans.opportunities.probabilityShort')}</Th>
                <Th right>{t('plans.opportunities.weighted')}</Th>
                {plan.can.edit && <Th>{''}</Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.opportunities.map((o) => (
                <Table.Tr key={o.id} data-testid="opportunity-row" c={o.status === 'lost' ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {o.title}
                    </Text>
                    {o.notes && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {o.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color="gray" variant="outline">
                      {t(`plans.opportunities.kinds.${o.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {o.expectedCloseDate ? f.day(o.expectedCloseDate) : '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusChip
                      value={o.status}
                      options={statuses}
                      onChange={
                        plan.can.edit
                          ? (status) =>
                              change.mutate({
                                method: 'patch',
                                path: itemPath('opportunities', o.id),
                                body: { status, version: o.version },
                              })
                          : undefined
                      }
                    />
                  </Table.Td>
                  <Num>{money(o.amount)}</Num>
                  <Num>{o.probability}%</Num>
                  <Num>{o.weighted ? money(o.weighted) : '—'}</Num>
                  {plan.can.edit && (
                    <Table.Td w={70}>
                      <ItemActions
                        title={o.title}
                        onEdit={() => setEditing(o)}
                        onRemove={() => change.mutate({ method: 'delete', path: itemPath('opportunities', o.id) })}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr bg="var(--mantine-color-default-hover)">
                <Table.Td colSpan={4}>
                  <Text size="sm" fw={600}>
                    {t('plans.opportunities.openPipeline')} · {t('plans.opportunities.openCount', { count: p.openCount })}
                  </Text>
                </Table.Td>
                <Num strong>{money(p.openAmount)}</Num>
                <Table.Td />
                <Num strong testId="weighted-total">
                  {money(p.weighted)}
                </Num>
                {plan.can.edit && <Table.Td />}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <OpportunityModal plan={plan} opportunity={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </SectionCard>
  );
}

function Th({ children, right }: { children: string; right?: boolean }) {
  return (
    <Table.Th ta={right ? 'right' : undefined}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {children}
      </Text>
    </Table.Th>
  );
}

function Num({ children, strong, testId }: { children: React.ReactNode; strong?: boolean; testId?: string }) {
  return (
    <Table.Td
      ta="right"
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      fw={strong ? 600 : undefined}
      data-testid={testId}
    >
      {children}
    </Table.Td>
  );
}

function Stat({
  label,
  value,
  note,
  hint,
  accent,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  hint?: string;
  accent?: boolean;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm" bg={accent ? 'var(--mantine-color-teal-light)' : undefined}>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {hint && (
          <Tooltip label={hint} multiline w={240}>
            <IconInfoCircle size={13} color="var(--mantine-color-dimmed)" />
          </Tooltip>
        )}
      </Group>
      <Text size="lg" fw={700} c={accent ? 'teal.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}
