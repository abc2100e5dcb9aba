import { Draggable } from '@fullcalendar/interaction';
import { ActionIcon, Badge, Button, Card, Group, ScrollArea, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarPlus, IconX } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { showServerError } from '../../ui/formErrors';
import { TierBadge } from '../accounts/badges';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { typeColors } from '../interactions/interactionsApi';
import { useFormat } from '../plans/planUi';
import { reasonText, type Suggestion, useAccept, useDue } from './planApi';

/** "Suggest my week": ghost events on the calendar and this list with the reasons; remove what does not fit, add the rest. */
export function SuggestionsPanel({
  items,
  owner,
  onChange,
  onAccepted,
}: {
  items: Suggestion[];
  /** whose plan, when a deputy plans for the colleague they cover; the caller's own when left out */
  owner?: { id: string; name: string };
  onChange: (items: Suggestion[] | null) => void;
  onAccepted: (n: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const accept = useAccept();
  const tz = useCurrentUser().company.timeZone;
  const slot = (iso: string) =>
    new Intl.DateTimeFormat(f.lang === 'ru' ? 'ru-RU' : 'en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: tz,
    }).format(new Date(iso));
  return (
    <Card withBorder radius="md" p="sm" data-testid="plan-suggestions">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={4} fz="sm">
          {t('weekPlan.suggest.title')}
        </Title>
        <Tooltip label={t('weekPlan.suggest.discard')}>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('weekPlan.suggest.discard')} onClick={() => onChange(null)}>
            <IconX size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {items.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="plan-suggestions-none">
          {t('weekPlan.suggest.none')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {t('weekPlan.suggest.hint')}
          </Text>
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={6}>
              {items.map((s, index) => (
                <Card key={`${s.account.id}-${s.type}-${s.occurredAt}`} withBorder radius="sm" p={6} data-testid="plan-suggestion">
                  <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Group gap={4} wrap="nowrap">
                        <Badge size="xs" variant="light" color={typeColors[s.type]}>
                          {t(`interactions.types.${s.type}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {slot(s.occurredAt)}
                        </Text>
                      </Group>
                      <Text size="sm" fw={500} truncate>
                        {s.account.name}
                      </Text>
                      {s.reasons.map((r) => (
                        <Text key={JSON.stringify(r)} size="xs" c="dimmed">
                          {reasonText(r, t, f.lang)}
                        </Text>
                      ))}
                    </Stack>
                    <Tooltip label={t('weekPlan.suggest.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={t('weekPlan.suggest.remove')}
                        onClick={() => onChange(items.filter((_, i) => i !== index))}
                      >
                        <IconX size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Card>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Button
            fullWidth
            mt="sm"
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(
                {
                  userId: owner?.id,
                  items: items.map((s) => ({
                    accountId: s.account.id,
                    type: s.type,
                    occurredAt: s.occurredAt,
                    durationMinutes: s.durationMinutes,
                  })),
                },
                { onSuccess: (r) => onAccepted(r.ids.length), onError: (e) => showServerError(e) },
              )
            }
            data-testid="plan-accept"
          >
            {owner ? t('weekPlan.suggest.addFor', { n: items.length }) : t('weekPlan.suggest.add', { n: items.length })}
          </Button>
        </>
      )}
    </Card>
  );
}

/** Clients due for contact: drag onto the calendar or press "Plan". */
export function DuePanel({ userId, canPlan, onPlan }: { userId?: string; canPlan: boolean; onPlan: (accountId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const due = useDue(userId);
  const list = useRef<HTMLDivElement>(null);
  const items = due.data?.items ?? [];
  const hasItems = items.length > 0;
  useEffect(() => {
    if (!canPlan || !hasItems || !list.current) return;
    const draggable = new Draggable(list.current, {
      itemSelector: '.plan-due-item',
      eventData: (el) => ({ title: el.dataset.name ?? '', duration: '01:00', create: false }),
    });
    return () => draggable.destroy();
  }, [canPlan, hasItems]);
  return (
    <Card withBorder radius="md" p="sm" data-testid="plan-due">
      <Title order={4} fz="sm">
        {t('weekPlan.due.title')}
      </Title>
      {canPlan && items.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('weekPlan.due.hint')}
        </Text>
      )}
      {due.isPending ? (
        <Stack gap={6} mt="xs">
          <Skeleton h={40} />
          <Skeleton h={40} />
        </Stack>
      ) : due.isError ? (
        <Text size="xs" c="red" mt="xs">
          {t('weekPlan.loadError')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('weekPlan.due.none')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          <Stack gap={6} ref={list}>
            {items.map((d) => (
              <Card
                key={d.account.id}
                withBorder
                radius="sm"
                p={6}
                className={canPlan ? 'plan-due-item' : undefined}
                data-account-id={d.account.id}
                data-name={d.account.name}
                data-testid="plan-due-item"
              >
                <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Group gap={4} wrap="nowrap">
                      <AccountAnchor accountId={d.account.id} size="sm" fw={500} c="var(--mantine-color-text)" truncate>
                        {d.account.name}
                      </AccountAnchor>
                      {d.account.tier === 'key' && <TierBadge tier="key" size="xs" />}
                    </Group>
                    {d.reasons.slice(0, 3).map((r) => (
                      <Text key={JSON.stringify(r)} size="xs" c="dimmed">
                        {reasonText(r, t, f.lang)}
                      </Text>
                    ))}
                    {d.nextPlannedAt && (
                      <Text size="xs" c="teal">
                        {t('weekPlan.due.nextPlanned', { when: f.instant(d.nextPlannedAt) })}
                      </Text>
                    )}
                  </Stack>
                  {canPlan && (
                    <Tooltip label={t('weekPlan.due.plan')}>
                      <ActionIcon
                        variant="light"
                        size="sm"
                        aria-label={t('weekPlan.due.plan')}
                        onClick={() => onPlan(d.account.id)}
                        data-testid="plan-due-plan"
                      >
                        <IconCalendarPlus size={14} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
