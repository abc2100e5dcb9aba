import { Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SwotQuadrant, swotQuadrants } from '../../../../src/modules/plans/plans.contracts';
import { itemPath, type Plan, type SwotItem, usePlanChange } from './planApi';
import { ItemActions, SectionCard } from './planUi';

const colors: Record<SwotQuadrant, string> = { strength: 'teal', weakness: 'orange', opportunity: 'blue', threat: 'red' };

/** The SWOT analysis as a 2×2 grid; type a line and press Enter to add it. */
export function SwotCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('plans.swot.title')} hint={t('plans.swot.hint')} testId="plan-swot">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {swotQuadrants.map((q) => (
          <Quadrant key={q} plan={plan} quadrant={q} items={plan.swot.filter((s) => s.quadrant === q)} />
        ))}
      </SimpleGrid>
    </SectionCard>
  );
}

function Quadrant({ plan, quadrant, items }: { plan: Plan; quadrant: SwotQuadrant; items: SwotItem[] }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.accountId);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const color = colors[quadrant];
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    change.mutate({ method: 'post', path: itemPath('swot'), body: { quadrant, text } }, { onSuccess: () => setDraft('') });
  };
  const saveEdit = (item: SwotItem) => {
    const text = editing?.text.trim();
    if (!text || text === item.text) return setEditing(null);
    change.mutate(
      { method: 'patch', path: itemPath('swot', item.id), body: { text, version: item.version } },
      { onSuccess: () => setEditing(null) },
    );
  };
  return (
    <Paper
      radius="md"
      p="sm"
      bg={`var(--mantine-color-${color}-light)`}
      style={{ borderTop: `3px solid var(--mantine-color-${color}-6)` }}
      data-testid={`swot-${quadrant}`}
    >
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600} c={`${color}.8`}>
          {t(`plans.swot.quadrants.${quadrant}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {items.length || ''}
        </Text>
      </Group>
      <Stack gap={2}>
        {items.length === 0 && !plan.can.edit && (
          <Text size="sm" c="dimmed">
            {t('plans.swot.empty')}
          </Text>
        )}
        {items.map((item) =>
          editing?.id === item.id ? (
            <TextInput
              key={item.id}
              size="xs"
              value={editing.text}
              onChange={(e) => setEditing({ id: item.id, text: e.currentTarget.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') saveEdit(item);
                if (e.key === 'Escape') setEditing(null);
              }}
              onBlur={() => saveEdit(item)}
              maxLength={1000}
              autoFocus
              aria-label={t(`plans.swot.quadrants.${quadrant}`)}
            />
          ) : (
            <Group key={item.id} justify="space-between" wrap="nowrap" gap={4} align="flex-start" data-testid="swot-item">
              <Text size="sm" style={{ minWidth: 0 }}>
                <Text span c={`${color}.7`} mr={6}>
                  •
                </Text>
                {item.text}
              </Text>
              {plan.can.edit && (
                <ItemActions
                  title={item.text}
                  onEdit={() => setEditing({ id: item.id, text: item.text })}
                  onRemove={() => change.mutate({ method: 'delete', path: itemPath('swot', item.id) })}
                />
              )}
            </Group>
          ),
        )}
        {plan.can.edit && (
          <TextInput
            mt={4}
            size="xs"
            variant="filled"
            placeholder={t('plans.swot.addPlaceholder')}
            aria-label={`${t('plans.add')}: ${t(`plans.swot.quadrants.${quadrant}`)}`}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
              if (e.key === 'Escape') setDraft('');
            }}
            maxLength={1000}
            disabled={change.isPending}
            data-testid={`swot-add-${quadrant}`}
          />
        )}
      </Stack>
    </Paper>
  );
}
