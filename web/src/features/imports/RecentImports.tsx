import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportRunList } from '../../../../src/modules/imports/imports.contracts';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDateTime } from '../../i18n/format';
import type { z } from 'zod';

type Runs = z.infer<typeof ImportRunList>;
const statusColor = { checked: 'gray', running: 'blue', done: 'teal', failed: 'red' } as const;

/** The last imports: what they were, who ran them, how they ended; a running one can be reopened. */
export function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const runs = useQuery({
    queryKey: ['imports'],
    queryFn: () => api.get<Runs>('/api/imports'),
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 2000 : false),
  });
  const items = runs.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4} fz="md" mb="sm">
        {t('imports.recent')}
      </Title>
      {runs.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('imports.recentEmpty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" highlightOnHover data-testid="recent-imports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.file')}</Table.Th>
                <Table.Th>{t('imports.entity')}</Table.Th>
                <Table.Th>{t('imports.status')}</Table.Th>
                <Table.Th ta="right">{t('imports.summary.insert')}</Table.Th>
                <Table.Th ta="right">{t('imports.summary.update')}</Table.Th>
                <Table.Th ta="right">{t('imports.summary.rejected')}</Table.Th>
                <Table.Th>{t('imports.by')}</Table.Th>
                <Table.Th>{t('imports.when')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.fileName}</Table.Td>
                  <Table.Td>{t(`imports.entities.${r.entity}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[r.status]}>
                      {t(`imports.statuses.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{r.summary.inserted}</Table.Td>
                  <Table.Td ta="right">{r.summary.updated}</Table.Td>
                  <Table.Td ta="right">{r.summary.rejected}</Table.Td>
                  <Table.Td>{r.createdBy?.name ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(r.createdAt, i18n.language, me.company.timeZone)}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" size="sm" onClick={() => onOpen(r.id)}>
                      {t('imports.open')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
