import { Alert, Avatar, Badge, Card, Group, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { useCurrentUser } from '../../app/session';
import { formatDate } from '../../i18n/format';
import { initials } from '../../ui/initials';
import { formatDay } from '../../i18n/format';
import { useOwners } from './tieringApi';

/** Who owned the account from when (import-format.md): the KPI attribution is made from this. */
export function OwnershipHistory({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const owners = useOwners(account.id);
  const items = owners.data?.items ?? [];
  const activeIndex = items.findIndex((i) => i.state === 'current');

  return (
    <Card data-testid="ownership-history">
      <Title order={4} mb="md">
        {t('tiering.owners.title')}
      </Title>
      {owners.isPending ? (
        <Stack gap="sm">
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      ) : owners.isError ? (
        <Alert color="red">{owners.error.message}</Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tiering.owners.empty')}
        </Text>
      ) : (
        // newest first: today's owner and those before are highlighted; assignments above are still ahead
        <Timeline active={activeIndex} reverseActive bulletSize={26} lineWidth={2} color="teal">
          {items.map((item, i) => (
            <Timeline.Item
              key={`${item.startDate ?? 'start'}`}
              data-testid="owner-entry"
              lineVariant={i < activeIndex ? 'dashed' : 'solid'}
              bullet={
                <Avatar size={22} radius="xl" color={item.state === 'upcoming' ? 'gray' : 'teal'} name={item.owner.name}>
                  {initials(item.owner.name)}
                </Avatar>
              }
              title={
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {item.owner.name}
                  </Text>
                  {item.state === 'current' && (
                    <Badge size="xs" color="teal">
                      {t('tiering.owners.current')}
                    </Badge>
                  )}
                  {item.state === 'upcoming' && (
                    <Badge size="xs" color="violet" variant="outline">
                      {t('tiering.owners.upcoming')}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="xs" c="dimmed" data-testid="owner-start">
                {item.startDate ? formatDay(item.startDate, lang) : t('tiering.owners.fromBeginning')}
              </Text>
              {item.note && (
                <Text size="sm" mt={4}>
                  {item.note}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {item.createdBy
                  ? t('tiering.owners.recorded', {
                      name: item.createdBy.name,
                      date: formatDate(item.createdAt, lang, me.company.timeZone),
                    })
                  : t('tiering.owners.recordedAt', { date: formatDate(item.createdAt, lang, me.company.timeZone) })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
