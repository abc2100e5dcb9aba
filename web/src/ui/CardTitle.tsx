import { Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

/** A card's title, the line under it saying what the card shows, and the card's controls on the right. */
export function CardTitle({
  title,
  subtitle,
  aside,
  order = 4,
  mb = 'sm',
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  aside?: ReactNode;
  order?: TitleOrder;
  mb?: 'sm' | 'md';
}) {
  return (
    <Group justify="space-between" align="flex-start" mb={mb} wrap="wrap">
      <Stack gap={0}>
        <Title order={order} fz="md">
          {title}
        </Title>
        {subtitle && (
          <Text size="xs" c="dimmed">
            {subtitle}
          </Text>
        )}
      </Stack>
      {aside}
    </Group>
  );
}
