import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, Role } from '../../../../src/core/contracts';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import type { UserListT } from '../../app/types';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { TableFooter } from '../../ui/TableFooter';
import { NotFoundPage } from '../errors/NotFoundPage';
import { CreateUserModal } from './CreateUserModal';
import { EditUserDrawer } from './EditUserDrawer';
import { departmentOptions, roleOptions } from './userOptions';
import { type UserSort, UsersTable } from './UsersTable';

const LIMIT = 25;

export function UsersPage() {
  const me = useCurrentUser();
  if (!can(me, 'users.read') && !can(me, 'users.manage')) return <NotFoundPage />;
  return <UsersList />;
}

function UsersList() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { user: openUserId } = useSearch({ from: '/app/settings/users' });
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [department, setDepartment] = useState<Department | null>(null);
  const [status, setStatus] = useState<'true' | 'false' | null>(null);
  const [sort, setSort] = useState<UserSort>('name');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [offset, setOffset] = useState(0);
  const [creating, createModal] = useDisclosure(false);
  const mayManage = can(me, 'users.manage');

  const query = { q: debouncedQ, role, department, disabled: status, sort, order, limit: LIMIT, offset };
  const users = useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => api.get<UserListT>('/api/users', query),
    placeholderData: keepPreviousData,
  });

  const filtered = !!(debouncedQ || role || department || status);
  const clearFilters = () => {
    setQ('');
    setRole(null);
    setDepartment(null);
    setStatus(null);
    setOffset(0);
  };
  const onSort = (field: UserSort) => {
    if (field === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(field);
      setOrder('asc');
    }
    setOffset(0);
  };
  const openUser = (id: string | undefined) => navigate({ to: '/settings/users', search: id ? { user: id } : {}, replace: true });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          mayManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open} data-testid="new-user">
              {t('users.newUser')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md">
        <Group gap="sm" p="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <TextInput
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('common.search')}
            leftSection={<IconSearch size={15} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setOffset(0);
            }}
            w={300}
          />
          <Select
            placeholder={t('users.anyRole')}
            aria-label={t('users.role')}
            data={roleOptions(t)}
            value={role}
            onChange={(v) => {
              setRole(v as Role | null);
              setOffset(0);
            }}
            clearable
            w={220}
            comboboxProps={{ width: 300 }}
          />
          <Select
            placeholder={t('users.anyDepartment')}
            aria-label={t('users.department')}
            data={departmentOptions(t)}
            value={department}
            onChange={(v) => {
              setDepartment(v as Department | null);
              setOffset(0);
            }}
            clearable
            w={200}
            comboboxProps={{ width: 260 }}
          />
          <Select
            placeholder={t('users.anyStatus')}
            aria-label={t('users.status')}
            data={[
              { value: 'false', label: t('users.active') },
              { value: 'true', label: t('users.disabled') },
            ]}
            value={status}
            onChange={(v) => {
              setStatus(v as 'true' | 'false' | null);
              setOffset(0);
            }}
            clearable
            w={160}
          />
          {filtered && (
            <Button variant="subtle" color="gray" size="sm" onClick={clearFilters}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>
        {users.data && users.data.items.length === 0 ? (
          <Empty
            icon={<IconUsers size={28} />}
            title={t('users.emptyTitle')}
            text={t('users.emptyText')}
            action={
              filtered && (
                <Button variant="light" onClick={clearFilters}>
                  {t('common.clearFilters')}
                </Button>
              )
            }
          />
        ) : (
          <UsersTable items={users.data?.items} sort={sort} order={order} onSort={onSort} onOpen={(u) => openUser(u.id)} />
        )}
        <TableFooter offset={offset} limit={LIMIT} total={users.data?.total ?? 0} onOffset={setOffset} />
      </Paper>
      <CreateUserModal opened={creating} onClose={createModal.close} />
      <EditUserDrawer userId={openUserId ?? null} onClose={() => openUser(undefined)} />
    </>
  );
}
