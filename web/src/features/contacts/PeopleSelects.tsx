import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { wouldCreateCycle } from '../../../../src/modules/contacts/contacts.hierarchy';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import type { UserListT } from '../../app/types';
import type { Contact } from './contactsApi';

interface Common {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  disabled?: boolean;
}

/**
 * Our colleague who owns the relation: the account's owner and team first (the usual choice), then
 * anyone else the reader may see, found by name.
 */
export function RelationOwnerSelect({ account, current, ...p }: Common & { account: Account; current: Contact['relationOwner'] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const users = useQuery({
    queryKey: ['users', 'picker', debounced],
    queryFn: () => api.get<UserListT>('/api/users', { q: debounced, limit: 20, disabled: 'false', sort: 'name' }),
    placeholderData: keepPreviousData,
  });
  const data = useMemo(() => {
    const team = new Map<string, string>();
    const label = (id: string, name: string) => (id === me.id ? `${name} (${t('contacts.you')})` : name);
    if (account.owner) team.set(account.owner.id, label(account.owner.id, account.owner.name));
    for (const m of account.team) team.set(m.user.id, label(m.user.id, m.user.name));
    team.set(me.id, label(me.id, me.name));
    const others = new Map<string, string>();
    if (current && !team.has(current.id)) others.set(current.id, current.name);
    for (const u of users.data?.items ?? []) if (!team.has(u.id)) others.set(u.id, label(u.id, u.name));
    const items = (m: Map<string, string>) => [...m].map(([value, l]) => ({ value, label: l }));
    return [
      { group: t('contacts.ownerGroups.account'), items: items(team) },
      ...(others.size ? [{ group: t('contacts.ownerGroups.others'), items: items(others) }] : []),
    ];
  }, [account, current, users.data, me, t]);
  return (
    <Select
      label={t('contacts.fields.relationOwner')}
      description={t('contacts.hints.relationOwner')}
      placeholder={t('contacts.placeholders.nobody')}
      data={data}
      value={p.value}
      onChange={(v) => p.onChange(v)}
      onSearchChange={setSearch}
      searchable
      clearable
      nothingFoundMessage={t('palette.nothingFound')}
      error={p.error}
      disabled={p.disabled}
      data-testid="relation-owner-select"
    />
  );
}

/** The stakeholder's manager: anyone current on the account except themselves and the people below them. */
export function ReportsToSelect({
  contacts,
  self,
  current,
  ...p
}: Common & { contacts: Contact[]; self: string | null; current: Contact['reportsTo'] }) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const parents = new Map(contacts.map((c) => [c.id, c.reportsTo?.id ?? null]));
    const options = contacts
      .filter((c) => !self || !wouldCreateCycle(parents, self, c.id))
      .map((c) => ({ value: c.id, label: c.title ? `${c.fullName} · ${c.title}` : c.fullName }));
    if (current && !contacts.some((c) => c.id === current.id))
      options.unshift({ value: current.id, label: t('contacts.archivedManager', { name: current.name }) });
    return options;
  }, [contacts, self, current, t]);
  return (
    <Select
      label={t('contacts.fields.reportsTo')}
      description={t('contacts.hints.reportsTo')}
      placeholder={t('contacts.placeholders.nobody')}
      data={data}
      value={p.value}
      onChange={(v) => p.onChange(v)}
      searchable
      clearable
      nothingFoundMessage={t('palette.nothingFound')}
      error={p.error}
      disabled={p.disabled}
      data-testid="reports-to-select"
    />
  );
}
