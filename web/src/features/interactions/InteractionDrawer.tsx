import { Badge, Button, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconCheck, IconClockEdit, IconX } from '@tabler/icons-react';
import { AccountAnchor } from './AccountAnchor';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import { statusColors, typeColors, useInteraction } from './interactionsApi';
import { When } from './InteractionsTable';
import { type InteractionDetail, openLogDrawer } from './logApi';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** One interaction, read-only (logging and editing come with the interactions workflow). */
export function InteractionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const one = useInteraction(id);
  const i = one.data;
  return (
    <Drawer
      opened={!!id}
      onClose={onClose}
      position="right"
      size="md"
      title={t('interactions.drawer.title')}
      data-testid="interaction-drawer"
    >
      {one.isError ? (
        <Text c="red">{errorMessage(one.error)}</Text>
      ) : !i ? (
        <Stack>
          <Skeleton h={24} />
          <Skeleton h={80} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="light" color={typeColors[i.type]}>
              {t(`interactions.types.${i.type}`)}
            </Badge>
            <Badge variant="dot" color={statusColors[i.status]}>
              {t(`interactions.statuses.${i.status}`)}
            </Badge>
          </Group>
          <Text fw={600} fz="lg">
            {i.subject ?? t(`interactions.types.${i.type}`)}
          </Text>
          {'canEdit' in i && (i as InteractionDetail).canEdit && i.status === 'planned' && (
            <PlannedActions item={i as InteractionDetail} onClose={onClose} />
          )}
          <Field label={t('interactions.drawer.account')}>
            <AccountAnchor accountId={i.account.id} size="sm" onClick={onClose}>
              {i.account.name}
            </AccountAnchor>
          </Field>
          <Field label={t('interactions.drawer.when')}>
            <When i={i} />
          </Field>
          <Field label={t('interactions.drawer.user')}>{i.user.name}</Field>
          <Field label={t('interactions.drawer.outcome')}>
            {i.outcome ?? (
              <Text span c="dimmed" size="sm">
                {t('interactions.drawer.noOutcome')}
              </Text>
            )}
          </Field>
          {i.externalId && <Field label={t('interactions.drawer.externalId')}>{i.externalId}</Field>}
          <Text size="xs" c="dimmed">
            {t('interactions.drawer.recorded')}: {formatDateTime(i.createdAt, lang, me.company.timeZone)}
          </Text>
        </Stack>
      )}
    </Drawer>
  );
}

/** A planned item the reader may change: mark it done, move or cancel it (in the log drawer). */
function PlannedActions({ item, onClose }: { item: InteractionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const open = (mode: 'complete' | 'move' | 'cancel') => {
    onClose();
    openLogDrawer({ mode, item } as Parameters<typeof openLogDrawer>[0]);
  };
  return (
    <Group gap="xs">
      <Button size="xs" leftSection={<IconCheck size={14} />} onClick={() => open('complete')}>
        {t('weekPlan.panel.markDone')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconClockEdit size={14} />} onClick={() => open('move')}>
        {t('weekPlan.panel.move')}
      </Button>
      <Button size="xs" variant="default" color="red" leftSection={<IconX size={14} />} onClick={() => open('cancel')}>
        {t('weekPlan.panel.cancel')}
      </Button>
    </Group>
  );
}
