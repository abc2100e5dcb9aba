import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { initials } from '../ui/initials';
import { useCurrentUser, useSignOut } from './session';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="right-end" width={220} withArrow>
      <Menu.Target>
        <UnstyledButton w="100%" p={6} style={{ borderRadius: 8 }} aria-label={t('nav.userMenu')} data-testid="user-menu">
          <Group gap="sm" wrap="nowrap">
            <Avatar color="teal" radius="xl" size={34}>
              {initials(me.name)}
            </Avatar>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {t(`roles.${me.role}`)}
              </Text>
            </div>
            <IconChevronRight size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => navigate({ to: '/profile' })}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate({ to: '/signin' }) })}
        >
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
