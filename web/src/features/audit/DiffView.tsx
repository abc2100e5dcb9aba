import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

/** Before/after of an audit entry, field by field; changed fields are highlighted. */
export function DiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a && before == null && after == null) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  if ((before != null && !b) || (after != null && !a)) {
    return (
      <Table withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Code block>{show(before)}</Code>
            </Table.Td>
            <Table.Td>
              <Code block>{show(after)}</Code>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return (
    <Table withColumnBorders verticalSpacing={4} data-testid="audit-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key) => {
          const was = b?.[key];
          const now = a?.[key];
          const changed = JSON.stringify(was) !== JSON.stringify(now);
          return (
            <Table.Tr key={key} bg={changed ? 'var(--mantine-color-yellow-light)' : undefined}>
              <Table.Td>
                <Text size="xs" ff="monospace" fw={changed ? 600 : 400}>
                  {key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" c={changed ? 'red' : 'dimmed'} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {show(was)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" c={changed ? 'teal' : 'dimmed'} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {show(now)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
