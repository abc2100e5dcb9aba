import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Task, TaskDetail, TaskList, TaskPriority, TaskStatus } from '../../../../src/modules/tasks/tasks.contracts';
import { api } from '../../app/api';

export type { Task, TaskDetail, TaskPriority, TaskStatus };
export type TaskView = 'mine' | 'given' | 'overdue' | 'team';

export function useTasks(view: TaskView, opts: { closed?: boolean; accountId?: string } = {}, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['tasks', 'list', view, opts],
    queryFn: () =>
      api.get<TaskList>('/api/tasks', {
        view,
        closed: opts.closed ? 'true' : 'false',
        ...(opts.accountId ? { accountId: opts.accountId } : {}),
      }),
  });
}

export function useTask(id: string | null) {
  return useQuery({ queryKey: ['tasks', 'one', id], queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`), enabled: !!id });
}

export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: ['tasks', 'assignees'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/tasks/assignees'),
    enabled,
    staleTime: 60_000,
  });
}

/** A change to one task; refreshes the lists, the task and the account timeline. */
export function useTaskChange<V>(fn: (v: V) => Promise<TaskDetail>, onDone?: (t: TaskDetail) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (task) => {
      client.setQueryData(['tasks', 'one', task.id], task);
      await client.invalidateQueries({ queryKey: ['tasks', 'list'] });
      if (task.account) await client.invalidateQueries({ queryKey: ['timeline', task.account.id] });
      onDone?.(task);
    },
  });
}

export const priorityColors: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
export const statusColors: Record<TaskStatus, string> = { open: 'blue', in_progress: 'violet', done: 'green', cancelled: 'gray' };
export const taskStatuses: TaskStatus[] = ['open', 'in_progress', 'done', 'cancelled'];
export const taskPriorities: TaskPriority[] = ['low', 'normal', 'high', 'urgent'];
