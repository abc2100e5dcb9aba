import { z } from 'zod';

/** The in-app inbox (H5). */
export const notificationKinds = [
  'task_assigned',
  'task_due',
  'task_overdue',
  'plan_reminder',
  'absence_started',
  'absence_ended',
  'mention',
  'request_status',
  'request_overdue',
  'complaint_received',
  'complaint_warning',
  'complaint_breach',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const reminderMinuteChoices = [5, 15, 30, 60, 120] as const;
export const DEFAULT_REMINDER_MINUTES = 30;

export const NotificationPayload = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type NotificationPayload = z.infer<typeof NotificationPayload>;

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  payload: NotificationPayload,
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  /** list the unread ones first, then by time */
  unreadFirst: z.enum(['true', 'false']).default('false'),
  /** only unread ones */
  unread: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = z.object({
  items: z.array(Notification),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const NotificationSettings = z.object({
  muted: z.array(NotificationKind),
  reminderMinutes: z.number().int(),
  /** the kinds that also come by e-mail (H5) */
  emailKinds: z.array(NotificationKind),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsUpdate = z.strictObject({
  muted: z
    .array(NotificationKind)
    .max(notificationKinds.length)
    .transform((ks) => [...new Set(ks)])
    .optional(),
  emailKinds: z
    .array(NotificationKind)
    .max(notificationKinds.length)
    .transform((ks) => [...new Set(ks)])
    .optional(),
  reminderMinutes: z
    .number()
    .int()
    .refine((m) => (reminderMinuteChoices as readonly number[]).includes(m), {
      message: 'must be one of 5, 15, 30, 60, 120',
    })
    .optional(),
});
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdate>;
