import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { ClockText, LegalBadge, useNow } from './clocks';
import { type Complaint, severityColors, statusColors } from './complaintsApi';

export function JustifiedBadge({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  const key = value === null ? 'unknown' : value ? 'true' : 'false';
  return (
    <Badge size="sm" variant={value === null ? 'outline' : 'light'} color={value === null ? 'gray' : value ? 'red' : 'teal'}>
      {t(`service.justified.${key}`)}
    </Badge>
  );
}

export function StatusBadge({ c }: { c: Pick<Complaint, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={statusColors[c.status]} data-testid="complaint-status">
      {t(`service.statuses.${c.status}`)}
    </Badge>
  );
}

export function SeverityBadge({ c }: { c: Pick<Complaint, 'severity'> }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" color={severityColors[c.severity]} variant={c.severity === 'critical' ? 'filled' : 'light'}>
      {t(`service.severities.${c.severity}`)}
    </Badge>
  );
}

/** Complaints with their live clocks: time left to each deadline, ticking every 30 seconds. */
export function ComplaintsTable({
  items,
  onOpen,
  withAccount = true,
}: {
  items: Complaint[] | undefined;
  onOpen: (id: string) => void;
  withAccount?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const now = useNow();
  const lang = i18n.resolvedLanguage ?? 'en';
  const columns = withAccount ? 7 : 6;
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover fz="sm" verticalSpacing={8} data-testid="complaints-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('service.columns.reference')}</Table.Th>
            {withAccount && <Table.Th>{t('service.columns.account')}</Table.Th>}
            <Table.Th>{t('service.columns.subject')}</Table.Th>
            <Table.Th>{t('service.columns.severity')}</Table.Th>
            <Table.Th>{t('service.columns.status')}</Table.Th>
            <Table.Th>{t('service.columns.handler')}</Table.Th>
            <Table.Th>{t('service.columns.clocks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items ? (
            <TableSkeletonRows columns={columns} rows={5} />
          ) : (
            items.map((c) => (
              <Table.Tr
                key={c.id}
                className="grove-row-clickable"
                onClick={() => onOpen(c.id)}
                data-testid="complaint-row"
                data-reference={c.reference}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} ff="monospace">
                    {c.reference}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(c.receivedAt, lang, me.company.timeZone)}
                  </Text>
                </Table.Td>
                {withAccount && (
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <AccountAnchor accountId={c.account.id} size="sm" onClick={(e) => e.stopPropagation()}>
                      {c.account.name}
                    </AccountAnchor>
                  </Table.Td>
                )}
                <Table.Td miw={200} maw={340}>
                  <Text size="sm" lineClamp={1} title={c.subject ?? undefined}>
                    {c.subject ?? c.category ?? t('service.noCategory')}
                  </Text>
                  {c.legalClaim && (
                    <Group gap={4} mt={2}>
                      <LegalBadge c={c} now={now} />
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <SeverityBadge c={c} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge c={c} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.handler?.name ?? (
                    <Text span size="sm" c="dimmed">
                      {t('service.list.unassigned')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" w={62}>
                      {t('service.clock.response')}
                    </Text>
                    <ClockText c={c} clock="response" now={now} testId="clock-response" />
                  </Group>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" c="dimmed" w={62}>
                      {t('service.clock.resolution')}
                    </Text>
                    <ClockText c={c} clock="resolution" now={now} testId="clock-resolution" />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
