import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { ThemeToggle } from '../ui/ThemeToggle';
import { useChangeLocale } from './session';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function HeaderTools() {
  const { t, i18n } = useTranslation();
  const changeLocale = useChangeLocale();
  return (
    <Group gap="sm" wrap="nowrap" style={{ flex: 1 }} justify="space-between">
      <UnstyledButton
        onClick={() => spotlight.open()}
        data-testid="palette-trigger"
        aria-label={t('header.searchPlaceholder')}
        px="sm"
        h={34}
        w={360}
        style={{
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 8,
          background: 'var(--mantine-color-default)',
        }}
      >
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <IconSearch size={15} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
            <Text size="sm" c="dimmed" truncate style={{ minWidth: 0 }}>
              {t('header.searchPlaceholder')}
            </Text>
          </Group>
          <Kbd size="xs" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            {isMac ? '⌘ K' : 'Ctrl K'}
          </Kbd>
        </Group>
      </UnstyledButton>
      <Group gap="xs" wrap="nowrap">
        <NotificationBell />
        <LanguageSwitch
          value={i18n.resolvedLanguage ?? 'en'}
          onChange={(locale) => changeLocale.mutate(locale)}
          disabled={changeLocale.isPending}
        />
        <ThemeToggle />
      </Group>
    </Group>
  );
}
