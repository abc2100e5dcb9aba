import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Notification,
  NotificationKind,
  NotificationList,
  NotificationSettings,
  NotificationSettingsUpdate,
} from '../../../../src/modules/notifications/notifications.contracts';
import { api } from '../../app/api';

export type { Notification, NotificationKind, NotificationSettings };

export const notificationKinds: NotificationKind[] = [
  'task_assigned',
  'task_due',
  'task_overdue',
  'plan_reminder',
  'absence_started',
  'absence_ended',
  'mention',
];
export const reminderChoices = [5, 15, 30, 60, 120] as const;

const PAGE = 20;

/** The unread count of the bell, polled every 30 seconds. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: 30_000,
  });
}

/** The inbox, newest first, a page at a time; loaded while the popover is open. */
export function useInbox(enabled: boolean) {
  return useInfiniteQuery({
    enabled,
    queryKey: ['notifications', 'list'],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => api.get<NotificationList>('/api/notifications', { limit: PAGE, offset: pageParam }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['notifications'] });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.post<Notification>(`/api/notifications/${id}/read`), onSuccess: refresh });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api.post<{ unread: number }>('/api/notifications/read-all'), onSuccess: refresh });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: ['notifications', 'settings'],
    queryFn: () => api.get<NotificationSettings>('/api/notifications/settings'),
  });
}

export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: NotificationSettingsUpdate) => api.put<NotificationSettings>('/api/notifications/settings', patch),
    onSuccess: (s) => client.setQueryData(['notifications', 'settings'], s),
  });
}
