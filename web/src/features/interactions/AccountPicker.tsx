import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { AccountListT } from '../accounts/accountsApi';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (id: string | null) => void;
}

/** A searchable picker of the accounts the reader may see (GET /api/accounts?q=). */
export function AccountPicker({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const list = useQuery({
    queryKey: ['accounts', 'picker', debounced],
    queryFn: () => api.get<AccountListT>('/api/accounts', { q: debounced || undefined, limit: 20, sort: 'name' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const current = useQuery({
    queryKey: ['accounts', 'picker-name', value],
    queryFn: () => api.get<{ name: string }>(`/api/accounts/${value}`),
    enabled: !!value,
    retry: false,
    staleTime: 60_000,
  });
  const options = (list.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: current.data?.name ?? t('common.loading') });
  return (
    <Select
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      filter={({ options: all }) => all}
      onSearchChange={setSearch}
      nothingFoundMessage={t('palette.nothingFound')}
      {...props}
    />
  );
}
