import { Table } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AccountColumn } from '../../../../src/modules/accounts/accounts.contracts';
import { useCurrentUser } from '../../app/session';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { PlainTh, SortableTh } from '../../ui/SortableTh';
import type { AccountListItem, AccountSort } from './accountsApi';
import { columnDefs } from './columns';

interface Props {
  items: AccountListItem[] | undefined;
  columns: AccountColumn[];
  sort: AccountSort;
  order: 'asc' | 'desc';
  onSort: (field: AccountSort) => void;
}

/** The account list: a row opens the account; the name is a real link (new tab, keyboard). */
export function AccountsTable({ items, columns, sort, order, onSort }: Props) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const context = { t, lang: i18n.resolvedLanguage ?? 'en', timeZone: me.company.timeZone };
  const defs = columns.map((c) => columnDefs[c]);
  return (
    <Table.ScrollContainer minWidth={Math.max(900, columns.length * 130)}>
      <Table highlightOnHover stickyHeader horizontalSpacing="xs" data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            {defs.map((d) =>
              d.sort ? (
                <SortableTh key={d.key} active={sort === d.sort} order={order} onSort={() => onSort(d.sort as AccountSort)} width={d.width}>
                  {t(`accounts.columns.${d.key}`)}
                </SortableTh>
              ) : (
                <PlainTh key={d.key} width={d.width}>
                  {t(`accounts.columns.${d.key}`)}
                </PlainTh>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items ? (
            <TableSkeletonRows columns={defs.length} />
          ) : (
            items.map((a) => (
              <Table.Tr
                key={a.id}
                className="grove-row-clickable"
                onClick={() => navigate({ to: '/accounts/$accountId', params: { accountId: a.id } })}
                data-testid="account-row"
                style={a.archived ? { opacity: 0.65 } : undefined}
              >
                {defs.map((d) => (
                  <Table.Td key={d.key} ta={d.align}>
                    {d.render(a, context)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
