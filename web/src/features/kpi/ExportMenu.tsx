import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { exportUrl, type Target } from './kpiApi';
import type { Period } from './period';

/** The current view (figures, the people table, the period) as an XLSX or PDF made on the server. */
export function KpiExportMenu({ target, period, disabled }: { target: Target; period: Period; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <DownloadMenu
      label={t('kpi.export.button')}
      heading={t('kpi.export.label')}
      disabled={disabled}
      width={240}
      testId="kpi-export"
      formats={[
        {
          label: t('kpi.export.xlsx'),
          icon: <IconFileSpreadsheet size={16} />,
          href: () => exportUrl('xlsx', target, period),
          testId: 'kpi-export-xlsx',
        },
        {
          label: t('kpi.export.pdf'),
          icon: <IconFileTypePdf size={16} />,
          href: () => exportUrl('pdf', target, period),
          testId: 'kpi-export-pdf',
        },
      ]}
    />
  );
}
