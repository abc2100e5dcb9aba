import { Badge, Button, Group, Paper, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconSwords } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { formatDate } from '../../i18n/format';
import { Empty } from '../../ui/Empty';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { PlainTh } from '../../ui/SortableTh';
import { TableFooter } from '../../ui/TableFooter';
import { useCompetitorList } from './competitorsApi';
import { WebsiteLink } from './competitorsUi';

const LIMIT = 25;

export function CatalogueTab({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [archived, setArchived] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useCompetitorList({ q: debouncedQ, archived: archived ? 'all' : 'false', limit: LIMIT, offset });
  const filtered = !!debouncedQ;
  const lang = i18n.resolvedLanguage ?? 'en';

  return (
    <Paper withBorder radius="md">
      <Group gap="sm" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <TextInput
          placeholder={t('competitors.searchPlaceholder')}
          aria-label={t('common.search')}
          leftSection={<IconSearch size={15} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
          w={300}
          data-testid="competitor-search"
        />
        <Switch
          label={t('competitors.showArchived')}
          checked={archived}
          onChange={(e) => {
            setArchived(e.currentTarget.checked);
            setOffset(0);
          }}
        />
      </Group>
      {list.data && list.data.items.length === 0 ? (
        <Empty
          icon={<IconSwords size={28} />}
          title={filtered ? t('competitors.emptyFilteredTitle') : t('competitors.emptyTitle')}
          text={filtered ? t('competitors.emptyFilteredText') : t('competitors.emptyText')}
          action={
            !filtered &&
            can(me, 'competitors.write') && (
              <Button variant="light" onClick={onNew}>
                {t('competitors.newCompetitor')}
              </Button>
            )
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table highlightOnHover data-testid="competitors-table">
            <Table.Thead>
              <Table.Tr>
                <PlainTh>{t('competitors.columns.name')}</PlainTh>
                <PlainTh>{t('competitors.columns.accounts')}</PlainTh>
                <PlainTh>{t('competitors.columns.threats')}</PlainTh>
                <PlainTh>{t('competitors.columns.strengths')}</PlainTh>
                <PlainTh>{t('competitors.columns.updated')}</PlainTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!list.data ? (
                <TableSkeletonRows columns={5} rows={5} />
              ) : (
                list.data.items.map((c) => (
                  <Table.Tr key={c.id} className="grove-row-clickable" onClick={() => onOpen(c.id)} data-testid="competitor-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {c.name}
                        </Text>
                        {c.archived && (
                          <Badge size="xs" color="gray" variant="outline">
                            {t('competitors.archivedBadge')}
                          </Badge>
                        )}
                      </Group>
                      {c.website && <WebsiteLink website={c.website} />}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.accountCount || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {c.threatCount > 0 ? (
                        <Badge color="red" variant="light">
                          {c.threatCount}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {c.strengths ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.updatedAt, lang, me.company.timeZone)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TableFooter offset={offset} limit={LIMIT} total={list.data?.total ?? 0} onOffset={setOffset} />
    </Paper>
  );
}
