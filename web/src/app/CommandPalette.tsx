import { Avatar } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconBuildingStore, IconCalendarPlus, IconMapPin, IconPhone, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountListT } from '../features/accounts/accountsApi';
import { StatusBadge, TierBadge } from '../features/accounts/badges';
import { NewAccountModal } from '../features/accounts/NewAccountModal';
import { GlobalLogDrawer } from '../features/interactions/LogInteractionDrawer';
import { openLogDrawer } from '../features/interactions/logApi';
import { initials } from '../ui/initials';
import { api } from './api';
import { mainItems, settingsItems, visibleItems } from './navigation';
import { can, useCurrentUser } from './session';
import type { UserListT } from './types';

/** Ctrl/⌘-K: jump to an account, a page or a person; start a new account. */
export function CommandPalette() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const mayReadUsers = can(me, 'users.read') || can(me, 'users.manage');
  const mayReadAccounts = can(me, 'accounts.read');
  const mayWriteAccounts = can(me, 'accounts.write');
  const [creatingAccount, setCreatingAccount] = useState(false);

  const accounts = useQuery({
    queryKey: ['accounts', 'palette', debounced],
    queryFn: () => api.get<AccountListT>('/api/accounts', { q: debounced, limit: 8, archived: 'false', sort: 'name' }),
    enabled: mayReadAccounts && debounced.length > 0,
    placeholderData: keepPreviousData,
  });

  const people = useQuery({
    queryKey: ['users', 'palette', debounced],
    queryFn: () => api.get<UserListT>('/api/users', { q: debounced, limit: 8 }),
    enabled: mayReadUsers && debounced.length > 0,
    placeholderData: keepPreviousData,
  });

  const pages: SpotlightActionData[] = [...visibleItems(mainItems, me), ...visibleItems(settingsItems, me)].map((item) => {
    const Icon = item.icon;
    return {
      id: `page:${item.to}`,
      label: t(item.labelKey),
      leftSection: <Icon size={18} stroke={1.6} />,
      onClick: () => navigate({ to: item.to }),
    };
  });
  pages.push({
    id: 'page:/profile',
    label: t('nav.profile'),
    leftSection: (
      <Avatar size={20} radius="xl" color="teal">
        {initials(me.name)}
      </Avatar>
    ),
    onClick: () => navigate({ to: '/profile' }),
  });

  const actions: (SpotlightActionData | SpotlightActionGroupData)[] = [];
  if (debounced && accounts.data?.items.length) {
    actions.push({
      group: t('accounts.palette.accounts'),
      actions: accounts.data.items.map((account) => ({
        id: `account:${account.id}`,
        label: account.name,
        description: [account.owner?.name, account.city, account.registrationNo].filter(Boolean).join(' · '),
        keywords: [account.externalId ?? '', account.registrationNo ?? '', account.city ?? ''],
        leftSection: <IconBuildingStore size={18} stroke={1.6} />,
        rightSection: (
          <>
            {account.tier === 'key' && <TierBadge tier="key" size="xs" />}
            {account.status !== 'active' && <StatusBadge status={account.status} size="xs" ml={4} />}
          </>
        ),
        onClick: () => navigate({ to: '/accounts/$accountId', params: { accountId: account.id } }),
      })),
    });
  }
  if (mayWriteAccounts) {
    actions.push({
      group: t('accounts.palette.actions'),
      actions: [
        {
          id: 'action:new-account',
          label: t('accounts.palette.newAccount'),
          keywords: [t('accounts.newAccount'), 'new account', 'новый клиент', 'create'],
          leftSection: <IconPlus size={18} stroke={1.6} />,
          onClick: () => setCreatingAccount(true),
        },
      ],
    });
  }
  if (can(me, 'interactions.write')) {
    actions.push({
      group: t('interactions.log.palette.group'),
      actions: [
        {
          id: 'action:log-call',
          label: t('interactions.log.palette.logCall'),
          keywords: ['log call', 'записать звонок', 'call', 'звонок'],
          leftSection: <IconPhone size={18} stroke={1.6} />,
          onClick: () => openLogDrawer({ mode: 'new', status: 'done', kind: 'call' }),
        },
        {
          id: 'action:log-visit',
          label: t('interactions.log.palette.logVisit'),
          keywords: ['log visit', 'записать визит', 'visit', 'визит'],
          leftSection: <IconMapPin size={18} stroke={1.6} />,
          onClick: () => openLogDrawer({ mode: 'new', status: 'done', kind: 'visit' }),
        },
        {
          id: 'action:plan-visit',
          label: t('interactions.log.palette.planVisit'),
          keywords: ['plan visit', 'запланировать визит', 'plan', 'план'],
          leftSection: <IconCalendarPlus size={18} stroke={1.6} />,
          onClick: () => openLogDrawer({ mode: 'new', status: 'planned', kind: 'visit' }),
        },
      ],
    });
  }
  actions.push({ group: t('palette.pages'), actions: pages });
  if (debounced && people.data?.items.length) {
    actions.push({
      group: t('palette.people'),
      actions: people.data.items.map((user) => ({
        id: `user:${user.id}`,
        label: user.name,
        description: `${user.email} · ${t(`roles.${user.role}`)}`,
        keywords: [user.email, user.name],
        leftSection: (
          <Avatar size={24} radius="xl">
            {initials(user.name)}
          </Avatar>
        ),
        onClick: () => navigate({ to: '/settings/users', search: { user: user.id } }),
      })),
    });
  }

  return (
    <>
      <Spotlight
        actions={actions}
        filter={filterActions}
        query={query}
        onQueryChange={setQuery}
        shortcut={['mod + K']}
        nothingFound={t('palette.nothingFound')}
        highlightQuery
        limit={20}
        scrollable
        maxHeight={420}
        searchProps={{
          leftSection: <IconSearch size={18} stroke={1.5} />,
          placeholder: mayReadAccounts ? t('accounts.palette.placeholder') : t('palette.placeholder'),
        }}
      />
      {mayWriteAccounts && <NewAccountModal opened={creatingAccount} onClose={() => setCreatingAccount(false)} />}
      {can(me, 'interactions.write') && <GlobalLogDrawer />}
    </>
  );
}

/** Accounts were searched on the server (a contact's name finds them too): keep them; match the rest locally. */
function filterActions(query: string, actions: (SpotlightActionData | SpotlightActionGroupData)[]) {
  const q = query.trim().toLowerCase();
  const matches = (a: SpotlightActionData) =>
    !q ||
    a.id.startsWith('account:') ||
    [a.label, a.description, ...(Array.isArray(a.keywords) ? a.keywords : [a.keywords])].some(
      (text) => typeof text === 'string' && text.toLowerCase().includes(q),
    );
  const kept: (SpotlightActionData | SpotlightActionGroupData)[] = [];
  for (const item of actions) {
    if ('actions' in item) {
      const inGroup = item.actions.filter(matches);
      if (inGroup.length) kept.push({ ...item, actions: inGroup });
    } else if (matches(item)) kept.push(item);
  }
  return kept;
}
