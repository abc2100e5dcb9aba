import { Badge, Button, Group, Menu, Modal, Paper, Popover, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarCheck,
  IconCalendarEvent,
  IconChevronDown,
  IconDownload,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../ui/formErrors';
import { downloadPlanPdf, type Plan, usePlanChange } from './planApi';
import { DayInput, useFormat } from './planUi';

const stateColor = { overdue: 'red', due_soon: 'yellow', scheduled: 'teal', unscheduled: 'gray' } as const;

/** Today + n months, as the server schedules the next review by default. */
function monthsAhead(n: number): string {
  const d = new Date();
  const target = new Date(Date.UTC(d.getFullYear(), d.getMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getDate(), last));
  return target.toISOString().slice(0, 10);
}

/** The plan's periodic review (when next, when last and by whom), "Mark reviewed" and the PDF. */
export function PlanReviewBar({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const f = useFormat();
  const change = usePlanChange(plan.accountId);
  const [marking, setMarking] = useState(false);
  const [editingDate, setEditingDate] = useState(false);
  const { state, daysLeft } = plan.review;
  const stateLabel =
    state === 'overdue'
      ? t('plans.review.states.overdue', { count: -(daysLeft ?? 0) })
      : state === 'unscheduled'
        ? t('plans.review.states.unscheduled')
        : daysLeft === 0
          ? t('plans.review.states.due_today')
          : t(`plans.review.states.${state}`, { count: daysLeft ?? 0 });
  const setDate = (nextReviewDate: string | null) =>
    change.mutate({ method: 'put', path: '', body: { nextReviewDate, version: plan.version } }, { onSuccess: () => setEditingDate(false) });

  return (
    <Paper withBorder radius="md" p="sm" px="md" data-testid="plan-review">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="md" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
          <ThemeIcon variant="light" color={stateColor[state]} size={36} radius="md">
            {state === 'overdue' ? <IconAlertTriangle size={20} /> : <IconCalendarEvent size={20} />}
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('plans.review.next')}:
              </Text>
              <Popover opened={editingDate} onChange={setEditingDate} position="bottom-start" shadow="md" withArrow trapFocus>
                <Popover.Target>
                  <Text
                    size="sm"
                    fw={600}
                    component={plan.can.edit ? 'button' : 'span'}
                    onClick={plan.can.edit ? () => setEditingDate((o) => !o) : undefined}
                    style={
                      plan.can.edit
                        ? { all: 'unset', cursor: 'pointer', fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' }
                        : undefined
                    }
                    data-testid="next-review-date"
                    title={plan.can.edit ? t('plans.review.setDate') : undefined}
                  >
                    {plan.nextReviewDate ? f.day(plan.nextReviewDate) : t('plans.review.notScheduled')}
                  </Text>
                </Popover.Target>
                <Popover.Dropdown>
                  <Stack gap="xs" w={240}>
                    <DayInput
                      label={t('plans.review.nextDate')}
                      defaultValue={plan.nextReviewDate ?? undefined}
                      minDate={new Date()}
                      onChange={(v) => v && setDate(String(v).slice(0, 10))}
                      data-autofocus
                    />
                    {plan.nextReviewDate && (
                      <Button size="xs" variant="subtle" color="gray" onClick={() => setDate(null)}>
                        {t('plans.review.clearDate')}
                      </Button>
                    )}
                  </Stack>
                </Popover.Dropdown>
              </Popover>
              <Badge
                color={stateColor[state]}
                variant={state === 'overdue' ? 'filled' : 'light'}
                data-testid="review-state"
                data-state={state}
              >
                {stateLabel}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" truncate>
              {plan.lastReviewedAt && plan.lastReviewedBy
                ? t('plans.review.lastReviewed', { when: f.instant(plan.lastReviewedAt), name: plan.lastReviewedBy.name })
                : t('plans.review.neverReviewed')}
            </Text>
            {plan.updatedAt && plan.updatedBy && (
              <Text size="xs" c="dimmed" truncate>
                {t('plans.updatedBy', { when: f.instant(plan.updatedAt), name: plan.updatedBy.name })}
              </Text>
            )}
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {plan.can.edit && (
            <Button
              variant={state === 'overdue' || state === 'due_soon' ? 'filled' : 'default'}
              leftSection={<IconCalendarCheck size={16} />}
              onClick={() => setMarking(true)}
              data-testid="mark-reviewed"
            >
              {t('plans.review.markReviewed')}
            </Button>
          )}
          <Menu position="bottom-end" shadow="md" width={230}>
            <Menu.Target>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                rightSection={<IconChevronDown size={14} />}
                data-testid="plan-pdf"
              >
                {t('plans.pdf.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('plans.pdf.label')}</Menu.Label>
              {(['en', 'ru'] as const).map((lang) => (
                <Menu.Item
                  key={lang}
                  leftSection={<IconFileTypePdf size={16} />}
                  onClick={() => downloadPlanPdf(plan.accountId, lang)}
                  data-testid={`plan-pdf-${lang}`}
                >
                  {t(`plans.pdf.${lang}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <MarkReviewedModal plan={plan} opened={marking} onClose={() => setMarking(false)} />
    </Paper>
  );
}

function MarkReviewedModal({ plan, opened, onClose }: { plan: Plan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.accountId);
  const [next, setNext] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const submit = () =>
    change.mutate(
      { method: 'post', path: '/review', body: { nextReviewDate: next ?? monthsAhead(3), ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: () => {
          notifySuccess(t('plans.review.reviewed'));
          setNote('');
          setNext(null);
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('plans.review.markTitle')} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('plans.review.markText')}
        </Text>
        <DayInput
          label={t('plans.review.nextDate')}
          value={next ?? monthsAhead(3)}
          onChange={(v) => setNext(v ? String(v).slice(0, 10) : null)}
          minDate={new Date()}
          data-testid="review-next-date"
        />
        <Textarea
          label={t('plans.review.note')}
          placeholder={t('plans.review.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconCalendarCheck size={16} />} loading={change.isPending} onClick={submit} data-testid="confirm-reviewed">
            {t('plans.review.markReviewed')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
