import { Button, Drawer, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { AccountPicker } from '../interactions/AccountPicker';
import { DayInput } from '../plans/planUi';
import { type TaskDetail, type TaskPriority, taskPriorities, useAssignees, useTaskChange } from './tasksApi';

interface Values {
  title: string;
  description: string;
  assigneeId: string | null;
  accountId: string | null;
  dueDate: string | null;
  priority: TaskPriority;
}

const valuesOf = (t: TaskDetail | null, accountId: string | null, me: string): Values => ({
  title: t?.title ?? '',
  description: t?.description ?? '',
  assigneeId: t?.assignee.id ?? me,
  accountId: t ? (t.account?.id ?? null) : accountId,
  dueDate: t?.dueDate ?? null,
  priority: t?.priority ?? 'normal',
});

/** Gives a new task, or edits one the caller gave; the assignee list holds only whom the caller may assign. */
export function TaskFormDrawer({
  opened,
  task,
  accountId = null,
  me,
  onClose,
  onSaved,
}: {
  opened: boolean;
  task: TaskDetail | null;
  accountId?: string | null;
  me: string;
  onClose: () => void;
  onSaved?: (t: TaskDetail) => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={task ? t('tasks.form.editTitle') : t('tasks.form.createTitle')}
      data-testid="task-form"
    >
      {opened && (
        <TaskForm key={task?.id ?? 'new'} task={task} initial={valuesOf(task, accountId, me)} onClose={onClose} onSaved={onSaved} />
      )}
    </Drawer>
  );
}

function TaskForm({
  task,
  initial,
  onClose,
  onSaved,
}: {
  task: TaskDetail | null;
  initial: Values;
  onClose: () => void;
  onSaved?: (t: TaskDetail) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [v, setV] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assignees = useAssignees(true);
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));
  const save = useTaskChange(
    (body: Record<string, unknown>) =>
      task ? api.patch<TaskDetail>(`/api/tasks/${task.id}`, body) : api.post<TaskDetail>('/api/tasks', body),
    (saved) => {
      notifySuccess(task ? t('tasks.form.saved') : t('tasks.form.created'));
      onSaved?.(saved);
      onClose();
    },
  );
  const submit = () => {
    const e: Record<string, string> = {};
    if (!v.title.trim()) e.title = t('tasks.form.titleRequired');
    if (!v.assigneeId) e.assigneeId = t('tasks.form.assigneeRequired');
    setErrors(e);
    if (Object.keys(e).length) return;
    save.mutate(
      {
        title: v.title.trim(),
        description: v.description.trim() || null,
        assigneeId: v.assigneeId,
        accountId: v.accountId,
        dueDate: v.dueDate,
        priority: v.priority,
      },
      { onError: (err) => showServerError(err, { setFieldError: (path, msg) => setErrors((old) => ({ ...old, [path]: msg })) }) },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <TextInput
          label={t('tasks.form.title')}
          value={v.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
          required
          data-autofocus
          maxLength={200}
        />
        <Select
          label={t('tasks.form.assignee')}
          description={t('tasks.form.assigneeHint')}
          data={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={v.assigneeId}
          onChange={(id) => set({ assigneeId: id })}
          error={errors.assigneeId}
          searchable
          required
        />
        {can(me, 'accounts.read') && (
          <AccountPicker
            label={t('tasks.form.account')}
            placeholder={t('tasks.form.anyAccount')}
            value={v.accountId}
            onChange={(id) => set({ accountId: id })}
            error={errors.accountId}
            clearable
          />
        )}
        <Group grow>
          <DayInput
            label={t('tasks.form.due')}
            value={v.dueDate}
            onChange={(d) => set({ dueDate: d ? String(d).slice(0, 10) : null })}
            clearable
          />
          <Select
            label={t('tasks.form.priority')}
            data={taskPriorities.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))}
            value={v.priority}
            onChange={(p) => p && set({ priority: p as TaskPriority })}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t('tasks.form.description')}
          value={v.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          autosize
          minRows={3}
          maxLength={5000}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('tasks.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {task ? t('tasks.form.save') : t('tasks.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
