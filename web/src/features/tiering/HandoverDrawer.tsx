import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Alert, Button, Drawer, Group, SegmentedControl, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnershipHistory } from '../../../../src/modules/accounts/team.contracts';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDay } from '../../i18n/format';
import { companyToday } from './dates';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { type Person, PersonPicker } from './PersonPicker';
import { newRow, TeamEditor, type TeamRow, teamInput } from './TeamEditor';
import { type AccountTeam, invalidateAccount, ownersKey, useTeam } from './tieringApi';

/** Hand an account to a new owner from a date, with a note, keeping or changing the team (A2, B2). */
export function HandoverDrawer({
  accountId,
  accountName,
  opened,
  onClose,
  intro,
}: {
  accountId: string;
  accountName: string;
  opened: boolean;
  onClose: () => void;
  /** a line above the form, e.g. after a promotion to key */
  intro?: ReactNode;
}) {
  const { t } = useTranslation();
  const team = useTeam(accountId);
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={560}
      title={<Text fw={600}>{t('tiering.handover.title', { name: accountName })}</Text>}
    >
      {team.isPending ? (
        <Stack>
          <Skeleton h={36} />
          <Skeleton h={36} />
          <Skeleton h={80} />
        </Stack>
      ) : team.isError ? (
        <Alert color="red">{team.error.message}</Alert>
      ) : (
        <HandoverForm team={team.data} intro={intro} onClose={onClose} />
      )}
    </Drawer>
  );
}

function HandoverForm({ team, intro, onClose }: { team: AccountTeam; intro?: ReactNode; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const client = useQueryClient();
  const today = companyToday(me.company.timeZone);
  const [owner, setOwner] = useState<Person | null>(null);
  const [startDate, setStartDate] = useState<string | null>(today);
  const [note, setNote] = useState('');
  const [teamMode, setTeamMode] = useState<'keep' | 'change'>('keep');
  const [rows, setRows] = useState<TeamRow[]>(() => team.members.map((m) => newRow(m.user, m.role)));
  const [errors, setErrors] = useState<{ owner?: string; startDate?: string }>({});

  const submit = useMutation({
    mutationFn: () =>
      api.post<OwnershipHistory>(`/api/accounts/${team.accountId}/handover`, {
        toOwnerId: owner!.id,
        startDate,
        note: note.trim() || null,
        team: teamMode === 'keep' ? 'keep' : teamInput(rows).filter((m) => m.userId !== owner!.id),
      }),
    onSuccess: async (history) => {
      client.setQueryData(ownersKey(team.accountId), history);
      notifySuccess(
        startDate && startDate > history.today
          ? t('tiering.handover.scheduled', { name: owner!.name, date: formatDay(startDate, lang) })
          : t('tiering.handover.done', { name: owner!.name }),
      );
      onClose();
      await invalidateAccount(client, team.accountId);
    },
    onError: (error) => showServerError(error),
  });

  const onSubmit = () => {
    const next = { owner: owner ? undefined : t('validation.required'), startDate: startDate ? undefined : t('validation.required') };
    setErrors(next);
    if (!next.owner && !next.startDate) submit.mutate();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
      data-testid="handover-form"
    >
      <Stack gap="md">
        {intro && (
          <Alert color="violet" variant="light" icon={<IconInfoCircle size={16} />}>
            {intro}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {team.owner ? t('tiering.handover.currentOwner', { name: team.owner.name }) : t('tiering.team.noOwner')}
        </Text>
        <PersonPicker
          accountId={team.accountId}
          purpose="owner"
          label={t('tiering.handover.newOwner')}
          description={t('tiering.handover.newOwnerHint')}
          value={owner}
          onChange={(p) => {
            setOwner(p);
            setErrors((e) => ({ ...e, owner: undefined }));
          }}
          exclude={team.owner ? [team.owner.id] : []}
          error={errors.owner}
          testId="handover-owner"
          autoFocus
        />
        <DatePickerInput
          label={t('tiering.handover.startDate')}
          description={t('tiering.handover.startDateHint')}
          value={startDate}
          onChange={(v) => {
            setStartDate(v);
            setErrors((e) => ({ ...e, startDate: undefined }));
          }}
          locale={lang}
          valueFormat={lang === 'ru' ? 'DD.MM.YYYY' : 'MMM D, YYYY'}
          leftSection={<IconCalendar size={16} />}
          error={errors.startDate}
          popoverProps={{ withinPortal: true }}
          data-testid="handover-date"
        />
        <Textarea
          label={t('tiering.handover.note')}
          placeholder={t('tiering.handover.notePlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="handover-note"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('tiering.handover.team')}
          </Text>
          <SegmentedControl
            value={teamMode}
            onChange={(v) => setTeamMode(v as 'keep' | 'change')}
            data={[
              { value: 'keep', label: t('tiering.handover.keepTeam') },
              { value: 'change', label: t('tiering.handover.changeTeam') },
            ]}
            data-testid="handover-team-mode"
          />
          {teamMode === 'change' && (
            <TeamEditor accountId={team.accountId} rows={rows} onChange={setRows} excludeIds={owner ? [owner.id] : []} />
          )}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {intro ? t('tiering.handover.later') : t('common.cancel')}
          </Button>
          <Button type="submit" loading={submit.isPending} data-testid="handover-submit">
            {t('tiering.handover.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
