import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { mainItems, type NavItem, settingsItems, visibleItems } from './navigation';
import { useCurrentUser } from './session';

function RailLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const { t } = useTranslation();
  const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.labelKey)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={active}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

export function NavRail() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const settings = visibleItems(settingsItems, me);
  return (
    <Stack gap={2} component="nav" aria-label={t('nav.mainNavigation')}>
      {visibleItems(mainItems, me).map((item) => (
        <RailLink key={item.to} item={item} pathname={pathname} />
      ))}
      {settings.length > 0 && (
        <>
          <Text size="xs" c="dimmed" fw={600} px="sm" mt="md" mb={4} className="grove-nav-section">
            {t('nav.settings')}
          </Text>
          {settings.map((item) => (
            <RailLink key={item.to} item={item} pathname={pathname} />
          ))}
        </>
      )}
    </Stack>
  );
}
