import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';

/** "1–25 of 120" and page buttons. */
export function TableFooter({
  offset,
  limit,
  total,
  onOffset,
}: {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <Group justify="space-between" px="sm" py="xs">
      <Text size="sm" c="dimmed">
        {t('common.showing', {
          from: formatNumber(offset + 1, lang),
          to: formatNumber(Math.min(offset + limit, total), lang),
          total: formatNumber(total, lang),
        })}
      </Text>
      {pages > 1 && (
        <Pagination size="sm" total={pages} value={Math.floor(offset / limit) + 1} onChange={(page) => onOffset((page - 1) * limit)} />
      )}
    </Group>
  );
}
