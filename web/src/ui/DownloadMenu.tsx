import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Starts the browser's download of a file the server sends as an attachment (the page stays). */
export function downloadFile(href: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

export interface DownloadFormat {
  label: string;
  icon: ReactNode;
  href: () => string;
  testId?: string;
}

/** A button that opens a menu of the formats the current view can be downloaded in. */
export function DownloadMenu({
  label,
  heading,
  formats,
  disabled,
  width = 220,
  testId,
}: {
  label: string;
  heading: string;
  formats: DownloadFormat[];
  disabled?: boolean;
  width?: number;
  testId?: string;
}) {
  return (
    <Menu position="bottom-end" shadow="md" width={width}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={disabled}
          data-testid={testId}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{heading}</Menu.Label>
        {formats.map((f) => (
          <Menu.Item key={f.label} leftSection={f.icon} onClick={() => downloadFile(f.href())} data-testid={f.testId}>
            {f.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
