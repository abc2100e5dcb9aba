import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconCheck, IconX } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatNumber } from '../../i18n/format';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { PlainTh } from '../../ui/SortableTh';
import { TierChange } from './TierChange';
import type { Proposal } from './tieringApi';

const statusColors = { pending: 'yellow', approved: 'teal', rejected: 'red', superseded: 'gray' } as const;

interface Props {
  items: Proposal[] | undefined;
  selectable: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onApprove: (p: Proposal) => void;
  /** the proposal being approved right now */
  approving?: string;
  onReject: (p: Proposal) => void;
  onHandOver: (p: Proposal) => void;
}

export function ProposalsTable({ items, selectable, selected, onSelect, onApprove, approving, onReject, onHandOver }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const num = (n: number) => formatNumber(n, lang);
  const demotions = (items ?? []).filter((p) => p.status === 'pending' && p.direction === 'demote').map((p) => p.id);
  const allSelected = demotions.length > 0 && demotions.every((id) => selected.includes(id));
  const columns = selectable ? 7 : 6;

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover stickyHeader data-testid="proposals-table">
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={36}>
                <Tooltip label={t('tiering.retiering.selectAll')} openDelay={300}>
                  <Checkbox
                    size="xs"
                    aria-label={t('tiering.retiering.selectAll')}
                    checked={allSelected}
                    indeterminate={!allSelected && selected.length > 0}
                    disabled={demotions.length === 0}
                    onChange={() => onSelect(allSelected ? [] : demotions)}
                  />
                </Tooltip>
              </Table.Th>
            )}
            <PlainTh>{t('tiering.retiering.account')}</PlainTh>
            <PlainTh>{t('tiering.retiering.owner')}</PlainTh>
            <PlainTh>{t('tiering.retiering.change')}</PlainTh>
            <PlainTh>{t('tiering.retiering.score')}</PlainTh>
            <PlainTh>{t('tiering.retiering.proposed')}</PlainTh>
            <PlainTh width={260}>{t('tiering.retiering.decision')}</PlainTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items ? (
            <TableSkeletonRows columns={columns} />
          ) : (
            items.map((p) => (
              <Table.Tr key={p.id} data-testid="proposal-row">
                {selectable && (
                  <Table.Td>
                    {p.direction === 'demote' && (
                      <Checkbox
                        size="xs"
                        aria-label={`${t('tiering.retiering.select')}: ${p.account.name}`}
                        checked={selected.includes(p.id)}
                        onChange={(e) => onSelect(e.currentTarget.checked ? [...selected, p.id] : selected.filter((id) => id !== p.id))}
                      />
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor
                    size="sm"
                    fw={500}
                    renderRoot={(props) => <Link {...props} to="/accounts/$accountId" params={{ accountId: p.account.id }} />}
                  >
                    {p.account.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={p.account.owner ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {p.account.owner?.name ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TierChange from={p.fromTier} to={p.toTier} direction={p.direction} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {num(p.score)}
                  </Text>
                  {p.account.score !== null && p.account.score !== p.score && (
                    <Text size="xs" c="dimmed">
                      {t('tiering.retiering.scoreNow', { score: num(p.account.score) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(p.createdAt, lang, me.company.timeZone)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.run.kind === 'monthly' ? t('tiering.retiering.byMonthly') : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {p.status === 'pending' ? (
                    <Group gap={6} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        color={p.direction === 'promote' ? 'teal' : 'orange'}
                        leftSection={<IconCheck size={14} />}
                        onClick={() => onApprove(p)}
                        loading={approving === p.id}
                        data-testid="approve"
                      >
                        {t('tiering.retiering.approve')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        leftSection={<IconX size={14} />}
                        onClick={() => onReject(p)}
                        data-testid="reject"
                      >
                        {t('tiering.retiering.reject')}
                      </Button>
                    </Group>
                  ) : (
                    <Stack gap={2}>
                      <Group gap={6} wrap="nowrap">
                        <Badge color={statusColors[p.status]}>{t(`tiering.retiering.status.${p.status}`)}</Badge>
                        {p.status === 'approved' && p.toTier === 'key' && p.account.tier === 'key' && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            leftSection={<IconArrowsExchange size={12} />}
                            onClick={() => onHandOver(p)}
                          >
                            {t('tiering.retiering.handOver')}
                          </Button>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {p.status === 'superseded'
                          ? t('tiering.retiering.superseded')
                          : p.decidedBy && p.decidedAt
                            ? t('tiering.retiering.decidedBy', {
                                name: p.decidedBy.name,
                                date: formatDate(p.decidedAt, lang, me.company.timeZone),
                              })
                            : ''}
                      </Text>
                      {p.note && (
                        <Text size="xs" lineClamp={2}>
                          {p.note}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
