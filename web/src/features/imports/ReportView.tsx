import { Alert, Anchor, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../../src/modules/imports/imports.contracts';
import { problemsCsv } from './importsApi';

const actionColor = { insert: 'teal', update: 'blue', unchanged: 'gray' } as const;
const MAX_SHOWN = 500;

/** What the check found: counts, every problem with its line and column, and a preview. */
export function ReportView({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const r = run.report;
  const download = () => {
    const blob = new Blob([problemsCsv(run, [t('imports.line'), t('imports.column'), t('imports.problem')])], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${run.fileName.replace(/\.[^.]+$/, '')}-problems.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Count label={t('imports.summary.rows')} value={r.rows} />
        <Count label={t('imports.summary.insert')} value={r.inserted} color="teal" />
        <Count label={t('imports.summary.update')} value={r.updated} color="blue" />
        <Count label={t('imports.summary.unchanged')} value={r.unchanged} />
        <Count label={t('imports.summary.rejected')} value={r.rejected} color={r.rejected ? 'red' : undefined} />
      </SimpleGrid>

      {r.errors.length > 0 ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('imports.errorsTitle', { count: r.errors.length })}>
          <Stack gap="sm">
            <Text size="sm">{t('imports.errorsText')}</Text>
            <Anchor component="button" size="sm" onClick={download} ta="left">
              {t('imports.errorsDownload')}
            </Anchor>
            <ScrollArea.Autosize mah={320} type="auto">
              <Table striped withTableBorder fz="sm" data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('imports.line')}</Table.Th>
                    <Table.Th w={180}>{t('imports.column')}</Table.Th>
                    <Table.Th>{t('imports.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.errors.slice(0, MAX_SHOWN).map((e) => (
                    <Table.Tr key={`${e.line}-${e.column}-${e.code}`}>
                      <Table.Td ff="monospace">{e.line}</Table.Td>
                      <Table.Td ff="monospace">
                        {e.column ?? (
                          <Text c="dimmed" size="sm">
                            {t('imports.wholeRow')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Stack>
        </Alert>
      ) : (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('imports.cleanTitle')}>
          {r.inserted + r.updated > 0
            ? t('imports.cleanText', { insert: r.inserted, update: r.updated, unchanged: r.unchanged })
            : t('imports.nothingToDo')}
        </Alert>
      )}

      {r.preview.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="xs">
            <Title order={4} fz="md">
              {t('imports.previewTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('imports.previewText', { count: r.preview.length })}
            </Text>
          </Group>
          <ScrollArea.Autosize mah={360} type="auto">
            <Table striped fz="sm" data-testid="import-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('imports.line')}</Table.Th>
                  <Table.Th w={120} />
                  <Table.Th w={180}>{t('imports.key')}</Table.Th>
                  <Table.Th>{t('imports.values')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.preview.map((p) => (
                  <Table.Tr key={p.line}>
                    <Table.Td ff="monospace">{p.line}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={actionColor[p.action]}>
                        {t(`imports.actions.${p.action}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace">{p.key}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {Object.entries(p.values)
                          .map(([k, v]) => `${k}: ${v}`)
                          .join(' · ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Paper>
      )}
    </Stack>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} c={color}>
        {value.toLocaleString(i18n.language === 'ru' ? 'ru-RU' : 'en-US')}
      </Text>
    </Paper>
  );
}
