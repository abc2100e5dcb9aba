import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Role } from '../../../../src/core/contracts';
import type { CandidateList } from '../../../../src/modules/accounts/team.contracts';
import { api } from '../../app/api';

export interface Person {
  id: string;
  name: string;
  role?: Role;
}

interface Props {
  accountId: string;
  purpose: 'team' | 'owner';
  value: Person | null;
  onChange: (person: Person | null) => void;
  /** people already chosen elsewhere (the owner, other team rows) */
  exclude?: string[];
  label?: string;
  description?: string;
  placeholder?: string;
  error?: ReactNode;
  testId?: string;
  autoFocus?: boolean;
}

/** Searchable person picker backed by GET /api/accounts/:id/team/candidates. */
export function PersonPicker({
  accountId,
  purpose,
  value,
  onChange,
  exclude = [],
  label,
  description,
  placeholder,
  error,
  testId,
  autoFocus,
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 200);
  const q = debounced === value?.name ? '' : debounced;
  const candidates = useQuery({
    queryKey: ['account', accountId, 'candidates', purpose, q],
    queryFn: () => api.get<z.infer<typeof CandidateList>>(`/api/accounts/${accountId}/team/candidates`, { q, purpose }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const people = new Map<string, Person>((candidates.data?.items ?? []).map((p) => [p.id, p]));
  if (value) people.set(value.id, value);
  const options = [...people.values()]
    .filter((p) => p.id === value?.id || !exclude.includes(p.id))
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('tiering.team.pickPerson')}
      data={options}
      value={value?.id ?? null}
      onChange={(id, option) => {
        onChange(id ? (people.get(id) ?? { id, name: option?.label ?? '' }) : null);
        setSearch(option?.label ?? '');
      }}
      renderOption={({ option }) => {
        const role = people.get(option.value)?.role;
        return (
          <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
            <Text size="sm">{option.label}</Text>
            {role && (
              <Text size="xs" c="dimmed">
                {t(`roles.${role}`)}
              </Text>
            )}
          </Group>
        );
      }}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('palette.nothingFound')}
      error={error}
      data-testid={testId}
      autoFocus={autoFocus}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
