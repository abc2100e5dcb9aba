import { Avatar, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import type { UserListT } from '../../app/types';
import { initials } from '../../ui/initials';
import { RoleBadge } from '../../ui/RoleBadge';

function Person({ name, detail }: { name: string; detail: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar radius="xl" size={32} color="teal">
        {initials(name)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {name}
        </Text>
        <div>{detail}</div>
      </div>
    </Group>
  );
}

/** The user's place in the team: their manager and direct reports. */
export function TeamCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const reports = useQuery({
    queryKey: ['users', 'reports', me.id],
    queryFn: () => api.get<UserListT>('/api/users', { managerId: me.id, limit: 50, sort: 'name' }),
  });
  return (
    <Card h="100%" data-testid="team-card">
      <Title order={4} mb="md">
        {t('home.teamTitle')}
      </Title>
      <Stack gap="md">
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6}>
            {t('home.manager')}
          </Text>
          {me.manager ? (
            <Person
              name={me.manager.name}
              detail={
                <Text size="xs" c="dimmed">
                  {me.manager.email}
                </Text>
              }
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('home.noManager')}
            </Text>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6}>
            {t('home.reports')}
            {reports.data ? ` · ${reports.data.total}` : ''}
          </Text>
          {reports.isPending ? (
            <Stack gap="xs">
              <Skeleton h={32} />
              <Skeleton h={32} />
            </Stack>
          ) : reports.isError ? (
            <Text size="sm" c="red">
              {reports.error.message}
            </Text>
          ) : reports.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.noReports')}
            </Text>
          ) : (
            <Stack gap="sm">
              {reports.data.items.map((user) => (
                <Person key={user.id} name={user.name} detail={<RoleBadge role={user.role} />} />
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}
