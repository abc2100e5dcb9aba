import { Alert, Anchor, Button, Card, Grid, Group, NumberInput, RangeSlider, Slider, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowRight } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { criteria, totalWeight, validThresholds, type Weights } from '../../../../src/modules/tiering/scoring';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { NotFoundPage } from '../errors/NotFoundPage';
import { TierPreview } from './TierPreview';
import { type ScoringSettings, scoringKey, useScoringSettings } from './tieringApi';

export function ScoringSettingsPage() {
  const me = useCurrentUser();
  const settings = useScoringSettings();
  if (!can(me, 'accounts.retier')) return <NotFoundPage />;
  if (settings.isPending) return <PageSkeleton />;
  if (settings.isError) throw settings.error;
  return <ScoringForm key={settings.data.version} saved={settings.data} />;
}

interface Draft {
  weights: Weights;
  keyThreshold: number;
  potentialThreshold: number;
}

const draftOf = (s: ScoringSettings): Draft => ({
  weights: { ...s.weights },
  keyThreshold: s.keyThreshold,
  potentialThreshold: s.potentialThreshold,
});

function ScoringForm({ saved }: { saved: ScoringSettings }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [debounced] = useDebouncedValue(draft, 250);
  const total = totalWeight(draft.weights);
  const thresholdsOk = validThresholds({ key: draft.keyThreshold, potential: draft.potentialThreshold });
  const valid = total > 0 && thresholdsOk;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));

  const save = useMutation({
    mutationFn: () => api.put<ScoringSettings>('/api/scoring/settings', { ...draft, version: saved.version }),
    onSuccess: async (next) => {
      notifySuccess(t('tiering.settings.saved'));
      client.setQueryData(scoringKey, next);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['account'] }),
        client.invalidateQueries({ queryKey: ['accounts'] }),
        client.invalidateQueries({ queryKey: ['retiering'] }),
      ]);
    },
    onError: (error) => showServerError(error),
  });

  const setWeight = (c: (typeof criteria)[number], v: number) => setDraft((d) => ({ ...d, weights: { ...d.weights, [c]: v } }));
  const share = (w: number) => (total > 0 ? formatNumber(Math.round((w / total) * 1000) / 10, lang) : '0');

  return (
    <>
      <PageHeader
        title={t('tiering.title')}
        subtitle={t('tiering.settings.subtitle')}
        actions={
          <Anchor component={Link} to="/accounts/retiering" size="sm">
            <Group gap={4} wrap="nowrap">
              {t('tiering.settings.toRetiering')}
              <IconArrowRight size={14} />
            </Group>
          </Anchor>
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) save.mutate();
        }}
        data-testid="scoring-form"
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card>
              <Group justify="space-between" mb={4}>
                <Title order={4}>{t('tiering.settings.weights')}</Title>
                <Text size="xs" c="dimmed">
                  {t('tiering.settings.shareTitle')}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" mb="md">
                {t('tiering.settings.weightsHint')}
              </Text>
              <Stack gap="md">
                {criteria.map((c) => (
                  <div key={c} data-testid={`weight-${c}`}>
                    <Group justify="space-between" wrap="nowrap" gap="xs" mb={2}>
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={500} id={`weight-label-${c}`}>
                          {t(`tiering.criteria.${c}.label`)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`tiering.criteria.${c}.hint`)}
                        </Text>
                      </div>
                      <Text size="sm" fw={600} w={56} ta="right" c={draft.weights[c] ? undefined : 'dimmed'}>
                        {t('tiering.settings.share', { share: share(draft.weights[c]) })}
                      </Text>
                    </Group>
                    <Group gap="sm" wrap="nowrap">
                      <Slider
                        style={{ flex: 1 }}
                        min={0}
                        max={100}
                        value={draft.weights[c]}
                        onChange={(v) => setWeight(c, v)}
                        label={null}
                        aria-labelledby={`weight-label-${c}`}
                      />
                      <NumberInput
                        w={76}
                        size="xs"
                        min={0}
                        max={100}
                        clampBehavior="strict"
                        allowDecimal={false}
                        allowNegative={false}
                        value={draft.weights[c]}
                        onChange={(v) => setWeight(c, typeof v === 'number' ? v : 0)}
                        aria-label={`${t(`tiering.criteria.${c}.label`)}: ${t('tiering.scoreCard.weight')}`}
                      />
                    </Group>
                  </div>
                ))}
              </Stack>
              {total === 0 && (
                <Alert color="red" mt="md" py={8}>
                  {t('tiering.settings.allZero')}
                </Alert>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <Card>
                <Title order={4} mb={4}>
                  {t('tiering.settings.thresholds')}
                </Title>
                <Text size="sm" c="dimmed" mb="lg">
                  {t('tiering.settings.thresholdsHint')}
                </Text>
                <RangeSlider
                  min={0}
                  max={100}
                  minRange={1}
                  value={[draft.potentialThreshold, draft.keyThreshold]}
                  onChange={([potential, key]) => setDraft((d) => ({ ...d, potentialThreshold: potential, keyThreshold: key }))}
                  marks={[
                    { value: 0, label: '0' },
                    { value: 50, label: '50' },
                    { value: 100, label: '100' },
                  ]}
                  mb="xl"
                  thumbFromLabel={t('tiering.settings.potentialThreshold')}
                  thumbToLabel={t('tiering.settings.keyThreshold')}
                />
                <Group grow>
                  <NumberInput
                    label={t('tiering.settings.potentialThreshold')}
                    min={0}
                    max={99}
                    allowDecimal={false}
                    allowNegative={false}
                    value={draft.potentialThreshold}
                    onChange={(v) => setDraft((d) => ({ ...d, potentialThreshold: typeof v === 'number' ? v : 0 }))}
                    error={thresholdsOk ? undefined : t('tiering.settings.thresholdOrder')}
                    data-testid="potential-threshold"
                  />
                  <NumberInput
                    label={t('tiering.settings.keyThreshold')}
                    min={1}
                    max={100}
                    allowDecimal={false}
                    allowNegative={false}
                    value={draft.keyThreshold}
                    onChange={(v) => setDraft((d) => ({ ...d, keyThreshold: typeof v === 'number' ? v : 0 }))}
                    data-testid="key-threshold"
                  />
                </Group>
              </Card>
              <TierPreview
                draft={debounced}
                enabled={total > 0 && validThresholds({ key: debounced.keyThreshold, potential: debounced.potentialThreshold })}
              />
            </Stack>
          </Grid.Col>
        </Grid>
        <Group justify="space-between" mt="lg" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="xs" c="dimmed" data-testid="scoring-last-saved">
            {saved.updatedBy && saved.updatedAt
              ? t('tiering.settings.lastSaved', {
                  name: saved.updatedBy.name,
                  date: formatDateTime(saved.updatedAt, lang, me.company.timeZone),
                })
              : t('tiering.settings.defaults')}
          </Text>
          <Group gap="xs">
            {dirty && (
              <Button variant="default" onClick={() => setDraft(draftOf(saved))}>
                {t('tiering.settings.discard')}
              </Button>
            )}
            <Button type="submit" disabled={!dirty || !valid} loading={save.isPending} data-testid="scoring-save">
              {t('tiering.settings.save')}
            </Button>
          </Group>
        </Group>
      </form>
    </>
  );
}
