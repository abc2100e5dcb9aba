import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountColumn } from '../../../../src/modules/accounts/accounts.contracts';
import { formatNumber } from '../../i18n/format';
import { exportUrl, type ListFilters } from './accountsApi';

/** Downloads the current view (filters, sort and visible columns) as CSV or XLSX. */
export function ExportMenu({ filters, columns, total }: { filters: ListFilters; columns: AccountColumn[]; total: number }) {
  const { t, i18n } = useTranslation();
  const download = (format: 'csv' | 'xlsx') => {
    const link = document.createElement('a');
    link.href = exportUrl(filters, columns, format);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  };
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={total === 0}
          data-testid="export-menu"
        >
          {t('accounts.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('accounts.export.label', { n: formatNumber(total, i18n.resolvedLanguage ?? 'en') })}</Menu.Label>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => download('csv')} data-testid="export-csv">
          {t('accounts.export.csv')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => download('xlsx')} data-testid="export-xlsx">
          {t('accounts.export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
