import { Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import type { UserListT } from '../../app/types';
import { formatNumber } from '../../i18n/format';

interface Step {
  id: string;
  done: boolean;
  title: string;
  hint: string;
  to: '/settings/company' | '/settings/users' | '/profile';
}

/** For administrators: what is left to set up, from real data. */
export function AdminChecklist() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const users = useQuery({
    queryKey: ['users', 'count'],
    queryFn: () => api.get<UserListT>('/api/users', { limit: 1 }),
  });
  const userCount = users.data?.total ?? 0;
  const steps: Step[] = [
    {
      id: 'company',
      done: !!me.company.name && !!me.company.currency && !!me.company.timeZone,
      title: t('home.checkCompany'),
      hint: t('home.checkCompanyHint'),
      to: '/settings/company',
    },
    {
      id: 'users',
      done: userCount > 1,
      title: t('home.checkUsers'),
      hint: t('home.checkUsersHint', { count: formatNumber(userCount, i18n.resolvedLanguage ?? 'en') }),
      to: '/settings/users',
    },
    { id: 'totp', done: me.totpEnabled, title: t('home.checkTotp'), hint: t('home.checkTotpHint'), to: '/profile' },
  ];
  const done = steps.filter((s) => s.done).length;
  return (
    <Card data-testid="admin-checklist">
      <Group justify="space-between" mb={4}>
        <Title order={4}>{t('home.checklistTitle')}</Title>
        <Text size="sm" c="dimmed">
          {done}/{steps.length}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.checklistText')}
      </Text>
      <Progress value={(done / steps.length) * 100} size="sm" mb="md" />
      <Stack gap="sm">
        {steps.map((step) => (
          <Group key={step.id} justify="space-between" wrap="nowrap" data-testid={`check-${step.id}`} data-done={step.done}>
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon radius="xl" size={26} variant={step.done ? 'filled' : 'light'} color={step.done ? 'teal' : 'gray'}>
                {step.done ? <IconCheck size={15} /> : <IconCircleDashed size={15} />}
              </ThemeIcon>
              <div>
                <Text size="sm" fw={500}>
                  {step.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {step.hint}
                </Text>
              </div>
            </Group>
            <Button component={Link} to={step.to} variant={step.done ? 'subtle' : 'light'} size="xs">
              {t('home.open')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
