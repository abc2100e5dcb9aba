import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src/core/contracts';

const colors: Record<Role, string> = {
  admin: 'grape',
  executive: 'indigo',
  head: 'blue',
  senior_kam: 'teal',
  kam: 'green',
  sales_support: 'cyan',
  department: 'gray',
  hr: 'pink',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Badge color={colors[role]}>{t(`roles.${role}`)}</Badge>;
}
