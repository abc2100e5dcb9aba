import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconCalendarEvent, IconDownload, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CalendarFeed, CalendarFeedList, CreatedCalendarFeed } from '../../../../src/modules/calendar-feeds/calendar-feeds.contracts';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDate, formatDateTime } from '../../i18n/format';
import { CopyField } from '../../ui/CopyField';
import { Empty } from '../../ui/Empty';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PlainTh } from '../../ui/SortableTh';
import { Section } from './Section';

type Feed = z.infer<typeof CalendarFeed>;
type FeedList = z.infer<typeof CalendarFeedList>;
type CreatedFeed = z.infer<typeof CreatedCalendarFeed>;

/** YYYY-MM-DD of `date` on the company calendar. */
const dayIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

/** The private iCalendar feed of the user's plan (C3): create (URL shown once), list, revoke. */
export function CalendarFeedSection() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const zone = me.company.timeZone;
  const client = useQueryClient();
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const [revoking, setRevoking] = useState<Feed | null>(null);
  const feeds = useQuery({ queryKey: ['calendar-feeds'], queryFn: () => api.get<FeedList>('/api/calendar-feeds') });
  const create = useMutation({
    mutationFn: () => api.post<CreatedFeed>('/api/calendar-feeds'),
    onSuccess: (answer) => {
      setCreated(answer);
      void client.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
    onError: (error) => showServerError(error),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/calendar-feeds/${id}`),
    onSuccess: () => {
      setRevoking(null);
      notifySuccess(t('calendarFeed.revokedNotice'));
      void client.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
    onError: (error) => showServerError(error),
  });
  const now = new Date();
  const exportUrl = `/api/plan/export.ics?from=${dayIn(now, zone)}&to=${dayIn(new Date(now.getTime() + 90 * 86_400_000), zone)}`;

  return (
    <Section
      title={t('calendarFeed.title')}
      text={t('calendarFeed.text')}
      aside={
        <Button
          variant="default"
          leftSection={<IconPlus size={14} />}
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="create-calendar-feed"
        >
          {t('calendarFeed.create')}
        </Button>
      }
    >
      {feeds.data && feeds.data.items.length === 0 ? (
        <Empty icon={<IconCalendarEvent size={26} />} title={t('calendarFeed.emptyTitle')} text={t('calendarFeed.emptyText')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="calendar-feeds-table">
            <Table.Thead>
              <Table.Tr>
                <PlainTh>{t('calendarFeed.created')}</PlainTh>
                <PlainTh>{t('calendarFeed.lastUsed')}</PlainTh>
                <PlainTh>{t('calendarFeed.state')}</PlainTh>
                <PlainTh>{''}</PlainTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {feeds.data?.items.map((feed) => (
                <Table.Tr key={feed.id}>
                  <Table.Td>{formatDateTime(feed.createdAt, lang, zone)}</Table.Td>
                  <Table.Td>{feed.lastUsedAt ? formatDateTime(feed.lastUsedAt, lang, zone) : t('common.never')}</Table.Td>
                  <Table.Td>
                    {feed.revokedAt ? (
                      <Badge color="gray" variant="light">
                        {t('calendarFeed.revoked', { date: formatDate(feed.revokedAt, lang, zone) })}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('calendarFeed.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!feed.revokedAt && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(feed)}>
                        {t('calendarFeed.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group mt="sm">
        <Anchor href={exportUrl} download size="sm">
          <Group gap={4} component="span">
            <IconDownload size={14} />
            {t('calendarFeed.download')}
          </Group>
        </Anchor>
      </Group>

      <Modal opened={!!created} onClose={() => setCreated(null)} title={t('calendarFeed.createdTitle')} centered size="lg">
        <Stack gap="sm">
          <Alert color="yellow" variant="light">
            {t('calendarFeed.shownOnce')}
          </Alert>
          {created && <CopyField value={created.url} testId="new-calendar-feed" />}
          <Text size="sm" c="dimmed">
            {t('calendarFeed.howTo')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={() => setCreated(null)}>{t('calendarFeed.done')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('calendarFeed.revokeTitle')} centered>
        <Text size="sm">{t('calendarFeed.revokeConfirm')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setRevoking(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
            {t('calendarFeed.revoke')}
          </Button>
        </Group>
      </Modal>
    </Section>
  );
}
