import { Button, Checkbox, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountColumn } from '../../../../src/modules/accounts/accounts.contracts';
import { accountColumns, defaultAccountColumns, normalizeColumns } from './columns';

/** Which columns the list shows (remembered on this device). The name is always shown. */
export function ColumnChooser({ columns, onChange }: { columns: AccountColumn[]; onChange: (columns: AccountColumn[]) => void }) {
  const { t } = useTranslation();
  const chosen = new Set(columns);
  const toggle = (column: AccountColumn, on: boolean) =>
    onChange(normalizeColumns(on ? [...columns, column] : columns.filter((c) => c !== column)));
  return (
    <Popover width={260} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns3 size={16} />} data-testid="column-chooser">
          {t('accounts.columnsButton')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" px={4} mb={4}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t('accounts.columnsTitle')}
          </Text>
          <Button variant="subtle" size="compact-xs" onClick={() => onChange(normalizeColumns(defaultAccountColumns))}>
            {t('accounts.columnsReset')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={6} p={4}>
            {accountColumns.map((column) => (
              <Checkbox
                key={column}
                size="xs"
                label={t(`accounts.columns.${column}`)}
                checked={chosen.has(column)}
                disabled={column === 'name'}
                onChange={(e) => toggle(column, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
