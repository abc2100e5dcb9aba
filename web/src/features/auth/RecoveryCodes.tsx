import { Alert, Button, CopyButton, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once, with copy and download. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'grove-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <Title order={4}>{t('totp.recoveryTitle')}</Title>
      <Alert color="yellow" variant="light" icon={<IconKey size={18} />}>
        {t('totp.recoveryText')}
      </Alert>
      <Paper withBorder p="md" radius="md" data-testid="recovery-codes">
        <SimpleGrid cols={2} spacing="xs">
          {codes.map((code) => (
            <Text key={code} ff="monospace" size="sm">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="xs">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" size="xs" onClick={download} leftSection={<IconDownload size={14} />}>
          {t('common.download')}
        </Button>
      </Group>
    </>
  );
}
