import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { UserListT } from '../../app/types';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  /** the current manager, so the field can show their name before any search */
  current?: { id: string; name: string } | null;
  /** a user cannot manage themselves */
  excludeId?: string;
  error?: ReactNode;
  label: string;
}

/** Searchable person picker backed by GET /api/users?q=. */
export function ManagerSelect({ value, onChange, current, excludeId, error, label }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(current?.name ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const selectedLabel = current && current.id === value ? current.name : undefined;
  const q = debounced === selectedLabel ? '' : debounced;
  const users = useQuery({
    queryKey: ['users', 'picker', q],
    queryFn: () => api.get<UserListT>('/api/users', { q, limit: 20, disabled: 'false', sort: 'name' }),
    placeholderData: keepPreviousData,
  });
  const options = (users.data?.items ?? []).filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: u.name }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return (
    <Select
      label={label}
      placeholder={t('users.managerPlaceholder')}
      data={options}
      value={value}
      onChange={(v, option) => {
        onChange(v);
        if (option) setSearch(option.label);
      }}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('palette.nothingFound')}
      error={error}
      data-testid="manager-select"
    />
  );
}
