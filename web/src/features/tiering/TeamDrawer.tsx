import { Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { newRow, TeamEditor, type TeamRow, teamInput } from './TeamEditor';
import { type AccountTeam, invalidateAccount, teamKey } from './tieringApi';

/** "Edit team": replace the list of people and their roles on the account (B2). */
export function TeamDrawer({
  accountName,
  team,
  opened,
  onClose,
}: {
  accountName: string;
  team: AccountTeam;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={560}
      title={<Text fw={600}>{t('tiering.team.drawerTitle', { name: accountName })}</Text>}
    >
      <TeamForm team={team} onClose={onClose} />
    </Drawer>
  );
}

function TeamForm({ team, onClose }: { team: AccountTeam; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useState<TeamRow[]>(() => team.members.map((m) => newRow(m.user, m.role)));
  const save = useMutation({
    mutationFn: () => api.put<AccountTeam>(`/api/accounts/${team.accountId}/team`, { members: teamInput(rows), version: team.version }),
    onSuccess: async (saved) => {
      client.setQueryData(teamKey(team.accountId), saved);
      notifySuccess(t('tiering.team.saved'));
      onClose();
      await invalidateAccount(client, team.accountId);
    },
    onError: (error) => showServerError(error),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="team-form"
    >
      <Stack gap="md">
        {team.owner && (
          <Text size="sm" c="dimmed">
            {t('tiering.team.drawerIntro', { name: team.owner.name })}
          </Text>
        )}
        <TeamEditor accountId={team.accountId} rows={rows} onChange={setRows} excludeIds={team.owner ? [team.owner.id] : []} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="team-save">
            {t('tiering.team.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
