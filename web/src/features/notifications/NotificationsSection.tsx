import { Center, Checkbox, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { Section } from '../profile/Section';
import { notificationKinds, reminderChoices, useNotificationSettings, useUpdateNotificationSettings } from './notificationsApi';

/** The profile's notification settings (H5): the kinds I receive, which also by e-mail, and how early plan reminders come. */
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
          <Table withRowBorders={false} verticalSpacing={4} maw={560} data-testid="notification-kinds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notifications.settings.receive')}</Table.Th>
                <Table.Th ta="center" w={120}>
                  {t('notifications.settings.byEmail')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notificationKinds.map((k) => {
                const on = !s.muted.includes(k);
                const label = t(`notifications.settings.kinds.${k}` as 'notifications.settings.kinds.task_due');
                return (
                  <Table.Tr key={k}>
                    <Table.Td>
                      <Checkbox
                        label={label}
                        checked={on}
                        disabled={update.isPending}
                        onChange={(e) => save({ muted: e.currentTarget.checked ? s.muted.filter((m) => m !== k) : [...s.muted, k] })}
                        data-testid={`notification-kind-${k}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Center>
                        <Checkbox
                          aria-label={t('notifications.settings.byEmailOf', { kind: label })}
                          checked={on && s.emailKinds.includes(k)}
                          disabled={update.isPending || !on}
                          onChange={(e) =>
                            save({
                              emailKinds: e.currentTarget.checked ? [...s.emailKinds, k] : s.emailKinds.filter((m) => m !== k),
                            })
                          }
                          data-testid={`notification-email-${k}`}
                        />
                      </Center>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" maw={560}>
            {t('notifications.settings.byEmailHint')}
          </Text>
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
