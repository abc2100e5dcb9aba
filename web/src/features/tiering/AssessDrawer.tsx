import { Anchor, Box, Button, Drawer, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { type Criterion, criteria, impliedTier, scoreHundredths, type Weights } from '../../../../src/modules/tiering/scoring';
import { api } from '../../app/api';
import { formatNumber } from '../../i18n/format';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { ScoreBar } from './ScoreBar';
import { TierBadge } from '../accounts/badges';
import { invalidateAccount, type Scorecard, scorecardKey } from './tieringApi';

type Values = Record<Criterion, { value: number; comment: string }>;

function initialValues(card: Scorecard): Values {
  return Object.fromEntries(card.criteria.map((c) => [c.criterion, { value: c.value ?? 0, comment: c.comment ?? '' }])) as Values;
}

const scale = ['0', '1', '2', '3', '4', '5'];

/** Sets the seven criteria of an account, with the score and tier they give shown as you go. */
export function AssessDrawer({
  account,
  card,
  opened,
  onClose,
}: {
  account: Account;
  card: Scorecard;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={520}
      title={<Text fw={600}>{t('tiering.assess.title', { name: account.name })}</Text>}
    >
      {/* the drawer mounts its content when it opens: the form starts from the card as it is then */}
      <AssessForm account={account} card={card} onClose={onClose} />
    </Drawer>
  );
}

function AssessForm({ account, card, onClose }: { account: Account; card: Scorecard; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(() => initialValues(card));
  // a reason field shows where there is one, or when asked for: the seven scales stay at a glance
  const [reasons, setReasons] = useState<Criterion[]>(() => card.criteria.filter((c) => c.comment).map((c) => c.criterion));

  const weights = Object.fromEntries(card.criteria.map((c) => [c.criterion, c.weight])) as Weights;
  const thresholds = { key: card.keyThreshold, potential: card.potentialThreshold };
  const hundredths = scoreHundredths(weights, Object.fromEntries(criteria.map((c) => [c, values[c].value])));
  const score = hundredths === null ? null : hundredths / 100;
  const tier = impliedTier(hundredths, thresholds);

  const save = useMutation({
    mutationFn: () =>
      api.put<Scorecard>(`/api/accounts/${account.id}/scorecard`, {
        values: Object.fromEntries(criteria.map((c) => [c, { value: values[c].value, comment: values[c].comment.trim() || null }])),
        version: card.version,
      }),
    onSuccess: async (saved) => {
      client.setQueryData(scorecardKey(account.id), saved);
      notifySuccess(t('tiering.assess.saved', { score: formatNumber(saved.score ?? 0, lang) }));
      onClose();
      await invalidateAccount(client, account.id);
    },
    onError: (error) => showServerError(error),
  });

  const set = (c: Criterion, patch: Partial<Values[Criterion]>) => setValues((v) => ({ ...v, [c]: { ...v[c], ...patch } }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="assess-form"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('tiering.assess.intro')}
        </Text>
        {criteria.map((c) => (
          <Box key={c} data-testid={`criterion-${c}`}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} id={`criterion-label-${c}`}>
                  {t(`tiering.criteria.${c}.label`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`tiering.criteria.${c}.hint`)}
                </Text>
              </div>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('tiering.scoreCard.weight')} {formatNumber(weights[c], lang)}
              </Text>
            </Group>
            <SegmentedControl
              mt={6}
              fullWidth
              size="xs"
              data={scale}
              value={String(values[c].value)}
              onChange={(v) => set(c, { value: Number(v) })}
              aria-labelledby={`criterion-label-${c}`}
            />
            {reasons.includes(c) ? (
              <Textarea
                mt={6}
                size="xs"
                autosize
                minRows={1}
                maxRows={4}
                maxLength={1000}
                placeholder={t('tiering.assess.commentPlaceholder')}
                aria-label={`${t(`tiering.criteria.${c}.label`)}: ${t('tiering.assess.comment')}`}
                value={values[c].comment}
                onChange={(e) => set(c, { comment: e.currentTarget.value })}
                autoFocus={!values[c].comment}
              />
            ) : (
              <Anchor component="button" type="button" size="xs" mt={4} onClick={() => setReasons((r) => [...r, c])}>
                {t('tiering.assess.addReason')}
              </Anchor>
            )}
          </Box>
        ))}
        <Box
          pos="sticky"
          bottom={0}
          pt="sm"
          pb="md"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 5 }}
        >
          <Group justify="space-between" mb={6}>
            <Text size="sm" fw={500}>
              {t('tiering.assess.newScore')}
            </Text>
            <Group gap="xs">
              <Text fw={700} data-testid="assess-score">
                {score === null ? '—' : formatNumber(score, lang)}
              </Text>
              {tier && <TierBadge tier={tier} />}
            </Group>
          </Group>
          <ScoreBar score={score} thresholds={thresholds} tier={tier} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="assess-save">
              {t('tiering.assess.save')}
            </Button>
          </Group>
        </Box>
      </Stack>
    </form>
  );
}
