import { Alert, Badge, Button, Drawer, Group, Paper, SegmentedControl, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDateTime, formatDay } from '../../i18n/format';
import { showServerError } from '../../ui/formErrors';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { Field } from '../interactions/InteractionDrawer';
import { AttachmentsPanel } from '../../ui/AttachmentsPanel';
import { type TaskDetail, type TaskStatus, priorityColors, useTask, useTaskChange } from './tasksApi';

/** One task: its details, status, and the comments between its giver and its assignee. */
export function TaskDrawer({ id, onClose, onEdit }: { id: string | null; onClose: () => void; onEdit: (t: TaskDetail) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const one = useTask(id);
  const task = one.data;
  const [comment, setComment] = useState('');
  const status = useTaskChange((s: TaskStatus) => api.post<TaskDetail>(`/api/tasks/${id}/status`, { status: s }));
  const send = useTaskChange(
    (body: string) => api.post<TaskDetail>(`/api/tasks/${id}/comments`, { body }),
    () => setComment(''),
  );
  const working: TaskStatus[] = ['open', 'in_progress', 'done'];
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="md" title={t('tasks.drawer.title')} data-testid="task-drawer">
      {one.isError ? (
        <Text c="red">{errorMessage(one.error)}</Text>
      ) : !task ? (
        <Stack>
          <Skeleton h={24} />
          <Skeleton h={120} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={priorityColors[task.priority]} variant={task.priority === 'urgent' ? 'filled' : 'light'}>
              {t(`tasks.priorities.${task.priority}`)}
            </Badge>
            {task.overdue && (
              <Badge color="red" variant="light">
                {t('tasks.overdue')}
              </Badge>
            )}
          </Group>
          <Text fw={600} fz="lg">
            {task.title}
          </Text>
          {task.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {task.description}
            </Text>
          )}
          <Field label={t('tasks.columns.assignee')}>{task.assignee.name}</Field>
          <Field label={t('tasks.columns.giver')}>{task.giver.name}</Field>
          <Field label={t('tasks.columns.due')}>{task.dueDate ? formatDay(task.dueDate, lang) : t('tasks.noDue')}</Field>
          {task.account && (
            <Field label={t('tasks.columns.account')}>
              <AccountAnchor accountId={task.account.id} size="sm" onClick={onClose}>
                {task.account.name}
              </AccountAnchor>
            </Field>
          )}
          <Field label={t('tasks.drawer.status')}>
            {task.canWork && task.status !== 'cancelled' ? (
              <SegmentedControl
                size="xs"
                value={task.status}
                onChange={(s) => status.mutate(s as TaskStatus, { onError: (e) => showServerError(e) })}
                data={working.map((s) => ({ value: s, label: t(`tasks.statuses.${s}`) }))}
                data-testid="task-status"
              />
            ) : (
              <Text size="sm">{t(`tasks.statuses.${task.status}`)}</Text>
            )}
          </Field>
          {task.canEdit && (
            <Group gap="xs">
              {task.status !== 'cancelled' && (
                <Button size="xs" variant="default" onClick={() => onEdit(task)}>
                  {t('tasks.drawer.edit')}
                </Button>
              )}
              {task.status === 'cancelled' ? (
                <Button size="xs" variant="default" onClick={() => status.mutate('open', { onError: (e) => showServerError(e) })}>
                  {t('tasks.drawer.reopen')}
                </Button>
              ) : (
                task.status !== 'done' && (
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    onClick={() => status.mutate('cancelled', { onError: (e) => showServerError(e) })}
                  >
                    {t('tasks.drawer.cancelTask')}
                  </Button>
                )
              )}
            </Group>
          )}
          {!task.canWork && <Alert color="gray">{t('tasks.drawer.watching')}</Alert>}
          <AttachmentsPanel
            ns="tasks"
            url={`/api/tasks/${task.id}/attachments`}
            files={task.attachments}
            mayAttach={task.canWork}
            queryKey={['tasks', 'one', task.id]}
            testId="task"
          />
          <Text fw={600}>{t('tasks.drawer.comments')}</Text>
          {task.comments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('tasks.drawer.noComments')}
            </Text>
          ) : (
            <Stack gap="xs" data-testid="task-comments">
              {task.comments.map((c) => (
                <Paper key={c.id} withBorder p="xs" radius="sm" bg={c.author?.id === me.id ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Group justify="space-between" gap="xs">
                    <Text size="xs" fw={600}>
                      {c.author?.name ?? '—'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(c.createdAt, lang, me.company.timeZone)}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.body}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )}
          {task.canWork && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (comment.trim()) send.mutate(comment.trim(), { onError: (err) => showServerError(err) });
              }}
            >
              <Stack gap="xs">
                <Textarea
                  aria-label={t('tasks.drawer.comment')}
                  placeholder={t('tasks.drawer.comment')}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  autosize
                  minRows={2}
                  maxLength={5000}
                />
                <Group justify="flex-end">
                  <Button type="submit" size="xs" loading={send.isPending} disabled={!comment.trim()}>
                    {t('tasks.drawer.send')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
