import { Badge, Button, Group, Paper, ScrollArea, Skeleton, Stack, Switch, Table, Tabs, Text } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDay } from '../../i18n/format';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { TaskDrawer } from './TaskDrawer';
import { TaskFormDrawer } from './TaskFormDrawer';
import { priorityColors, statusColors, type Task, type TaskDetail, type TaskView, taskStatuses, useTasks } from './tasksApi';

/** Tasks (B2, B4): my tasks, tasks I gave, overdue ones, and the team board of a senior KAM or the head. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const hasTeam = ['senior_kam', 'head', 'admin'].includes(me.role);
  const [view, setView] = useState<TaskView>('mine');
  const [closed, setClosed] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  // a link with ?task=<id> (a notification) opens that task
  const linked = (useSearch({ strict: false }) as { task?: string }).task;
  const navigate = useNavigate();
  useEffect(() => {
    if (!linked) return;
    setOpen(linked);
    void navigate({ to: '/tasks', search: {}, replace: true });
  }, [linked, navigate]);
  const [form, setForm] = useState<{ task: TaskDetail | null } | null>(null);
  const views: TaskView[] = hasTeam ? ['mine', 'given', 'overdue', 'team'] : ['mine', 'given', 'overdue'];
  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ task: null })} data-testid="new-task">
            {t('tasks.newTask')}
          </Button>
        }
      />
      <Tabs value={view} onChange={(v) => v && setView(v as TaskView)}>
        <Tabs.List mb="md">
          {views.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`tasks-tab-${v}`}>
              {t(`tasks.tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {view !== 'overdue' && (
        <Switch mb="sm" label={t('tasks.showClosed')} checked={closed} onChange={(e) => setClosed(e.currentTarget.checked)} />
      )}
      {view === 'team' ? <TeamBoard closed={closed} onOpen={setOpen} /> : <TaskTable view={view} closed={closed} onOpen={setOpen} />}
      <TaskDrawer id={open} onClose={() => setOpen(null)} onEdit={(task) => setForm({ task })} />
      <TaskFormDrawer opened={!!form} task={form?.task ?? null} me={me.id} onClose={() => setForm(null)} />
    </>
  );
}

function EmptyView({ view }: { view: TaskView }) {
  const { t } = useTranslation();
  return <Empty icon={<IconChecklist size={28} />} title={t(`tasks.empty.${view}.title`)} text={t(`tasks.empty.${view}.text`)} />;
}

export function DueText({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  if (!task.dueDate)
    return (
      <Text size="sm" c="dimmed">
        {t('tasks.noDue')}
      </Text>
    );
  return (
    <Text size="sm" c={task.overdue ? 'red' : undefined} fw={task.overdue ? 600 : undefined}>
      {formatDay(task.dueDate, i18n.resolvedLanguage ?? 'en')}
    </Text>
  );
}

function TaskTable({ view, closed, onOpen }: { view: TaskView; closed: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useTasks(view, { closed });
  const items = list.data?.items;
  if (!items) return <Skeleton h={160} />;
  return (
    <Paper withBorder radius="md">
      {items.length === 0 ? (
        <EmptyView view={view} />
      ) : (
        <ScrollArea>
          <Table highlightOnHover verticalSpacing="xs" data-testid="tasks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tasks.columns.title')}</Table.Th>
                <Table.Th>{t('tasks.columns.account')}</Table.Th>
                <Table.Th>{view === 'mine' ? t('tasks.columns.giver') : t('tasks.columns.assignee')}</Table.Th>
                <Table.Th>{t('tasks.columns.due')}</Table.Th>
                <Table.Th>{t('tasks.columns.priority')}</Table.Th>
                <Table.Th>{t('tasks.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((task) => (
                <Table.Tr key={task.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(task.id)}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {task.title}
                    </Text>
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    {task.account ? (
                      <AccountAnchor accountId={task.account.id} size="sm">
                        {task.account.name}
                      </AccountAnchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{view === 'mine' ? task.giver.name : task.assignee.name}</Table.Td>
                  <Table.Td>
                    <DueText task={task} />
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={priorityColors[task.priority]}>
                      {t(`tasks.priorities.${task.priority}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={statusColors[task.status]}>
                      {t(`tasks.statuses.${task.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}

/** The senior's board: a row per person of the team, a column per status. */
function TeamBoard({ closed, onOpen }: { closed: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useTasks('team', { closed });
  const items = list.data?.items;
  if (!items) return <Skeleton h={160} />;
  if (items.length === 0)
    return (
      <Paper withBorder radius="md">
        <EmptyView view="team" />
      </Paper>
    );
  const statuses = closed ? taskStatuses : taskStatuses.filter((s) => s === 'open' || s === 'in_progress');
  const people = [...new Map(items.map((i) => [i.assignee.id, i.assignee])).values()].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Paper withBorder radius="md">
      <ScrollArea>
        <Table verticalSpacing="sm" data-testid="team-board" style={{ tableLayout: 'fixed', minWidth: 200 + statuses.length * 220 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('tasks.board.person')}</Table.Th>
              {statuses.map((s) => (
                <Table.Th key={s}>{t(`tasks.statuses.${s}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm" fw={600}>
                    {p.name}
                  </Text>
                </Table.Td>
                {statuses.map((s) => (
                  <Table.Td key={s} style={{ verticalAlign: 'top' }}>
                    <Stack gap={6}>
                      {items
                        .filter((i) => i.assignee.id === p.id && i.status === s)
                        .map((task) => (
                          <Paper key={task.id} withBorder p={6} radius="sm" style={{ cursor: 'pointer' }} onClick={() => onOpen(task.id)}>
                            <Text size="sm" fw={500} lineClamp={2}>
                              {task.title}
                            </Text>
                            <Group gap={6} justify="space-between">
                              <DueText task={task} />
                              <Badge size="xs" variant="light" color={priorityColors[task.priority]}>
                                {t(`tasks.priorities.${task.priority}`)}
                              </Badge>
                            </Group>
                          </Paper>
                        ))}
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
