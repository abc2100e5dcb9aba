import { Badge, Button, Group, Progress, Slider, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconClockExclamation, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Goal, itemPath, type Plan, usePlanChange } from './planApi';
import { DayInput, ItemActions, SectionCard, useFormat } from './planUi';

/** Long-term goals with a deadline and progress; an overdue one is flagged. */
export function GoalsCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const f = useFormat();
  const change = usePlanChange(plan.accountId);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <SectionCard
      title={t('plans.goals.title')}
      hint={t('plans.goals.hint')}
      testId="plan-goals"
      aside={
        plan.can.edit &&
        editing !== 'new' && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="add-goals">
            {t('plans.goals.add')}
          </Button>
        )
      }
    >
      <Stack gap={0}>
        {plan.goals.length === 0 && editing !== 'new' && (
          <Text size="sm" c="dimmed">
            {t('plans.goals.empty')}
          </Text>
        )}
        {plan.goals.map((goal) =>
          editing === goal.id ? (
            <GoalForm key={goal.id} goal={goal} accountId={plan.accountId} onDone={() => setEditing(null)} />
          ) : (
            <Stack
              key={goal.id}
              gap={6}
              py={10}
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-testid="goals-item"
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {goal.title}
                  </Text>
                  {goal.description && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {goal.description}
                    </Text>
                  )}
                </Stack>
                <Group gap={6} wrap="nowrap">
                  {goal.progress >= 100 ? (
                    <Badge color="teal" leftSection={<IconCheck size={11} />}>
                      {t('plans.goals.reached')}
                    </Badge>
                  ) : goal.overdue ? (
                    <Badge color="red" leftSection={<IconClockExclamation size={11} />} data-testid="goal-overdue">
                      {t('plans.goals.overdue')}
                    </Badge>
                  ) : null}
                  <Text size="xs" c={goal.overdue ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {f.day(goal.deadline)}
                  </Text>
                  {plan.can.edit && (
                    <ItemActions
                      title={goal.title}
                      onEdit={() => setEditing(goal.id)}
                      onRemove={() => change.mutate({ method: 'delete', path: itemPath('goals', goal.id) })}
                    />
                  )}
                </Group>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Progress
                  value={goal.progress}
                  color={goal.progress >= 100 ? 'teal' : goal.overdue ? 'red' : 'teal'}
                  size="md"
                  radius="xl"
                  style={{ flex: 1 }}
                  aria-label={t('plans.goals.progress')}
                />
                <Text size="xs" fw={600} w={36} ta="right">
                  {goal.progress}%
                </Text>
              </Group>
            </Stack>
          ),
        )}
        {editing === 'new' && <GoalForm accountId={plan.accountId} onDone={() => setEditing(null)} />}
      </Stack>
    </SectionCard>
  );
}

function GoalForm({ goal, accountId, onDone }: { goal?: Goal; accountId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(accountId);
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [deadline, setDeadline] = useState<string | null>(goal?.deadline ?? null);
  const [progress, setProgress] = useState(goal?.progress ?? 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!title.trim()) missing.title = t('validation.required');
    if (!deadline) missing.deadline = t('validation.required');
    if (Object.keys(missing).length) return setErrors(missing);
    const body = { title: title.trim(), description: description.trim() || null, deadline, progress };
    const form = { setFieldError: (path: string, message: string) => setErrors((e) => ({ ...e, [path]: message })) };
    change.mutate(
      goal
        ? { method: 'patch', path: itemPath('goals', goal.id), body: { ...body, version: goal.version }, form }
        : { method: 'post', path: itemPath('goals'), body, form },
      { onSuccess: onDone },
    );
  };
  return (
    <Stack
      gap="xs"
      py="sm"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      data-testid="goals-form"
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label={t('plans.goals.titleLabel')}
          placeholder={t('plans.goals.titlePlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
          error={errors.title}
          maxLength={300}
          autoFocus
          style={{ flex: 1 }}
          data-testid="goals-title"
        />
        <DayInput
          aria-label={t('plans.goals.deadline')}
          placeholder={t('plans.goals.deadline')}
          value={deadline}
          onChange={(v) => setDeadline(v ? String(v).slice(0, 10) : null)}
          error={errors.deadline}
          w={150}
          data-testid="goals-deadline"
        />
      </Group>
      <Textarea
        aria-label={t('plans.goals.descriptionLabel')}
        placeholder={t('plans.goals.descriptionLabel')}
        autosize
        minRows={1}
        maxRows={6}
        maxLength={5000}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <Group gap="sm" wrap="nowrap">
        <Text size="xs" c="dimmed" w={70}>
          {t('plans.goals.progress')}
        </Text>
        <Slider
          value={progress}
          onChange={setProgress}
          step={5}
          min={0}
          max={100}
          label={(v) => `${v}%`}
          style={{ flex: 1 }}
          aria-label={t('plans.goals.progress')}
          data-testid="goals-progress"
        />
        <Text size="xs" fw={600} w={36} ta="right">
          {progress}%
        </Text>
      </Group>
      {errors.progress && (
        <Text size="xs" c="red">
          {errors.progress}
        </Text>
      )}
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={change.isPending} onClick={submit} data-testid="goals-save">
          {goal ? t('common.save') : t('plans.add')}
        </Button>
      </Group>
    </Stack>
  );
}
