import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A figure with its label and a line that explains it. */
export function Tile({
  label,
  value,
  hint,
  color,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  color?: string;
  testId?: string;
}) {
  return (
    <Card padding="md" withBorder radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text
        fz={22}
        fw={700}
        mt={4}
        c={color}
        style={{ fontVariantNumeric: 'tabular-nums' }}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Card>
  );
}
