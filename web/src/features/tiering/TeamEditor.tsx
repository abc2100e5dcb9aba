import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type TeamRole, teamRoles } from '../../../../src/modules/accounts/accounts.contracts';
import { type Person, PersonPicker } from './PersonPicker';

export interface TeamRow {
  /** a stable key for React while the person is still being chosen */
  key: string;
  person: Person | null;
  role: TeamRole;
}

let nextKey = 0;
export const newRow = (person: Person | null = null, role: TeamRole = 'junior_kam'): TeamRow => ({ key: `row-${nextKey++}`, person, role });

/** The chosen rows as the API wants them (rows without a person are dropped). */
export function teamInput(rows: TeamRow[]): { userId: string; role: TeamRole }[] {
  return rows.flatMap((r) => (r.person ? [{ userId: r.person.id, role: r.role }] : []));
}

/** Rows of person + role on the account, with add and remove. */
export function TeamEditor({
  accountId,
  rows,
  onChange,
  excludeIds,
}: {
  accountId: string;
  rows: TeamRow[];
  onChange: (rows: TeamRow[]) => void;
  /** people who may not be on the team (the owner) */
  excludeIds: string[];
}) {
  const { t } = useTranslation();
  const roleOptions = teamRoles.map((r) => ({ value: r, label: t(`tiering.team.roles.${r}`) }));
  const update = (key: string, patch: Partial<TeamRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs" data-testid="team-editor">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tiering.team.empty')}
        </Text>
      )}
      {rows.map((row, i) => {
        const others = rows.filter((r) => r.key !== row.key && r.person).map((r) => r.person!.id);
        return (
          <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start" data-testid="team-row">
            <div style={{ flex: 1, minWidth: 0 }}>
              <PersonPicker
                accountId={accountId}
                purpose="team"
                value={row.person}
                onChange={(person) => update(row.key, { person })}
                exclude={[...excludeIds, ...others]}
                placeholder={t('tiering.team.pickPerson')}
                testId={`team-person-${i}`}
                autoFocus={!row.person && i === rows.length - 1}
              />
            </div>
            <Select
              w={190}
              data={roleOptions}
              value={row.role}
              allowDeselect={false}
              onChange={(v) => v && update(row.key, { role: v as TeamRole })}
              aria-label={t('tiering.team.role')}
              comboboxProps={{ withinPortal: true }}
              data-testid={`team-role-${i}`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size={36}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              aria-label={t('tiering.team.remove', { name: row.person?.name ?? '' })}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, newRow()])}
          data-testid="team-add"
        >
          {t('tiering.team.add')}
        </Button>
      </Group>
    </Stack>
  );
}
