import { Alert, Anchor, Button, Card, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconSwords } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { errorMessage } from '../../app/api';
import { Empty } from '../../ui/Empty';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { ItemActions, useFormat } from '../plans/planUi';
import { type Presence, threatColors, useAccountCompetitors, usePresenceChange } from './competitorsApi';
import { priceIndexText, ThreatBadge, WebsiteLink } from './competitorsUi';
import { PresenceModal } from './PresenceModal';

/** Competitors at one account (A6): who else supplies the client, at what prices, how dangerous. */
export function CompetitorsTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const list = useAccountCompetitors(account.id);
  const [editing, setEditing] = useState<Presence | 'new' | null>(null);
  if (list.isPending) return <PageSkeleton rows={3} />;
  if (list.isError)
    return (
      <Alert color="red" variant="light">
        {errorMessage(list.error)}
      </Alert>
    );
  const { items, totalShare, can } = list.data;
  const modal = editing && (
    <PresenceModal
      account={account}
      presence={editing === 'new' ? null : editing}
      totalShare={totalShare}
      onClose={() => setEditing(null)}
    />
  );
  if (items.length === 0)
    return (
      <>
        <Empty
          icon={<IconSwords size={28} />}
          title={t('competitors.tab.emptyTitle')}
          text={can.edit ? t('competitors.tab.emptyText') : t('competitors.tab.emptyTextReader')}
          action={
            can.edit && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="add-presence">
                {t('competitors.tab.add')}
              </Button>
            )
          }
        />
        {modal}
      </>
    );
  return (
    <Stack gap="md" data-testid="competitors-tab">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="xs">
          <Text size="sm" fw={600}>
            {t('competitors.tab.shareTitle')}
          </Text>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('competitors.tab.totalShare', { n: totalShare })}
            </Text>
            <Anchor component={Link} to="/competitors" size="xs">
              {t('competitors.tab.catalogueLink')}
            </Anchor>
            {can.edit && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="add-presence">
                {t('competitors.tab.add')}
              </Button>
            )}
          </Group>
        </Group>
        <Progress.Root size={18} radius="md">
          {items
            .filter((p) => p.shareOfWallet)
            .map((p) => (
              <Tooltip key={p.id} label={`${p.competitor.name}: ${p.shareOfWallet} %`}>
                <Progress.Section
                  value={p.shareOfWallet ?? 0}
                  color={threatColors[p.threat] === 'gray' ? 'gray.5' : threatColors[p.threat]}
                >
                  <Progress.Label>{(p.shareOfWallet ?? 0) >= 12 ? p.competitor.name : ''}</Progress.Label>
                </Progress.Section>
              </Tooltip>
            ))}
          <Tooltip label={`${t('competitors.tab.shareOurs')}: ${100 - totalShare} %`}>
            <Progress.Section value={100 - totalShare} color="teal.1" />
          </Tooltip>
        </Progress.Root>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {items.map((p) => (
          <PresenceCard key={p.id} presence={p} accountId={account.id} editable={can.edit} onEdit={() => setEditing(p)} />
        ))}
      </SimpleGrid>
      {modal}
    </Stack>
  );
}

function PresenceCard({
  presence: p,
  accountId,
  editable,
  onEdit,
}: {
  presence: Presence;
  accountId: string;
  editable: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const change = usePresenceChange(accountId);
  const line = (label: string, value: string | null) =>
    value && (
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {value}
        </Text>
      </Stack>
    );
  return (
    <Card
      padding="md"
      style={{
        borderLeft: `4px solid var(--mantine-color-${threatColors[p.threat] === 'gray' ? 'gray-4' : `${threatColors[p.threat]}-6`})`,
      }}
      data-testid="presence-card"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600}>{p.competitor.name}</Text>
          {p.competitor.website && <WebsiteLink website={p.competitor.website} />}
        </Stack>
        <Group gap={6} wrap="nowrap">
          <ThreatBadge threat={p.threat} />
          {editable && (
            <ItemActions
              title={p.competitor.name}
              onEdit={onEdit}
              onRemove={() =>
                change.mutate(
                  { method: 'delete', id: p.id },
                  {
                    onSuccess: () => notifySuccess(t('competitors.tab.removed', { name: p.competitor.name })),
                    onError: (e) => showServerError(e),
                  },
                )
              }
            />
          )}
        </Group>
      </Group>
      <Group gap="lg" mb="xs">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('competitors.columns.share')}
          </Text>
          <Text size="lg" fw={700}>
            {p.shareOfWallet === null ? '—' : `${p.shareOfWallet} %`}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('competitors.columns.priceIndex')}
          </Text>
          <Text size="sm" fw={600} c={p.priceIndex !== null && p.priceIndex < 100 ? 'red' : undefined}>
            {p.priceIndex === null ? '—' : priceIndexText(t, p.priceIndex)}
          </Text>
        </Stack>
      </Group>
      <Stack gap={6}>
        {line(t('competitors.tab.products'), p.products)}
        {line(t('competitors.tab.priceNotes'), p.priceNotes)}
        {line(t('competitors.tab.notes'), p.notes)}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        {[
          p.lastObserved && t('competitors.tab.observed', { date: f.day(p.lastObserved) }),
          p.updatedBy && t('competitors.tab.updatedBy', { when: f.instant(p.updatedAt), name: p.updatedBy.name }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Card>
  );
}
