import { ActionIcon, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import type { AuditEntry } from '../../app/types';
import { formatDateTime } from '../../i18n/format';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { PlainTh } from '../../ui/SortableTh';
import { DiffView } from './DiffView';

export function AuditTable({ items }: { items: AuditEntry[] | undefined }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <PlainTh width={36}>{''}</PlainTh>
            <PlainTh width={180}>{t('audit.time')}</PlainTh>
            <PlainTh>{t('audit.actor')}</PlainTh>
            <PlainTh>{t('audit.action')}</PlainTh>
            <PlainTh>{t('audit.entity')}</PlainTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!items ? (
            <TableSkeletonRows columns={5} />
          ) : (
            items.map((entry) => {
              const expanded = open.has(entry.id);
              return (
                <Fragment key={entry.id}>
                  <Table.Tr className="grove-row-clickable" onClick={() => toggle(entry.id)} data-testid="audit-row">
                    <Table.Td>
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('audit.details')} aria-expanded={expanded}>
                        {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(entry.at, lang, me.company.timeZone)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {entry.actor?.name ?? t('audit.system')}
                      </Text>
                      {entry.onBehalfOf && (
                        <Text size="xs" c="dimmed">
                          {t('audit.onBehalfOf', { name: entry.onBehalfOf.name })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Code>{entry.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{entry.entity ?? '—'}</Text>
                        {entry.entityId && (
                          <Text size="xs" c="dimmed" ff="monospace" truncate maw={140} title={entry.entityId}>
                            {entry.entityId}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={4} pb="md">
                        <Stack gap="xs">
                          <DiffView before={entry.before} after={entry.after} />
                          {entry.ip && (
                            <Text size="xs" c="dimmed">
                              {t('audit.ip')}: {entry.ip}
                            </Text>
                          )}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
