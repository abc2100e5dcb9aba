import { Badge, Table, Text } from '@mantine/core';
import { AccountAnchor } from './AccountAnchor';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatDateTime } from '../../i18n/format';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { type Interaction, statusColors, typeColors } from './interactionsApi';

/** When an interaction happened, in the company's time zone ("all day" for a date without a time). */
export function When({ i }: { i: Interaction }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  return i.allDay ? (
    <>
      {formatDate(i.occurredAt, lang, me.company.timeZone)}{' '}
      <Text span size="xs" c="dimmed">
        {t('interactions.allDay')}
      </Text>
    </>
  ) : (
    formatDateTime(i.occurredAt, lang, me.company.timeZone)
  );
}

export function InteractionsTable({
  items,
  onOpen,
  withAccount = true,
}: {
  items: Interaction[] | undefined;
  onOpen: (id: string) => void;
  withAccount?: boolean;
}) {
  const { t } = useTranslation();
  const columns = withAccount ? 6 : 5;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover fz="sm" verticalSpacing={8} data-testid="interactions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('interactions.columns.when')}</Table.Th>
            <Table.Th>{t('interactions.columns.type')}</Table.Th>
            {withAccount && <Table.Th>{t('interactions.columns.account')}</Table.Th>}
            <Table.Th>{t('interactions.columns.subject')}</Table.Th>
            <Table.Th>{t('interactions.columns.user')}</Table.Th>
            <Table.Th>{t('interactions.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items ? (
            <TableSkeletonRows columns={columns} rows={6} />
          ) : (
            items.map((i) => (
              <Table.Tr key={i.id} className="grove-row-clickable" onClick={() => onOpen(i.id)} data-testid="interaction-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <When i={i} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={typeColors[i.type]} size="sm">
                    {t(`interactions.types.${i.type}`)}
                  </Badge>
                </Table.Td>
                {withAccount && (
                  <Table.Td>
                    <AccountAnchor accountId={i.account.id} size="sm" onClick={(e) => e.stopPropagation()}>
                      {i.account.name}
                    </AccountAnchor>
                  </Table.Td>
                )}
                <Table.Td maw={360}>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {i.subject ?? '—'}
                  </Text>
                  {i.outcome && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {i.outcome}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.user.name}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={statusColors[i.status]} size="sm">
                    {t(`interactions.statuses.${i.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
