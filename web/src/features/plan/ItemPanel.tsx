import { Badge, Button, Checkbox, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconCheck, IconClockEdit, IconTrash, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { AccountAnchor } from '../interactions/AccountAnchor';
import { Field } from '../interactions/InteractionDrawer';
import { statusColors, typeColors } from '../interactions/interactionsApi';
import { interactionWrites, kindOf, openLogDrawer, useInteractionDetail, useInteractionWrite } from '../interactions/logApi';
import { useFormat } from '../plans/planUi';

/** One item of the plan: what it is, what happened, and the actions on it (mark done, move, cancel). */
export function ItemPanel({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const one = useInteractionDetail(id);
  const i = one.data;
  const remove = useInteractionWrite(
    (itemId: string) => interactionWrites.remove(itemId),
    () => i?.account.id,
  );
  const actionable = !!i && i.canEdit && i.status === 'planned';
  const removable = actionable && !!i && new Date(i.occurredAt).getTime() > Date.now();
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="md" title={t('weekPlan.panel.title')} data-testid="plan-item-panel">
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
              {t(`interactions.log.kinds.${kindOf(i.type, i.checklistKind)}`)}
            </Badge>
            <Badge variant="dot" color={statusColors[i.status]} data-testid="plan-item-status">
              {t(`interactions.statuses.${i.status}`)}
            </Badge>
            {i.moves.length > 0 && (
              <Badge variant="outline" color="orange">
                {t('weekPlan.moved')}
              </Badge>
            )}
            {i.origin === 'off_plan' && (
              <Badge variant="outline" color="gray">
                {t('weekPlan.offPlan')}
              </Badge>
            )}
          </Group>
          <Text fw={600} fz="lg">
            {i.subject ?? `${t(`interactions.types.${i.type}`)} · ${i.account.name}`}
          </Text>
          {actionable && (
            <Group gap="xs">
              <Button
                size="xs"
                leftSection={<IconCheck size={14} />}
                onClick={() => {
                  onClose();
                  openLogDrawer({ mode: 'complete', item: i });
                }}
                data-testid="plan-mark-done"
              >
                {t('weekPlan.panel.markDone')}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconClockEdit size={14} />}
                onClick={() => {
                  onClose();
                  openLogDrawer({ mode: 'move', item: i });
                }}
              >
                {t('weekPlan.panel.move')}
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                leftSection={<IconX size={14} />}
                onClick={() => {
                  onClose();
                  openLogDrawer({ mode: 'cancel', item: i });
                }}
              >
                {t('weekPlan.panel.cancel')}
              </Button>
              {removable && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate(i.id, {
                      onSuccess: () => {
                        notifySuccess(t('interactions.log.deleted'));
                        onClose();
                      },
                      onError: (e) => showServerError(e),
                    })
                  }
                >
                  {t('weekPlan.panel.remove')}
                </Button>
              )}
            </Group>
          )}
          <Field label={t('weekPlan.panel.account')}>
            <AccountAnchor accountId={i.account.id} size="sm" onClick={onClose}>
              {i.account.name} <IconArrowRight size={12} />
            </AccountAnchor>
          </Field>
          <Field label={t('weekPlan.panel.when')}>
            {f.instant(i.occurredAt)}
            {i.durationMinutes ? ` · ${t('weekPlan.panel.duration', { n: i.durationMinutes })}` : ''}
          </Field>
          {i.plannedFor && i.plannedFor !== i.occurredAt && <Field label={t('weekPlan.panel.plannedFor')}>{f.instant(i.plannedFor)}</Field>}
          <Field label={t('weekPlan.panel.who')}>{i.user.name}</Field>
          {i.contacts.length > 0 && <Field label={t('weekPlan.panel.contacts')}>{i.contacts.map((c) => c.fullName).join(', ')}</Field>}
          {i.outcome && <Field label={t('weekPlan.panel.outcome')}>{i.outcome}</Field>}
          {i.nextStep && <Field label={t('weekPlan.panel.nextStep')}>{i.nextStep}</Field>}
          {i.checklist && i.checklist.length > 0 && (
            <Field label={t('weekPlan.panel.checklist')}>
              <Stack gap={4}>
                {i.checklist.map((a) => (
                  <Checkbox key={a.item} label={a.item} checked={a.done} readOnly size="xs" />
                ))}
              </Stack>
            </Field>
          )}
          {i.cancelReason && <Field label={t('weekPlan.panel.cancelReason')}>{i.cancelReason}</Field>}
          {i.moves.length > 0 && (
            <Field label={t('weekPlan.panel.moves')}>
              <Stack gap={2}>
                {i.moves.map((m) => (
                  <Text key={m.movedAt} size="xs">
                    {t('weekPlan.panel.moveLine', { from: f.instant(m.fromAt), to: f.instant(m.toAt) })}
                    {m.reason ? ` — ${m.reason}` : ''}
                  </Text>
                ))}
              </Stack>
            </Field>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
