import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import type { AccountTier } from '../../../../src/modules/accounts/accounts.contracts';
import { TierBadge } from '../accounts/badges';

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
