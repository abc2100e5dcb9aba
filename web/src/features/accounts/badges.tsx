import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconCircleX, IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountStatus, AccountTier } from './accountsApi';

export const tierColors: Record<AccountTier, string> = { key: 'violet', potential: 'blue', regular: 'gray' };
const statusColors: Record<AccountStatus, string> = { prospect: 'cyan', active: 'teal', at_risk: 'orange', lost: 'red' };

export function TierBadge({ tier, ...props }: { tier: AccountTier } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={tierColors[tier]}
      variant={tier === 'key' ? 'filled' : 'light'}
      leftSection={tier === 'key' ? <IconStarFilled size={10} /> : undefined}
      data-testid="tier-badge"
      {...props}
    >
      {t(`accounts.tier.${tier}`)}
    </Badge>
  );
}

/** Icons only where the status asks for attention. */
const statusIcons: Partial<Record<AccountStatus, typeof IconAlertTriangle>> = {
  at_risk: IconAlertTriangle,
  lost: IconCircleX,
};

export function StatusBadge({ status, ...props }: { status: AccountStatus } & BadgeProps) {
  const { t } = useTranslation();
  const Icon = statusIcons[status];
  return (
    <Badge color={statusColors[status]} leftSection={Icon ? <Icon size={11} /> : undefined} data-testid="status-badge" {...props}>
      {t(`accounts.status.${status}`)}
    </Badge>
  );
}
