import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type Target } from './kpiApi';
import type { Period } from './period';

/** The current view (figures, the people table, the period) as an XLSX or PDF made on the server. */
export function KpiExportMenu({ target, period, disabled }: { target: Target; period: Period; disabled: boolean }) {
  const { t } = useTranslation();
  const download = (format: 'xlsx' | 'pdf') => {
    const link = document.createElement('a');
    link.href = exportUrl(format, target, period);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  };
  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={disabled}
          data-testid="kpi-export"
        >
          {t('kpi.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('kpi.export.label')}</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => download('xlsx')} data-testid="kpi-export-xlsx">
          {t('kpi.export.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypePdf size={16} />} onClick={() => download('pdf')} data-testid="kpi-export-pdf">
          {t('kpi.export.pdf')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
