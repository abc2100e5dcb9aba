import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { showServerError } from '../../ui/formErrors';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { typeColors } from '../interactions/interactionsApi';
import { type InteractionDetail, interactionKey, kindOf, openLogDrawer } from '../interactions/logApi';
import { wallOf } from '../interactions/zoned';
import { type PlanItem, useWeek } from '../plan/planApi';

/** Today's visits and calls, planned and done, in the company's time zone; "Done" opens the complete drawer. */
export function TodayCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tz = me.company.timeZone;
  const today = wallOf(new Date(), tz).slice(0, 10);
  const week = useWeek(today, today, undefined);
  const items = (week.data?.items ?? []).filter((i) => i.status !== 'cancelled');
  const done = items.filter((i) => i.status === 'done').length;
  return (
    <Card data-testid="home-today">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Title order={4}>{t('myDay.today.title')}</Title>
          {items.length > 0 && (
            <Badge variant="light" color={done === items.length ? 'teal' : 'gray'}>
              {t('myDay.today.summary', { done, total: items.length })}
            </Badge>
          )}
        </Group>
        <Anchor component={Link} to="/plan" size="sm" data-testid="home-open-plan">
          {t('myDay.today.openPlan')}
        </Anchor>
      </Group>
      {week.isPending ? (
        <Stack gap="xs">
          <Skeleton h={36} />
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      ) : week.isError ? (
        <Text size="sm" c="red">
          {t('myDay.today.loadError')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="home-today-empty">
          {t('myDay.today.empty')}{' '}
          <Anchor component={Link} to="/plan" size="sm">
            {t('myDay.today.emptyAction')}
          </Anchor>
        </Text>
      ) : (
        <Stack gap={0}>
          {items.map((item) => (
            <TodayRow key={item.id} item={item} tz={tz} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function TodayRow({ item, tz }: { item: PlanItem; tz: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opening, setOpening] = useState(false);
  const start = new Date(item.occurredAt);
  const missed = item.status === 'planned' && !item.allDay && start.getTime() + item.durationMinutes * 60_000 < Date.now();
  const complete = async () => {
    setOpening(true);
    try {
      const detail = await client.fetchQuery({
        queryKey: interactionKey(item.id),
        queryFn: () => api.get<InteractionDetail>(`/api/interactions/${item.id}`),
      });
      openLogDrawer({ mode: 'complete', item: detail });
    } catch (e) {
      showServerError(e);
    } finally {
      setOpening(false);
    }
  };
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="sm"
      py={8}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      data-testid="home-today-item"
      data-status={item.status}
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} w={48} c={missed ? 'red' : undefined} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
          {item.allDay ? t('myDay.today.allDay') : wallOf(start, tz).slice(11, 16)}
        </Text>
        <Badge
          variant={item.status === 'done' ? 'filled' : 'light'}
          color={typeColors[item.type]}
          size="sm"
          w={112}
          style={{ flexShrink: 0 }}
        >
          {t(`interactions.log.kinds.${kindOf(item.type, item.checklistKind)}`)}
        </Badge>
        <div style={{ minWidth: 0 }}>
          <AccountAnchor accountId={item.account.id} size="sm" fw={500} c="var(--mantine-color-text)" truncate display="block">
            {item.account.name}
          </AccountAnchor>
          {(item.subject || missed) && (
            <Text size="xs" c={missed ? 'red' : 'dimmed'} truncate>
              {missed ? t('myDay.today.missed') : item.subject}
            </Text>
          )}
        </div>
      </Group>
      {item.status === 'done' ? (
        <Group gap={4} wrap="nowrap" c="teal" style={{ flexShrink: 0 }}>
          <IconCheck size={16} />
          <Text size="sm" c="teal">
            {t('myDay.today.isDone')}
          </Text>
        </Group>
      ) : (
        <Tooltip label={t('myDay.today.markDone')}>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconCheck size={14} />}
            loading={opening}
            onClick={complete}
            style={{ flexShrink: 0 }}
            data-testid="home-today-complete"
          >
            {t('myDay.today.done')}
          </Button>
        </Tooltip>
      )}
    </Group>
  );
}
