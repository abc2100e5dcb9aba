import { Badge, type BadgeProps } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountTier } from '../../../../src/modules/accounts/accounts.contracts';

/** Same colours as the account list's tier badge. */
export const tierColors: Record<AccountTier, string> = { key: 'violet', potential: 'blue', regular: 'gray' };

export function TierBadge({ tier, ...props }: { tier: AccountTier } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={tierColors[tier]}
      variant={tier === 'key' ? 'filled' : 'light'}
      leftSection={tier === 'key' ? <IconStarFilled size={10} /> : undefined}
      {...props}
    >
      {t(`tiering.tiers.${tier}`)}
    </Badge>
  );
}

/** "Regular → Key" with an arrow that says up or down. */
export function TierChange({ from, to, direction }: { from: AccountTier; to: AccountTier; direction: 'promote' | 'demote' }) {
  const Arrow = direction === 'promote' ? IconArrowUpRight : IconArrowDownRight;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      <TierBadge tier={from} variant="outline" />
      <Arrow size={16} color={`var(--mantine-color-${direction === 'promote' ? 'teal' : 'orange'}-6)`} aria-hidden />
      <TierBadge tier={to} />
    </span>
  );
}
