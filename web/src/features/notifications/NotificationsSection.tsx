import { Checkbox, Select, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { Section } from '../profile/Section';
import { notificationKinds, reminderChoices, useNotificationSettings, useUpdateNotificationSettings } from './notificationsApi';

/** The profile's notification settings (H5): the kinds I receive and how early plan reminders come. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const save = (patch: Parameters<typeof update.mutate>[0]) =>
    update.mutate(patch, { onSuccess: () => notifySuccess(t('notifications.settings.saved')), onError: (e) => showServerError(e) });
  const s = settings.data;
  return (
    <Section title={t('notifications.settings.title')} text={t('notifications.settings.text')}>
      {!s ? (
        <Skeleton h={160} />
      ) : (
        <Stack gap="md" data-testid="notification-settings">
          <Checkbox.Group
            label={t('notifications.settings.receive')}
            value={notificationKinds.filter((k) => !s.muted.includes(k))}
            onChange={(on) => save({ muted: notificationKinds.filter((k) => !on.includes(k)) })}
          >
            <Stack gap={6} mt="xs">
              {notificationKinds.map((k) => (
                <Checkbox key={k} value={k} label={t(`notifications.settings.kinds.${k}`)} disabled={update.isPending} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label={t('notifications.settings.reminder')}
            maw={280}
            allowDeselect={false}
            disabled={update.isPending || s.muted.includes('plan_reminder')}
            value={String(s.reminderMinutes)}
            data={reminderChoices.map((m) => ({ value: String(m), label: t('notifications.settings.minutes', { count: m }) }))}
            onChange={(v) => v && save({ reminderMinutes: Number(v) })}
            data-testid="notification-reminder"
          />
        </Stack>
      )}
    </Section>
  );
}
