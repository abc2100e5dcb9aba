import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit.service.js';
import { actorOf, type Ctx } from '../../core/context.js';
import type { Db } from '../../core/db/database.js';
import type { Executor } from '../../core/db/tx.js';
import {
  DEFAULT_REMINDER_MINUTES,
  type NotificationKind,
  notificationKinds,
  type NotificationSettings,
  type NotificationSettingsUpdate,
} from './notifications.contracts.js';
import { notificationSettings } from './notifications.schema.js';

const defaults = (): NotificationSettings => ({ muted: [], reminderMinutes: DEFAULT_REMINDER_MINUTES, emailKinds: [] });

/** A user's settings; no row means everything on, reminders 30 minutes ahead. */
export async function settingsOf(db: Executor, userId: string): Promise<NotificationSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  if (!row) return defaults();
  const known = new Set<string>(notificationKinds);
  return {
    muted: row.muted.filter((k): k is NotificationKind => known.has(k)),
    reminderMinutes: row.reminderMinutes,
    emailKinds: row.emailKinds.filter((k): k is NotificationKind => known.has(k)),
  };
}

/** How many minutes ahead of a planned interaction the user wants the reminder (default 30). */
export async function reminderMinutesOf(db: Db, userId: string): Promise<number> {
  return (await settingsOf(db, userId)).reminderMinutes;
}

/** The kinds a user has muted. */
export async function mutedKindsOf(db: Executor, userId: string): Promise<NotificationKind[]> {
  return (await settingsOf(db, userId)).muted;
}

export async function getMySettings(ctx: Ctx): Promise<NotificationSettings> {
  return settingsOf(ctx.db, actorOf(ctx).userId);
}

export async function updateMySettings(ctx: Ctx, patch: NotificationSettingsUpdate): Promise<NotificationSettings> {
  const userId = actorOf(ctx).userId;
  return ctx.db.transaction(async (tx) => {
    const before = await settingsOf(tx, userId);
    const after: NotificationSettings = {
      muted: patch.muted ?? before.muted,
      reminderMinutes: patch.reminderMinutes ?? before.reminderMinutes,
      emailKinds: patch.emailKinds ?? before.emailKinds,
    };
    await tx
      .insert(notificationSettings)
      .values({ userId, muted: after.muted, reminderMinutes: after.reminderMinutes, emailKinds: after.emailKinds })
      .onConflictDoUpdate({
        target: notificationSettings.userId,
        set: { muted: after.muted, reminderMinutes: after.reminderMinutes, emailKinds: after.emailKinds, updatedAt: new Date() },
      });
    await recordAudit(
      ctx,
      { action: 'notifications.settings.update', entity: 'notification_settings', entityId: userId, before, after },
      tx,
    );
    return after;
  });
}
