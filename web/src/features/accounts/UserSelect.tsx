import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import type { UserListT } from '../../app/types';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (id: string | null) => void;
  /** the selected person, so the field shows a name before any search */
  current?: { id: string; name: string } | null;
  /** offer "Me" as the first choice (value `me`) */
  withMe?: boolean;
}

/** A searchable picker of active users, backed by GET /api/users?q= (the server decides whom the reader sees). */
export function UserSelect({ value, onChange, current, withMe, ...props }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const users = useQuery({
    queryKey: ['users', 'picker', debounced],
    queryFn: () => api.get<UserListT>('/api/users', { q: debounced, limit: 20, disabled: 'false', sort: 'name' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  if (value && value !== 'me' && !options.some((o) => o.value === value))
    options.unshift({ value, label: value === me.id ? me.name : t('accounts.someone') });
  if (withMe) options.unshift({ value: 'me', label: t('accounts.filters.me') });
  return (
    <Select
      data={options}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      clearable
      filter={({ options: all, search: s }) =>
        all.filter((o) => 'value' in o && (!s || o.value === 'me' || o.label.toLowerCase().includes(s.toLowerCase())))
      }
      onSearchChange={setSearch}
      nothingFoundMessage={t('palette.nothingFound')}
      {...props}
    />
  );
}
