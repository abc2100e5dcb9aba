import { Badge, Table, Text } from '@mantine/core';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { type Complaint, severityColors } from './complaintsApi';
import { formatHours, hoursSince } from './duration';

export function JustifiedBadge({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  const key = value === null ? 'unknown' : value ? 'true' : 'false';
  return (
    <Badge size="sm" variant={value === null ? 'outline' : 'light'} color={value === null ? 'gray' : value ? 'red' : 'teal'}>
      {t(`service.justified.${key}`)}
    </Badge>
  );
}

export function StateText({ c }: { c: Complaint }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return c.resolvedAt ? (
    <Text size="sm" c="teal.8">
      {t('service.resolvedIn', { duration: formatHours(c.resolutionHours ?? 0, t, lang) })}
    </Text>
  ) : (
    <Text size="sm" c="orange.8" fw={500}>
      {t('service.openFor', { duration: formatHours(hoursSince(c.receivedAt), t, lang) })}
    </Text>
  );
}

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
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover fz="sm" verticalSpacing={8} data-testid="complaints-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('service.columns.received')}</Table.Th>
            {withAccount && <Table.Th>{t('service.columns.account')}</Table.Th>}
            <Table.Th>{t('service.columns.severity')}</Table.Th>
            <Table.Th>{t('service.columns.category')}</Table.Th>
            <Table.Th>{t('service.columns.state')}</Table.Th>
            <Table.Th>{t('service.columns.firstResponse')}</Table.Th>
            <Table.Th>{t('service.columns.justified')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items ? (
            <TableSkeletonRows columns={withAccount ? 7 : 6} rows={5} />
          ) : (
            items.map((c) => (
              <Table.Tr key={c.id} className="grove-row-clickable" onClick={() => onOpen(c.id)} data-testid="complaint-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.receivedAt, lang, me.company.timeZone)}</Table.Td>
                {withAccount && (
                  <Table.Td>
                    <AccountAnchor accountId={c.account.id} size="sm" onClick={(e) => e.stopPropagation()}>
                      {c.account.name}
                    </AccountAnchor>
                    {c.account.owner && (
                      <Text size="xs" c="dimmed">
                        {c.account.owner.name}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Badge size="sm" color={severityColors[c.severity]} variant={c.severity === 'critical' ? 'filled' : 'light'}>
                    {t(`service.severities.${c.severity}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {c.category ?? (
                    <Text span c="dimmed" size="sm">
                      {t('service.noCategory')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StateText c={c} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {c.firstResponseHours === null ? (
                    <Text size="sm" c="dimmed">
                      {t('service.noResponse')}
                    </Text>
                  ) : (
                    formatHours(c.firstResponseHours, t, lang)
                  )}
                </Table.Td>
                <Table.Td>
                  <JustifiedBadge value={c.justified} />
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
