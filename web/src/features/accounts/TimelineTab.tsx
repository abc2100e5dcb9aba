import { Button, Card, Center, Chip, Group, Kbd, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconHistory, IconNote } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Empty } from '../../ui/Empty';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { type Account, type TimelineT, timelineKey } from './accountsApi';
import { type TimelineGroup, TimelineItem, timelineGroups } from './timelineEvents';

const PAGE = 30;

/** The account's story, newest first: a note composer, filters by kind group, "load more" by cursor. */
export function TimelineTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<TimelineGroup>('all');
  const kinds = timelineGroups[group];
  const timeline = useInfiniteQuery({
    queryKey: [...timelineKey(account.id), group],
    queryFn: ({ pageParam }) =>
      api.get<TimelineT>(`/api/accounts/${account.id}/timeline`, {
        limit: PAGE,
        before: pageParam ?? undefined,
        kind: kinds.length ? kinds.join(',') : undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const events = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md" maw={820}>
      {account.can.edit && <NoteComposer account={account} />}
      <Chip.Group multiple={false} value={group} onChange={(v) => setGroup(v as TimelineGroup)}>
        <Group gap={6} data-testid="timeline-filters">
          {(Object.keys(timelineGroups) as TimelineGroup[])
            .filter((g) => account.access === 'full' || g === 'all' || g === 'notes' || g === 'account')
            .map((g) => (
              <Chip key={g} value={g} size="xs" variant="light">
                {t(`accounts.timeline.groups.${g}`)}
              </Chip>
            ))}
        </Group>
      </Chip.Group>
      <Card p="md" data-testid="timeline">
        {timeline.isPending ? (
          <Stack gap="md">
            {[0, 1, 2].map((i) => (
              <Group key={i} gap="sm" wrap="nowrap">
                <Skeleton circle h={30} />
                <Skeleton h={14} w="60%" />
              </Group>
            ))}
          </Stack>
        ) : timeline.isError ? (
          <Text c="red" size="sm">
            {timeline.error.message}
          </Text>
        ) : events.length === 0 ? (
          <Empty
            icon={<IconHistory size={28} />}
            title={t(group === 'all' ? 'accounts.timeline.emptyTitle' : 'accounts.timeline.emptyGroupTitle')}
            text={t('accounts.timeline.emptyText')}
          />
        ) : (
          <Stack gap="lg">
            {events.map((e) => (
              <TimelineItem key={e.id} event={e} account={account} />
            ))}
            {timeline.hasNextPage && (
              <Center>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => timeline.fetchNextPage()}
                  loading={timeline.isFetchingNextPage}
                  data-testid="timeline-more"
                >
                  {t('accounts.timeline.loadMore')}
                </Button>
              </Center>
            )}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

function NoteComposer({ account }: { account: Account }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim() ? null : t('accounts.timeline.noteEmpty')) },
  });
  const add = useMutation({
    mutationFn: (body: string) => api.post(`/api/accounts/${account.id}/notes`, { body: body.trim() }),
    onSuccess: async () => {
      form.reset();
      notifySuccess(t('accounts.timeline.noteAdded'));
      await client.invalidateQueries({ queryKey: timelineKey(account.id) });
    },
    onError: (error) => showServerError(error, form),
  });
  const submit = form.onSubmit((v) => add.mutate(v.body));
  return (
    <form onSubmit={submit} noValidate>
      <Card p="sm">
        <Textarea
          placeholder={t('accounts.timeline.notePlaceholder')}
          aria-label={t('accounts.timeline.noteLabel')}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={10_000}
          variant="unstyled"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
          {...form.getInputProps('body')}
          data-testid="note-input"
        />
        <Group justify="space-between" mt={4}>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd>
          </Text>
          <Button size="xs" type="submit" leftSection={<IconNote size={14} />} loading={add.isPending} data-testid="add-note">
            {t('accounts.timeline.addNote')}
          </Button>
        </Group>
      </Card>
    </form>
  );
}
