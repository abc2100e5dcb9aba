import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlant2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ThemeToggle } from './ThemeToggle';

/** The frame of the pages seen before sign-in: brand, a centred card, optional side content. */
export function AuthLayout({
  children,
  aside,
  width = 420,
  tools,
}: {
  children: ReactNode;
  aside?: ReactNode;
  width?: number;
  tools?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Group justify="space-between" px="xl" py="md">
        <Brand subtitle={t('app.tagline')} />
        <Group gap="xs">
          {tools}
          <ThemeToggle />
        </Group>
      </Group>
      <Center px="md" pb="xl" pt="lg">
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <Paper withBorder shadow="sm" radius="lg" p="xl" w={width}>
            {children}
          </Paper>
          {aside}
        </Group>
      </Center>
    </Box>
  );
}

export function Brand({ subtitle }: { subtitle?: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={32} radius="md" variant="filled" color="teal">
        <IconPlant2 size={20} />
      </ThemeIcon>
      <Stack gap={0}>
        <Title order={4} lh={1.1}>
          Grove
        </Title>
        {subtitle && (
          <Text size="xs" c="dimmed" lh={1.2}>
            {subtitle}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
