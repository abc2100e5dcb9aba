import { Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { Empty } from '../../ui/Empty';
import type { Account } from '../accounts/accountsApi';
import { TaskDrawer } from './TaskDrawer';
import { TaskFormDrawer } from './TaskFormDrawer';
import { DueText } from './TasksPage';
import { priorityColors, statusColors, type TaskDetail, useTasks } from './tasksApi';

/** The open tasks on one account that the reader may see (those they have, gave, or their team has). */
export function AccountTasksTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const view = ['senior_kam', 'head', 'admin'].includes(me.role) ? 'team' : 'mine';
  const mine = useTasks('mine', { accountId: account.id });
  const given = useTasks('given', { accountId: account.id });
  const team = useTasks('team', { accountId: account.id }, view === 'team');
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState<{ task: TaskDetail | null } | null>(null);
  const lists = view === 'team' ? [mine, given, team] : [mine, given];
  const loading = lists.some((l) => !l.data && !l.isError);
  const items = [...new Map(lists.flatMap((l) => l.data?.items ?? []).map((i) => [i.id, i])).values()];
  return (
    <Stack>
      <Group justify="space-between">
        <Text fw={600}>{t('tasks.account.title')}</Text>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setForm({ task: null })} data-testid="account-new-task">
          {t('tasks.account.add')}
        </Button>
      </Group>
      {loading ? (
        <Skeleton h={80} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md">
          <Empty icon={<IconChecklist size={28} />} title={t('tasks.account.none')} text={t('tasks.empty.mine.text')} />
        </Paper>
      ) : (
        <Stack gap="xs" data-testid="account-tasks">
          {items.map((task) => (
            <Paper key={task.id} withBorder p="sm" radius="md" style={{ cursor: 'pointer' }} onClick={() => setOpen(task.id)}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {task.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {task.assignee.name} · {task.giver.name}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  <DueText task={task} />
                  <Badge size="sm" variant="light" color={priorityColors[task.priority]}>
                    {t(`tasks.priorities.${task.priority}`)}
                  </Badge>
                  <Badge size="sm" variant="dot" color={statusColors[task.status]}>
                    {t(`tasks.statuses.${task.status}`)}
                  </Badge>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <TaskDrawer id={open} onClose={() => setOpen(null)} onEdit={(task) => setForm({ task })} />
      <TaskFormDrawer opened={!!form} task={form?.task ?? null} accountId={account.id} me={me.id} onClose={() => setForm(null)} />
    </Stack>
  );
}
