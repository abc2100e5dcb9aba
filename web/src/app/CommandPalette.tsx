import { Avatar } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { initials } from '../ui/initials';
import { api } from './api';
import { mainItems, settingsItems, visibleItems } from './navigation';
import { can, useCurrentUser } from './session';
import type { UserListT } from './types';

/** Ctrl/⌘-K: jump to a page or a person. */
export function CommandPalette() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const mayReadUsers = can(me, 'users.read') || can(me, 'users.manage');

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

  const actions: (SpotlightActionData | SpotlightActionGroupData)[] = [{ group: t('palette.pages'), actions: pages }];
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
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      nothingFound={t('palette.nothingFound')}
      highlightQuery
      limit={20}
      scrollable
      maxHeight={420}
      searchProps={{ leftSection: <IconSearch size={18} stroke={1.5} />, placeholder: t('palette.placeholder') }}
    />
  );
}
