import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconScale } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useRetieringSummary } from './tieringApi';

/** On the head's home page: re-tiering proposals waiting for a decision (ux.md "approvals waiting"). */
export function RetieringCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const summary = useRetieringSummary();
  const data = summary.data;
  return (
    <Card h="100%" data-testid="retiering-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="xs" wrap="nowrap">
          <IconScale size={18} color="var(--mantine-color-violet-6)" />
          <Title order={4}>{t('tiering.home.title')}</Title>
        </Group>
        <Button
          component={Link}
          to="/accounts/retiering"
          size="xs"
          variant={data?.pending ? 'filled' : 'light'}
          data-testid="review-proposals"
        >
          {t('tiering.home.review')}
        </Button>
      </Group>
      {!data ? (
        summary.isError ? (
          <Text size="sm" c="red">
            {summary.error.message}
          </Text>
        ) : (
          <Skeleton h={40} />
        )
      ) : data.pending === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tiering.home.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          <Text fw={600} data-testid="retiering-waiting">
            {t('tiering.home.waiting', { n: formatNumber(data.pending, lang) })}
          </Text>
          <Group gap="lg">
            <Group gap={4} wrap="nowrap">
              <IconArrowUpRight size={16} color="var(--mantine-color-teal-6)" />
              <Text size="sm">{t('tiering.home.promotions', { n: formatNumber(data.promotions, lang) })}</Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconArrowDownRight size={16} color="var(--mantine-color-orange-6)" />
              <Text size="sm">{t('tiering.home.demotions', { n: formatNumber(data.demotions, lang) })}</Text>
            </Group>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
