import { Badge, Drawer, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { IconCheck, IconInbox, IconMessageReply } from '@tabler/icons-react';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import { Field } from '../interactions/InteractionDrawer';
import { severityColors, useComplaint } from './complaintsApi';
import { JustifiedBadge, StateText } from './ComplaintsTable';
import { formatHours } from './duration';

/** One complaint: its clocks from receipt to first response and resolution (the workflow comes later). */
export function ComplaintDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = me.company.timeZone;
  const one = useComplaint(id);
  const c = one.data;
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="md" title={t('service.drawer.title')} data-testid="complaint-drawer">
      {one.isError ? (
        <Text c="red">{errorMessage(one.error)}</Text>
      ) : !c ? (
        <Stack>
          <Skeleton h={24} />
          <Skeleton h={120} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={severityColors[c.severity]} variant={c.severity === 'critical' ? 'filled' : 'light'}>
              {t(`service.severities.${c.severity}`)}
            </Badge>
            <JustifiedBadge value={c.justified} />
            <StateText c={c} />
          </Group>
          <Text fw={600} fz="lg">
            {c.category ?? t('service.noCategory')}
          </Text>
          <Field label={t('service.drawer.account')}>
            <AccountAnchor accountId={c.account.id} size="sm" onClick={onClose}>
              {c.account.name}
            </AccountAnchor>
          </Field>
          <Field label={t('service.drawer.owner')}>{c.account.owner?.name ?? '—'}</Field>
          <Timeline active={c.resolvedAt ? 2 : c.firstResponseAt ? 1 : 0} bulletSize={24} lineWidth={2}>
            <Timeline.Item bullet={<IconInbox size={13} />} title={t('service.drawer.received')}>
              <Text size="sm" c="dimmed">
                {formatDateTime(c.receivedAt, lang, tz)}
              </Text>
            </Timeline.Item>
            <Timeline.Item bullet={<IconMessageReply size={13} />} title={t('service.drawer.firstResponse')}>
              <Text size="sm" c="dimmed">
                {c.firstResponseAt
                  ? `${formatDateTime(c.firstResponseAt, lang, tz)} · ${t('service.drawer.after', { duration: formatHours(c.firstResponseHours ?? 0, t, lang) })}`
                  : t('service.drawer.notYet')}
              </Text>
            </Timeline.Item>
            <Timeline.Item bullet={<IconCheck size={13} />} title={t('service.drawer.resolved')}>
              <Text size="sm" c="dimmed">
                {c.resolvedAt
                  ? `${formatDateTime(c.resolvedAt, lang, tz)} · ${t('service.drawer.after', { duration: formatHours(c.resolutionHours ?? 0, t, lang) })}`
                  : t('service.drawer.notYet')}
              </Text>
            </Timeline.Item>
          </Timeline>
          {c.externalId && <Field label={t('service.drawer.externalId')}>{c.externalId}</Field>}
        </Stack>
      )}
    </Drawer>
  );
}
