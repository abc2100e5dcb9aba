import { Badge, Group, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { userSortFields } from '../../../../src/modules/users/users.contracts';
import { useCurrentUser } from '../../app/session';
import type { User } from '../../app/types';
import { formatDate } from '../../i18n/format';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { RoleBadge } from '../../ui/RoleBadge';
import { PlainTh, SortableTh } from '../../ui/SortableTh';

export type UserSort = (typeof userSortFields)[number];

interface Props {
  items: User[] | undefined;
  sort: UserSort;
  order: 'asc' | 'desc';
  onSort: (field: UserSort) => void;
  onOpen: (user: User) => void;
}

export function UsersTable({ items, sort, order, onSort, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const th = (field: UserSort, label: string, width?: number) => (
    <SortableTh active={sort === field} order={order} onSort={() => onSort(field)} width={width}>
      {label}
    </SortableTh>
  );
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover stickyHeader data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            {th('name', t('users.name'))}
            {th('email', t('users.emailColumn'))}
            {th('role', t('users.role'))}
            <PlainTh>{t('users.manager')}</PlainTh>
            <PlainTh>{t('users.status')}</PlainTh>
            {th('lastSignInAt', t('users.lastSignIn'))}
            {th('createdAt', t('users.created'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items ? (
            <TableSkeletonRows columns={7} />
          ) : (
            items.map((user) => (
              <Table.Tr key={user.id} className="grove-row-clickable" onClick={() => onOpen(user)} data-testid="user-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {user.name}
                    </Text>
                    {user.id === me.id && (
                      <Badge size="xs" color="gray">
                        {t('users.youBadge')}
                      </Badge>
                    )}
                  </Group>
                  {user.department && (
                    <Text size="xs" c="dimmed">
                      {t(`departments.${user.department}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{user.email}</Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={user.role} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={user.manager ? undefined : 'dimmed'}>
                    {user.manager?.name ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {user.disabled ? <Badge color="red">{t('users.disabled')}</Badge> : <Badge color="teal">{t('users.active')}</Badge>}
                    {user.totpEnabled && (
                      <Badge color="blue" leftSection={<IconShieldCheck size={11} />}>
                        {t('users.twoFactor')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {user.lastSignInAt ? formatDate(user.lastSignInAt, lang, me.company.timeZone) : t('common.never')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(user.createdAt, lang, me.company.timeZone)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
