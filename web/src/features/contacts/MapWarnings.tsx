import { Alert, Badge, Group, SimpleGrid, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconUserExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MapWarning } from '../../../../src/modules/contacts/contacts.contracts';
import type { Contact } from './contactsApi';

const colors = { high: 'red', medium: 'orange', low: 'yellow' } as const;
const icons = { high: IconUserExclamation, medium: IconAlertTriangle, low: IconInfoCircle } as const;

/**
 * The map's risks, each with what to do about it; computed on the server. `compact` (above the
 * map, where height is precious) shows one line each, with what to do on hover.
 */
export function MapWarnings({ warnings, people, compact = false }: { warnings: MapWarning[]; people: Contact[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const shown = warnings.filter((w) => w.code !== 'no_stakeholders');
  if (shown.length === 0) return null;
  const names = (ids: string[]) =>
    new Intl.ListFormat(i18n.resolvedLanguage === 'ru' ? 'ru' : 'en', { type: 'conjunction' }).format(
      ids.map((id) => people.find((p) => p.id === id)?.fullName ?? '').filter(Boolean),
    );
  if (compact)
    return (
      <Group gap="xs" data-testid="map-warnings">
        {shown.map((w) => {
          const Icon = icons[w.severity];
          return (
            <Tooltip key={w.code} label={t(`contacts.warnings.${w.code}.text`)} multiline w={340} openDelay={100}>
              <Badge
                size="lg"
                radius="sm"
                color={colors[w.severity]}
                variant="light"
                leftSection={<Icon size={15} />}
                tabIndex={0}
                data-testid={`warning-${w.code}`}
                style={{ cursor: 'help', fontWeight: 600 }}
              >
                {t(`contacts.warnings.${w.code}.title`, { names: names(w.contactIds) })}
              </Badge>
            </Tooltip>
          );
        })}
      </Group>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: shown.length > 1 ? 2 : 1 }} spacing="xs" data-testid="map-warnings">
      {shown.map((w) => {
        const Icon = icons[w.severity];
        return (
          <Alert
            key={w.code}
            color={colors[w.severity]}
            variant="light"
            icon={<Icon size={18} />}
            title={t(`contacts.warnings.${w.code}.title`, { names: names(w.contactIds) })}
            data-testid={`warning-${w.code}`}
            styles={{ title: { marginBottom: 2 }, body: { gap: 2 } }}
            py={8}
          >
            {t(`contacts.warnings.${w.code}.text`)}
          </Alert>
        );
      })}
    </SimpleGrid>
  );
}
