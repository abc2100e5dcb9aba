import { Alert, Avatar, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconClock, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { formatDay } from '../../i18n/format';
import { initials } from '../../ui/initials';
import { RoleBadge } from '../../ui/RoleBadge';
import { HandoverDrawer } from './HandoverDrawer';
import { TeamDrawer } from './TeamDrawer';
import { useTeam } from './tieringApi';

function PersonLine({ name, detail, badge, testId }: { name: string; detail?: ReactNode; badge?: ReactNode; testId?: string }) {
  return (
    <Group gap="sm" wrap="nowrap" data-testid={testId}>
      <Avatar radius="xl" size={32} color="initials" name={name}>
        {initials(name)}
      </Avatar>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={500} truncate>
          {name}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed" truncate>
            {detail}
          </Text>
        )}
      </div>
      {badge}
    </Group>
  );
}

/** The owner and the team of an account, with "Edit team" and "Hand over" where allowed (B2, A2). */
export function AccountTeamCard({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const team = useTeam(account.id);
  const [editing, editDrawer] = useDisclosure(false);
  const [handingOver, handoverDrawer] = useDisclosure(false);
  const data = team.data;

  return (
    <Card data-testid="account-team-card">
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={4}>{t('tiering.team.title')}</Title>
        {data?.canEdit && (
          <Button
            style={{ flexShrink: 0 }}
            size="compact-sm"
            variant="light"
            leftSection={<IconUsersGroup size={14} />}
            onClick={editDrawer.open}
            data-testid="edit-team"
          >
            {t('tiering.team.edit')}
          </Button>
        )}
      </Group>
      {team.isPending ? (
        <Stack gap="sm">
          <Skeleton h={32} />
          <Skeleton h={32} />
        </Stack>
      ) : team.isError ? (
        <Alert color="red">{team.error.message}</Alert>
      ) : (
        <Stack gap="md">
          <div>
            <Group justify="space-between" mb={6} wrap="nowrap">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('tiering.team.owner')}
              </Text>
              {data!.canHandOver && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconArrowsExchange size={13} />}
                  onClick={handoverDrawer.open}
                  data-testid="hand-over"
                >
                  {t('tiering.team.handOver')}
                </Button>
              )}
            </Group>
            {data!.owner ? (
              <PersonLine
                testId="team-owner"
                name={data!.owner.name}
                detail={
                  data!.ownerSince ? t('tiering.team.since', { date: formatDay(data!.ownerSince, lang) }) : t('tiering.team.fromBeginning')
                }
                badge={<RoleBadge role={data!.owner.role} />}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('tiering.team.noOwner')}
              </Text>
            )}
            {data!.upcomingOwner && (
              <Group gap={6} mt={8} wrap="nowrap" data-testid="upcoming-owner">
                <IconClock size={14} color="var(--mantine-color-violet-6)" />
                <Text size="xs" c="violet.7">
                  {t('tiering.team.upcoming', {
                    name: data!.upcomingOwner.owner.name,
                    date: formatDay(data!.upcomingOwner.startDate, lang),
                  })}
                </Text>
              </Group>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6}>
              {t('tiering.team.members')}
              {data!.members.length ? ` · ${data!.members.length}` : ''}
            </Text>
            {data!.members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('tiering.team.noMembers')}
              </Text>
            ) : (
              <Stack gap="sm" data-testid="team-members">
                {data!.members.map((m) => (
                  <PersonLine
                    key={m.user.id}
                    testId="team-member"
                    name={m.user.name}
                    detail={t(`roles.${m.user.role}`)}
                    badge={
                      <Badge color="gray" variant="light">
                        {t(`tiering.team.roles.${m.role}`)}
                      </Badge>
                    }
                  />
                ))}
              </Stack>
            )}
          </div>
        </Stack>
      )}
      {data?.canEdit && <TeamDrawer accountName={account.name} team={data} opened={editing} onClose={editDrawer.close} />}
      {data?.canHandOver && (
        <HandoverDrawer accountId={account.id} accountName={account.name} opened={handingOver} onClose={handoverDrawer.close} />
      )}
    </Card>
  );
}
