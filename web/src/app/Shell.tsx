import { AppShell, Group, ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';
import { CoverBanner } from '../features/absences/CoverBanner';
import { Brand } from '../ui/AuthLayout';
import { CommandPalette } from './CommandPalette';
import { HeaderTools } from './HeaderTools';
import { NavRail } from './NavRail';
import { UserMenu } from './UserMenu';

/** The signed-in frame: left rail, header with search and preferences, page content. */
export function Shell({ children }: { children: ReactNode }) {
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'xs' }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group w={200} wrap="nowrap">
            <Brand />
          </Group>
          <HeaderTools />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <NavRail />
        </AppShell.Section>
        <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
          <UserMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
        <div style={{ maxWidth: 1240, margin: '0 auto' }}>
          <CoverBanner />
          {children}
        </div>
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}
