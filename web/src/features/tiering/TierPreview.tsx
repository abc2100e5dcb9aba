import { Alert, Box, Card, Group, Loader, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountTier } from '../../../../src/modules/accounts/accounts.contracts';
import type { Weights } from '../../../../src/modules/tiering/scoring';
import { api } from '../../app/api';
import { formatNumber } from '../../i18n/format';
import { TierBadge, tierColors } from '../accounts/badges';
import type { ScoringPreview } from './tieringApi';

const tiers: AccountTier[] = ['key', 'potential', 'regular'];

/** How many of the reader's accounts would land in each tier with the weights and thresholds on screen. */
export function TierPreview({
  draft,
  enabled,
}: {
  draft: { weights: Weights; keyThreshold: number; potentialThreshold: number };
  enabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const preview = useQuery({
    queryKey: ['scoring', 'preview', draft],
    queryFn: () => api.post<ScoringPreview>('/api/scoring/preview', draft),
    enabled,
    placeholderData: keepPreviousData,
  });
  const data = preview.data;
  const scored = data ? data.implied.key + data.implied.potential + data.implied.regular : 0;
  const num = (n: number) => formatNumber(n, lang);

  return (
    <Card data-testid="tier-preview">
      <Group justify="space-between" mb={4}>
        <Title order={4}>{t('tiering.settings.preview')}</Title>
        {preview.isFetching && <Loader size={14} />}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('tiering.settings.previewHint')}
      </Text>
      {!data ? (
        preview.isError ? (
          <Alert color="red">{preview.error.message}</Alert>
        ) : (
          <Stack gap="xs">
            <Skeleton h={28} />
            <Skeleton h={28} />
            <Skeleton h={28} />
          </Stack>
        )
      ) : (
        <Stack gap="sm" style={{ opacity: enabled ? 1 : 0.5 }}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t('tiering.settings.tierNow')}
                  </Text>
                </Table.Th>
                <Table.Th>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t('tiering.settings.tierAfter')}
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tiers.map((tier) => (
                <Table.Tr key={tier} data-testid={`preview-${tier}`}>
                  <Table.Td>
                    <TierBadge tier={tier} />
                  </Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {num(data.current[tier])}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={700} w={40} data-testid={`preview-${tier}-count`}>
                        {num(data.implied[tier])}
                      </Text>
                      <Box style={{ flex: 1 }} h={8} bg="var(--mantine-color-default-border)" display="block">
                        <Box
                          h={8}
                          w={`${scored ? (data.implied[tier] / scored) * 100 : 0}%`}
                          bg={`var(--mantine-color-${tierColors[tier]}-5)`}
                          style={{ transition: 'width 200ms ease' }}
                        />
                      </Box>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group gap="lg">
            <Group gap={4} wrap="nowrap">
              <IconArrowUpRight size={16} color="var(--mantine-color-teal-6)" />
              <Text size="sm">{t('tiering.settings.promote', { n: num(data.promote) })}</Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconArrowDownRight size={16} color="var(--mantine-color-orange-6)" />
              <Text size="sm">{t('tiering.settings.demote', { n: num(data.demote) })}</Text>
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            {t('tiering.settings.unscored', { n: num(data.unscored) })}. {t('tiering.settings.previewNote')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
