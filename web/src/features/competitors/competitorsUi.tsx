import { Anchor, type AnchorProps, Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconFlame } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ThreatLevel, threatColors } from './competitorsApi';

const threatIcons = { high: IconFlame, medium: IconAlertTriangle, low: undefined } as const;

export function ThreatBadge({ threat, ...props }: { threat: ThreatLevel } & BadgeProps) {
  const { t } = useTranslation();
  const Icon = threatIcons[threat];
  return (
    <Badge
      color={threatColors[threat]}
      variant={threat === 'high' ? 'filled' : 'light'}
      leftSection={Icon ? <Icon size={11} /> : undefined}
      data-testid="threat-badge"
      data-threat={threat}
      {...props}
    >
      {t(`competitors.threat.${threat}`)}
    </Badge>
  );
}

/** "8 % cheaper than us" from a price index of 92. */
export function priceIndexText(t: TFunction, index: number): string {
  if (index === 100) return t('competitors.priceIndex.same');
  return index < 100 ? t('competitors.priceIndex.cheaper', { n: 100 - index }) : t('competitors.priceIndex.dearer', { n: index - 100 });
}

export function WebsiteLink({ website }: { website: string }) {
  const href = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="xs" onClick={(e) => e.stopPropagation()}>
      {website.replace(/^https?:\/\//i, '').replace(/\/$/, '')} <IconExternalLink size={11} style={{ verticalAlign: -1 }} />
    </Anchor>
  );
}

/** A link to an account page, on its competitors tab unless told otherwise. */
export function AccountLink({
  accountId,
  tab = 'competitors',
  children,
  ...props
}: { accountId: string; tab?: 'competitors' | 'overview'; children: ReactNode } & AnchorProps) {
  return (
    <Anchor
      {...props}
      renderRoot={(rootProps) => (
        <Link {...rootProps} to="/accounts/$accountId" params={{ accountId }} search={tab === 'overview' ? {} : { tab }} />
      )}
    >
      {children}
    </Anchor>
  );
}
