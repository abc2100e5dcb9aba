import { Badge, Group, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Attitude, attitudes, type BuyingRole, buyingRoles } from '../../../../src/modules/contacts/contacts.contracts';

export const attitudeColor: Record<Attitude, string> = { supporter: 'green', neutral: 'gray', opponent: 'red' };
/** Decision makers and budget holders stand out; the rest are quieter. */
export const buyingRoleColor: Record<BuyingRole, string> = {
  decision_maker: 'violet',
  economic_buyer: 'indigo',
  influencer: 'blue',
  champion: 'teal',
  user: 'gray',
  gatekeeper: 'orange',
};

export const buyingRoleOptions = (t: TFunction) => buyingRoles.map((r) => ({ value: r, label: t(`contacts.buyingRoles.${r}`) }));
export const attitudeOptions = (t: TFunction) => attitudes.map((a) => ({ value: a, label: t(`contacts.attitudes.${a}`) }));
export const levels = ['1', '2', '3', '4', '5'] as const;

export function BuyingRoleBadge({ role, size = 'sm' }: { role: BuyingRole | null; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (!role) return null;
  return (
    <Tooltip label={t(`contacts.buyingRoles.${role}`)} openDelay={300}>
      <Badge size={size} color={buyingRoleColor[role]} data-testid="buying-role">
        {t(`contacts.buyingRoleShort.${role}`)}
      </Badge>
    </Tooltip>
  );
}

export function AttitudeBadge({ attitude }: { attitude: Attitude | null }) {
  const { t } = useTranslation();
  if (!attitude) return null;
  return (
    <Badge color={attitudeColor[attitude]} variant="dot" size="sm">
      {t(`contacts.attitudes.${attitude}`)}
    </Badge>
  );
}

/** 1..5 as five dots, with the level's name on hover. */
export function Dots({ value, kind, size = 7 }: { value: number | null; kind: 'influence' | 'strength'; size?: number }) {
  const { t } = useTranslation();
  if (value === null) return null;
  const level = String(value) as (typeof levels)[number];
  const label = `${t(kind === 'influence' ? 'contacts.fields.influence' : 'contacts.fields.relationshipStrength')}: ${value}/5 · ${t(
    kind === 'influence' ? `contacts.influenceLevels.${level}` : `contacts.strengthLevels.${level}`,
  )}`;
  return (
    <Tooltip label={label} openDelay={200}>
      <Group gap={3} wrap="nowrap" aria-label={label} role="img">
        {levels.map((l) => (
          <span
            key={l}
            style={{
              width: size,
              height: size,
              borderRadius: '50%',
              background: Number(l) <= value ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-default-border)',
            }}
          />
        ))}
      </Group>
    </Tooltip>
  );
}
