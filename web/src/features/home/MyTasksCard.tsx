import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../i18n/format';
import { priorityColors, type Task, useTasks } from '../tasks/tasksApi';

const shown = 5;

/** Overdue first, then by due date (none last), then the most urgent. */
function byUrgency(a: Task, b: Task): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueDate !== b.dueDate) return a.dueDate === null ? 1 : b.dueDate === null ? -1 : a.dueDate.localeCompare(b.dueDate);
  const rank = { urgent: 0, high: 1, normal: 2, low: 3 };
  return rank[a.priority] - rank[b.priority];
}

/** The user's open tasks, overdue first. */
export function MyTasksCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tasks = useTasks('mine');
  const items = [...(tasks.data?.items ?? [])].sort(byUrgency);
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <Card data-testid="home-tasks">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Title order={4}>{t('myDay.tasks.title')}</Title>
          {overdue > 0 && (
            <Badge color="red" variant="light">
              {t('myDay.tasks.overdue', { n: overdue })}
            </Badge>
          )}
        </Group>
        <Anchor component={Link} to="/tasks" size="sm">
          {t('myDay.tasks.all')}
        </Anchor>
      </Group>
      {tasks.isPending ? (
        <Stack gap="xs">
          <Skeleton h={32} />
          <Skeleton h={32} />
        </Stack>
      ) : tasks.isError ? (
        <Text size="sm" c="red">
          {t('myDay.tasks.loadError')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('myDay.tasks.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          {items.slice(0, shown).map((task) => (
            <Group
              key={task.id}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              py={6}
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-testid="home-task"
            >
              <div style={{ minWidth: 0 }}>
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/tasks" search={{ task: task.id }} />}
                  size="sm"
                  fw={500}
                  c="var(--mantine-color-text)"
                  truncate
                  display="block"
                >
                  {task.title}
                </Anchor>
                {task.account && (
                  <Text size="xs" c="dimmed" truncate>
                    {task.account.name}
                  </Text>
                )}
              </div>
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                {(task.priority === 'urgent' || task.priority === 'high') && (
                  <Badge size="xs" variant="light" color={priorityColors[task.priority]}>
                    {t(`tasks.priorities.${task.priority}`)}
                  </Badge>
                )}
                <Text size="xs" c={task.overdue ? 'red' : 'dimmed'} fw={task.overdue ? 600 : undefined}>
                  {task.dueDate ? t('myDay.tasks.dueOn', { date: formatDay(task.dueDate, lang) }) : t('myDay.tasks.noDate')}
                </Text>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
