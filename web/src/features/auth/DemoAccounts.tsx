import { Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../src/core/contracts';
import { useDemoInfo } from '../../app/session';
import { CopyField } from '../../ui/CopyField';

/** When the demo company is loaded: its accounts, a click fills the sign-in form. */
export function DemoAccounts({ onPick }: { onPick: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  const demo = useDemoInfo();
  if (!demo.data) return null;
  const { password, users } = demo.data;
  return (
    <Paper withBorder radius="lg" p="lg" w={460} data-testid="demo-accounts">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('signIn.demoTitle')}</Title>
          <Badge color="yellow">demo</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('signIn.demoText')}
        </Text>
        <CopyField label={t('signIn.demoPassword')} value={password} />
        <Table highlightOnHover verticalSpacing={6}>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.email} className="grove-row-clickable" onClick={() => onPick(user.email, password)}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {user.name}
                  </Text>
                  <Code fz="xs">{user.email}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {(roles as readonly string[]).includes(user.role) ? t(`roles.${user.role as (typeof roles)[number]}`) : user.role}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
