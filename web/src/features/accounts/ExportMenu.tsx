import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountColumn } from '../../../../src/modules/accounts/accounts.contracts';
import { formatNumber } from '../../i18n/format';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { exportUrl, type ListFilters } from './accountsApi';

/** Downloads the current view (filters, sort and visible columns) as CSV or XLSX. */
export function ExportMenu({ filters, columns, total }: { filters: ListFilters; columns: AccountColumn[]; total: number }) {
  const { t, i18n } = useTranslation();
  return (
    <DownloadMenu
      label={t('accounts.export.button')}
      heading={t('accounts.export.label', { n: formatNumber(total, i18n.resolvedLanguage ?? 'en') })}
      disabled={total === 0}
      testId="export-menu"
      formats={[
        {
          label: t('accounts.export.csv'),
          icon: <IconFileTypeCsv size={16} />,
          href: () => exportUrl(filters, columns, 'csv'),
          testId: 'export-csv',
        },
        {
          label: t('accounts.export.xlsx'),
          icon: <IconFileSpreadsheet size={16} />,
          href: () => exportUrl(filters, columns, 'xlsx'),
          testId: 'export-xlsx',
        },
      ]}
    />
  );
}
