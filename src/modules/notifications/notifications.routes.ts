import { IdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { getMySettings, updateMySettings } from './notification-settings.service.js';
import {
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationSettings,
  NotificationSettingsUpdate,
  UnreadCount,
} from './notifications.contracts.js';
import { listMyNotifications, markAllRead, markRead, myUnreadCount } from './notifications.service.js';

const tags = ['notifications'];
/** everyone signed in has an inbox; each reads only their own */
const access = { signedIn: true } as const;

export function registerNotificationRoutes(app: App) {
  app.get(
    '/api/notifications',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My notifications, newest (or unread) first',
        querystring: NotificationListQuery,
        response: { 200: NotificationList },
      },
    },
    async (req) => listMyNotifications(req.ctx, req.query),
  );
  app.get(
    '/api/notifications/unread-count',
    { config: { access }, schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCount } } },
    async (req) => myUnreadCount(req.ctx),
  );
  app.post(
    '/api/notifications/read-all',
    { config: { access }, schema: { tags, summary: 'Mark all my notifications read', response: { 200: UnreadCount } } },
    async (req) => markAllRead(req.ctx),
  );
  app.get(
    '/api/notifications/settings',
    { config: { access }, schema: { tags, summary: 'What I receive', response: { 200: NotificationSettings } } },
    async (req) => getMySettings(req.ctx),
  );
  app.put(
    '/api/notifications/settings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Mute kinds, set how early plan reminders come',
        body: NotificationSettingsUpdate,
        response: { 200: NotificationSettings },
      },
    },
    async (req) => updateMySettings(req.ctx, req.body),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: { access },
      schema: { tags, summary: 'Mark one of my notifications read', params: IdParams, response: { 200: Notification } },
    },
    async (req) => markRead(req.ctx, req.params.id),
  );
}
