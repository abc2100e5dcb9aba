import { ActionIcon, Anchor, Card, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { TierBadge } from '../accounts/badges';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { openLogDrawer } from '../interactions/logApi';
import { reasonText, useDue } from '../plan/planApi';

const shown = 6;

/** The clients most overdue for contact, with the reasons in words (the plan's "Due for contact", shortened). */
export function DueCard() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const due = useDue(undefined);
  const items = due.data?.items ?? [];
  const mayPlan = can(me, 'interactions.write');
  return (
    <Card data-testid="home-due">
      <Group justify="space-between" mb={2} wrap="nowrap">
        <Title order={4}>{t('myDay.due.title')}</Title>
        {items.length > shown && (
          <Anchor component={Link} to="/plan" size="sm">
            {t('myDay.due.more', { n: items.length })}
          </Anchor>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('myDay.due.hint')}
      </Text>
      {due.isPending ? (
        <Stack gap="xs">
          <Skeleton h={40} />
          <Skeleton h={40} />
        </Stack>
      ) : due.isError ? (
        <Text size="sm" c="red">
          {t('myDay.due.loadError')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('myDay.due.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          {items.slice(0, shown).map((d) => (
            <Group
              key={d.account.id}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              align="flex-start"
              py={6}
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-testid="home-due-item"
            >
              <div style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <AccountAnchor accountId={d.account.id} size="sm" fw={500} c="var(--mantine-color-text)" truncate>
                    {d.account.name}
                  </AccountAnchor>
                  {d.account.tier === 'key' && <TierBadge tier="key" size="xs" />}
                </Group>
                {d.reasons.slice(0, 2).map((r) => (
                  <Text key={JSON.stringify(r)} size="xs" c="dimmed">
                    {reasonText(r, t, lang)}
                  </Text>
                ))}
              </div>
              {mayPlan && (
                <Tooltip label={t('myDay.due.plan')}>
                  <ActionIcon
                    variant="light"
                    size="sm"
                    mt={2}
                    aria-label={t('myDay.due.plan')}
                    onClick={() => openLogDrawer({ mode: 'new', status: 'planned', kind: 'visit', accountId: d.account.id })}
                  >
                    <IconCalendarPlus size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
