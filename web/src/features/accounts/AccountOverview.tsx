import { Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleX, IconClipboardText, IconFlag } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatMoney } from '../../i18n/format';
import { AccountTeamCard } from '../tiering/AccountTeamCard';
import { OwnershipHistory } from '../tiering/OwnershipHistory';
import { ScoreCard } from '../tiering/ScoreCard';
import { type Account, useCompetitorOptions } from './accountsApi';
import { StatusBadge } from './badges';
import { daysSince, formatRelative } from './format';

/** A plan not looked at for this long is due for review. */
const PLAN_REVIEW_DAYS = 90;

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children ?? (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        )}
      </Text>
    </Stack>
  );
}

function CardTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={4} fz="md" mb="sm">
      {children}
    </Title>
  );
}

/** The essentials at a glance: status, terms, contacts, plan review, tier, team and ownership. */
export function AccountOverview({ account, onOpenTab }: { account: Account; onOpenTab: (tab: string) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const tz = me.company.timeZone;
  const full = account.access === 'full';
  const competitors = useCompetitorOptions(account.status === 'lost' && !!account.lostToCompetitorId);
  const lostTo = competitors.data?.find((c) => c.id === account.lostToCompetitorId)?.name;
  const website = account.website && (/^https?:\/\//i.test(account.website) ? account.website : `https://${account.website}`);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          {account.status === 'lost' && (
            <Card data-testid="lost-card" bg="light-dark(var(--mantine-color-red-0), var(--mantine-color-dark-6))">
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <ThemeIcon color="red" variant="light" size="lg">
                  <IconCircleX size={18} />
                </ThemeIcon>
                <Stack gap={4}>
                  <Text fw={600}>
                    {account.lostDate
                      ? t('accounts.overview.lostOn', { date: formatDate(`${account.lostDate}T12:00:00Z`, lang, 'UTC') })
                      : t('accounts.status.lost')}
                  </Text>
                  {lostTo && <Text size="sm">{t('accounts.overview.lostTo', { name: lostTo })}</Text>}
                  {account.lostReason && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {account.lostReason}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Card>
          )}
          {account.status === 'prospect' && (
            <Card data-testid="prospect-card">
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <ThemeIcon color="cyan" variant="light" size="lg">
                  <IconFlag size={18} />
                </ThemeIcon>
                <SimpleGrid cols={2} spacing="md" style={{ flex: 1 }}>
                  <Fact label={t('accounts.fields.nextStep')}>{account.nextStep}</Fact>
                  <Fact label={t('accounts.fields.source')}>{account.source}</Fact>
                </SimpleGrid>
              </Group>
            </Card>
          )}
          <Card data-testid="essentials">
            <CardTitle>{t('accounts.overview.essentials')}</CardTitle>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg" verticalSpacing="md">
              <Fact label={t('accounts.fields.status')}>
                <StatusBadge status={account.status} />
              </Fact>
              <Fact label={t('accounts.columns.lastContactAt')}>
                {account.lastContactAt ? (
                  <Text span size="sm" c={daysSince(account.lastContactAt) > 45 ? 'orange.7' : undefined}>
                    {formatDate(account.lastContactAt, lang, tz)} · {formatRelative(account.lastContactAt, lang)}
                  </Text>
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('accounts.noContactYet')}
                  </Text>
                )}
              </Fact>
              <Fact label={t('accounts.fields.creditLimit')} testId="fact-credit-limit">
                {account.creditLimit && formatMoney(account.creditLimit, account.currency, lang)}
              </Fact>
              <Fact label={t('accounts.columns.paymentTermsDays')}>
                {account.paymentTermsDays === null ? null : t('accounts.days', { n: account.paymentTermsDays })}
              </Fact>
              <Fact label={t('accounts.fields.priceColumn')}>{account.priceColumn}</Fact>
              <Fact label={t('accounts.fields.currency')}>{account.currency}</Fact>
              <Fact label={t('accounts.fields.channel')}>{account.channel && t(`accounts.channel.${account.channel}`)}</Fact>
              <Fact label={t('accounts.fields.segment')}>{account.segment}</Fact>
              <Fact label={t('accounts.fields.industry')}>{account.industry}</Fact>
            </SimpleGrid>
          </Card>
          <Card data-testid="details">
            <CardTitle>{t('accounts.overview.company')}</CardTitle>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg" verticalSpacing="md">
              <Fact label={t('accounts.fields.legalName')}>{account.legalName}</Fact>
              <Fact label={t('accounts.fields.registrationNo')}>{account.registrationNo}</Fact>
              <Fact label={t('accounts.fields.externalId')}>{account.externalId}</Fact>
              <Fact label={t('accounts.fields.region')}>{account.region}</Fact>
              <Fact label={t('accounts.fields.city')}>{account.city}</Fact>
              <Fact label={t('accounts.fields.address')}>{account.address}</Fact>
              <Fact label={t('accounts.fields.phone')}>
                {account.phone && (
                  <Anchor href={`tel:${account.phone.replace(/[^\d+]/g, '')}`} size="sm">
                    {account.phone}
                  </Anchor>
                )}
              </Fact>
              <Fact label={t('accounts.fields.website')}>
                {website && (
                  <Anchor href={website} target="_blank" rel="noopener noreferrer" size="sm">
                    {account.website}
                  </Anchor>
                )}
              </Fact>
              {account.status !== 'prospect' && (account.source || account.nextStep) && (
                <>
                  <Fact label={t('accounts.fields.source')}>{account.source}</Fact>
                  <Fact label={t('accounts.fields.nextStep')}>{account.nextStep}</Fact>
                </>
              )}
            </SimpleGrid>
          </Card>
          {full && <PlanReview account={account} onOpenPlan={() => onOpenTab('plan')} />}
          {full && <OwnershipHistory account={account} />}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          {full && <ScoreCard account={account} />}
          <AccountTeamCard account={account} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function PlanReview({ account, onOpenPlan }: { account: Account; onOpenPlan: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const updated = account.planUpdatedAt;
  const overdue = updated !== null && daysSince(updated) > PLAN_REVIEW_DAYS;
  const missing = updated === null;
  const color = missing ? (account.tier === 'key' ? 'orange' : 'gray') : overdue ? 'orange' : 'teal';
  return (
    <Card data-testid="plan-review">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color={color} variant="light" size="lg">
            {missing || overdue ? <IconAlertTriangle size={18} /> : <IconClipboardText size={18} />}
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={600} size="sm">
              {missing ? t('accounts.overview.noPlan') : overdue ? t('accounts.overview.planDue') : t('accounts.overview.planUpToDate')}
            </Text>
            <Text size="xs" c="dimmed">
              {missing
                ? t(account.tier === 'key' ? 'accounts.overview.noPlanKey' : 'accounts.overview.noPlanText')
                : t('accounts.overview.planUpdated', {
                    date: formatDate(updated, lang, me.company.timeZone),
                    ago: formatRelative(updated, lang),
                  })}
            </Text>
          </Stack>
        </Group>
        <Button variant="subtle" size="compact-sm" rightSection={<IconArrowRight size={14} />} onClick={onOpenPlan}>
          {t('accounts.overview.openPlan')}
        </Button>
      </Group>
    </Card>
  );
}
