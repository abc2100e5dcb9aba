import { Alert, Anchor, Box, Button, Card, Group, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { can, useCurrentUser } from '../../app/session';
import { formatDate, formatNumber } from '../../i18n/format';
import { AssessDrawer } from './AssessDrawer';
import { ScoreBar, ValueDots } from './ScoreBar';
import { TierBadge } from '../accounts/badges';
import { type Scorecard, useScorecard } from './tieringApi';

/** The account's key-account score on its overview (A2): tier, score, breakdown and why. */
export function ScoreCard({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const full = account.access === 'full';
  const card = useScorecard(account.id, full);
  const [assessing, drawer] = useDisclosure(false);

  return (
    <Card data-testid="score-card">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={4}>{t('tiering.scoreCard.title')}</Title>
        {card.data?.canEdit && (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={drawer.open} data-testid="assess">
            {card.data.version ? t('tiering.scoreCard.reassess') : t('tiering.scoreCard.assess')}
          </Button>
        )}
      </Group>
      {!full ? (
        <Stack gap="xs">
          <Group gap="sm">
            <TierBadge tier={account.tier} size="lg" />
            <Text fw={600}>{account.score === null ? t('tiering.scoreCard.notAssessed') : formatNumber(account.score, lang)}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t('tiering.scoreCard.basicOnly')}
          </Text>
        </Stack>
      ) : card.isPending ? (
        <Stack gap="xs">
          <Skeleton h={40} w={160} />
          <Skeleton h={12} />
          <Skeleton h={120} />
        </Stack>
      ) : card.isError ? (
        <Alert color="red">{card.error.message}</Alert>
      ) : (
        <ScoreCardBody card={card.data} />
      )}
      {card.data?.canEdit && <AssessDrawer account={account} card={card.data} opened={assessing} onClose={drawer.close} />}
    </Card>
  );
}

function ScoreCardBody({ card }: { card: Scorecard }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const num = (n: number) => formatNumber(n, lang);
  const thresholds = { key: card.keyThreshold, potential: card.potentialThreshold };

  if (card.score === null || card.impliedTier === null) {
    return (
      <Stack gap="sm" data-testid="score-not-assessed">
        <Group gap="sm">
          <TierBadge tier={card.tier} size="lg" />
          <Text c="dimmed">{t('tiering.scoreCard.notAssessed')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {card.canEdit ? t('tiering.scoreCard.notAssessedText') : t('tiering.scoreCard.notAssessedReadOnly')}
        </Text>
      </Stack>
    );
  }

  const explain = {
    key: 'tiering.scoreCard.explainKey',
    potential: 'tiering.scoreCard.explainPotential',
    regular: 'tiering.scoreCard.explainRegular',
  } as const;
  const pending = card.pendingProposal;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Group gap={6} align="baseline" wrap="nowrap">
          <Text fz={34} fw={700} lh={1} data-testid="score-value">
            {num(card.score)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('tiering.scoreCard.outOf')}
          </Text>
        </Group>
        <TierBadge tier={card.tier} size="lg" data-testid="score-tier" />
      </Group>
      <ScoreBar score={card.score} thresholds={thresholds} tier={card.impliedTier} />
      <Text size="sm" data-testid="score-explanation">
        {t(explain[card.impliedTier], { score: num(card.score), key: num(card.keyThreshold), potential: num(card.potentialThreshold) })}{' '}
        {card.impliedTier === card.tier
          ? t('tiering.scoreCard.matches')
          : t('tiering.scoreCard.differs', {
              tier: t(`tiering.tiersLower.${card.tier}`),
              implied: t(`tiering.tiersLower.${card.impliedTier}`),
            })}
      </Text>
      {card.impliedTier !== card.tier && (
        <Alert variant="light" color={pending ? 'violet' : 'gray'} icon={<IconInfoCircle size={16} />} py={8}>
          <Text size="sm">
            {pending
              ? t('tiering.scoreCard.pending', {
                  direction: t(`tiering.scoreCard.directions.${pending.direction}`),
                  to: t(`tiering.tiersLower.${pending.toTier}`),
                  date: formatDate(pending.createdAt, lang, me.company.timeZone),
                })
              : t('tiering.scoreCard.nextRun')}{' '}
            {pending && can(me, 'accounts.retier') && (
              <Anchor component={Link} to="/accounts/retiering" size="sm">
                {t('tiering.retiering.title')}
              </Anchor>
            )}
          </Text>
        </Alert>
      )}
      <Table fz="sm" verticalSpacing={6} horizontalSpacing={6} data-testid="score-breakdown">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('tiering.scoreCard.criterion')}
              </Text>
            </Table.Th>
            <Table.Th ta="right">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('tiering.scoreCard.weight')}
              </Text>
            </Table.Th>
            <Table.Th>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('tiering.scoreCard.value')}
              </Text>
            </Table.Th>
            <Table.Th ta="right">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('tiering.scoreCard.points')}
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {card.criteria.map((c) => (
            <Table.Tr key={c.criterion}>
              <Table.Td>
                <Tooltip label={t(`tiering.criteria.${c.criterion}.hint`)} openDelay={300} multiline maw={280}>
                  <Text size="sm" lh={1.3}>
                    {t(`tiering.criteria.${c.criterion}.label`)}
                  </Text>
                </Tooltip>
                {c.comment && (
                  <Text size="xs" c="dimmed" lh={1.3} mt={2}>
                    {c.comment}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" c="dimmed">
                {num(c.weight)}
              </Table.Td>
              <Table.Td>
                <ValueDots value={c.value ?? 0} />
              </Table.Td>
              <Table.Td ta="right" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {num(c.contribution)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={3}>
              <Text size="sm" fw={600}>
                {t('tiering.scoreCard.total')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" fw={700}>
                {num(card.score)}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {card.updatedBy && card.updatedAt
            ? t('tiering.scoreCard.assessedBy', { name: card.updatedBy.name, date: formatDate(card.updatedAt, lang, me.company.timeZone) })
            : ''}
        </Text>
        {can(me, 'accounts.retier') && (
          <Anchor component={Link} to="/settings/scoring" size="xs">
            <Box component="span" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
              <IconAdjustments size={13} />
              {t('tiering.scoreCard.weightsLink')}
            </Box>
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
