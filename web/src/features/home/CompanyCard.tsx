import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { currencyName } from '../../i18n/format';

export function CompanyCard() {
  const { t, i18n } = useTranslation();
  const { company } = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <Card h="100%">
      <Group gap="sm" mb="md">
        <ThemeIcon variant="light" size="lg">
          <IconBuilding size={18} />
        </ThemeIcon>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('home.companyTitle')}
          </Text>
          <Title order={4} data-testid="company-name">
            {company.name}
          </Title>
        </div>
      </Group>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('home.currency')}
          </Text>
          <Text size="sm">
            {company.currency} · {currencyName(company.currency, lang)}
          </Text>
        </Group>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('home.timeZone')}
          </Text>
          <Text size="sm">{company.timeZone}</Text>
        </Group>
      </Stack>
    </Card>
  );
}
