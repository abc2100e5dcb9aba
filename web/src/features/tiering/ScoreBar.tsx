import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountTier } from '../../../../src/modules/accounts/accounts.contracts';
import { formatNumber } from '../../i18n/format';
import { tierColors } from '../accounts/badges';

/** A 0..100 bar with the score and the two thresholds marked, so the tier explains itself. */
export function ScoreBar({
  score,
  thresholds,
  tier,
}: {
  score: number | null;
  thresholds: { key: number; potential: number };
  tier: AccountTier | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const color = tier ? tierColors[tier] : 'gray';
  const marker = (at: number, label: string) => (
    <Box
      key={label}
      pos="absolute"
      top={-3}
      left={`${at}%`}
      h={14}
      w={2}
      bg="var(--mantine-color-dark-3)"
      style={{ transform: 'translateX(-1px)', borderRadius: 1 }}
      title={label}
    />
  );
  // near an edge the caption hangs inward; close thresholds show their numbers only
  const shift = (at: number) => (at > 85 ? '-100%' : at < 15 ? '0' : '-50%');
  const roomy = thresholds.key - thresholds.potential >= 25;
  const caption = (at: number, tierName: string) => (
    <Text
      key={tierName}
      size="10px"
      c="dimmed"
      pos="absolute"
      left={`${at}%`}
      style={{ transform: `translateX(${shift(at)})`, whiteSpace: 'nowrap' }}
    >
      {roomy ? `${tierName} ${formatNumber(at, lang)}` : formatNumber(at, lang)}
    </Text>
  );
  return (
    <Box>
      <Box pos="relative" h={8} bg="var(--mantine-color-default-border)" style={{ borderRadius: 4 }} mt={4}>
        {score !== null && (
          <Box
            h={8}
            w={`${Math.max(0, Math.min(100, score))}%`}
            bg={`var(--mantine-color-${color}-${tier === 'regular' ? 5 : 6})`}
            style={{ borderRadius: 4, transition: 'width 200ms ease' }}
            data-testid="score-bar-fill"
          />
        )}
        {marker(thresholds.potential, t('accounts.tier.potential'))}
        {marker(thresholds.key, t('accounts.tier.key'))}
      </Box>
      <Box pos="relative" h={16} mt={4}>
        {caption(thresholds.potential, t('accounts.tier.potential'))}
        {caption(thresholds.key, t('accounts.tier.key'))}
      </Box>
    </Box>
  );
}

/** A criterion's value as five dots. */
export function ValueDots({ value }: { value: number }) {
  return (
    <Group gap={3} wrap="nowrap" aria-label={`${value} / 5`} role="img">
      {[1, 2, 3, 4, 5].map((i) => (
        <Box
          key={i}
          w={8}
          h={8}
          style={{ borderRadius: '50%' }}
          bg={i <= value ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-default-border)'}
        />
      ))}
    </Group>
  );
}
