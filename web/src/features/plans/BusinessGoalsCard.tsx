import { Button, Group, Text, Textarea } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Plan, usePlanChange } from './planApi';
import { SectionCard } from './planUi';

/** The client's business goals: free text, edited in place (Ctrl+Enter saves, Esc cancels). */
export function BusinessGoalsCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.accountId);
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft === null) return;
    const businessGoals = draft.trim() || null;
    if (businessGoals === plan.businessGoals) return setDraft(null);
    change.mutate({ method: 'put', path: '', body: { businessGoals, version: plan.version } }, { onSuccess: () => setDraft(null) });
  };
  return (
    <SectionCard
      title={t('plans.businessGoals.title')}
      hint={t('plans.businessGoals.hint')}
      testId="plan-business-goals"
      aside={
        plan.can.edit &&
        draft === null && (
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setDraft(plan.businessGoals ?? '')}>
            {t('plans.edit')}
          </Button>
        )
      }
    >
      {draft !== null ? (
        <>
          <Textarea
            aria-label={t('plans.businessGoals.title')}
            placeholder={t('plans.businessGoals.placeholder')}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={10_000}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
              if (e.key === 'Escape') setDraft(null);
            }}
            autoFocus
            data-testid="business-goals-input"
          />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" loading={change.isPending} onClick={save} data-testid="business-goals-save">
              {t('common.save')}
            </Button>
          </Group>
        </>
      ) : plan.businessGoals ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="business-goals-text">
          {plan.businessGoals}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('plans.businessGoals.empty')}
        </Text>
      )}
    </SectionCard>
  );
}
