import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { UserSelect } from '../accounts/UserSelect';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { type AbsenceT, afterAbsenceChange, useDeputies } from './absencesApi';

const kinds = ['business_trip', 'vacation', 'sick_leave'] as const;

/** Record a new absence, or change the dates, reason or deputy of one not over yet. */
export function AbsenceModal({ absence, onClose }: { absence: AbsenceT | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const client = useQueryClient();
  const [userId, setUserId] = useState<string | null>(null);
  const [deputyId, setDeputyId] = useState<string | null>(absence?.deputy.id ?? null);
  const [kind, setKind] = useState<string>(absence?.kind ?? 'vacation');
  const [firstDay, setFirstDay] = useState<string | null>(absence?.firstDay ?? null);
  const [lastDay, setLastDay] = useState<string | null>(absence?.lastDay ?? null);
  const [note, setNote] = useState(absence?.note ?? '');
  const [missing, setMissing] = useState(false);
  const started = absence?.status === 'active';
  const deputies = useDeputies(absence ? absence.user.id : userId);

  const save = useMutation({
    mutationFn: () => {
      const body = { deputyId, kind, firstDay, lastDay, note: note.trim() || null };
      return absence
        ? api.patch<AbsenceT>(`/api/absences/${absence.id}`, started ? { ...body, firstDay: undefined } : body)
        : api.post<AbsenceT>('/api/absences', { ...body, ...(userId ? { userId } : {}) });
    },
    onSuccess: () => {
      notifySuccess(t(absence ? 'absences.saved' : 'absences.created'));
      afterAbsenceChange(client);
      onClose();
    },
    onError: (error) => showServerError(error),
  });
  const submit = () => {
    if (!deputyId || !firstDay || !lastDay) {
      setMissing(true);
      return;
    }
    save.mutate();
  };
  const required = (value: unknown) => (missing && !value ? t('validation.required') : undefined);
  const dateProps = {
    locale: lang,
    valueFormat: lang === 'ru' ? 'DD.MM.YYYY' : 'MMM D, YYYY',
    leftSection: <IconCalendar size={16} />,
    popoverProps: { withinPortal: true },
  };

  return (
    <Modal opened onClose={onClose} title={t(absence ? 'absences.editTitle' : 'absences.createTitle')}>
      <Stack>
        {!absence && (
          <UserSelect
            label={t('absences.person')}
            description={t('absences.personHint')}
            placeholder={t('absences.personPlaceholder')}
            value={userId}
            onChange={(v) => {
              setUserId(v);
              setDeputyId(null);
            }}
            data-testid="absence-person"
          />
        )}
        <Select
          label={t('absences.deputy')}
          description={t('absences.deputyHint')}
          data={(deputies.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} · ${t(`roles.${d.role}`)}` }))}
          value={deputyId}
          onChange={setDeputyId}
          searchable
          nothingFoundMessage={t('palette.nothingFound')}
          error={required(deputyId)}
          withAsterisk
          data-testid="absence-deputy"
        />
        <Select
          label={t('absences.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`absences.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
        />
        <Group grow>
          <DatePickerInput
            label={t('absences.firstDay')}
            value={firstDay}
            onChange={setFirstDay}
            disabled={started}
            error={required(firstDay)}
            withAsterisk
            data-testid="absence-first-day"
            {...dateProps}
          />
          <DatePickerInput
            label={t('absences.lastDay')}
            value={lastDay}
            onChange={setLastDay}
            minDate={firstDay ?? undefined}
            error={required(lastDay)}
            withAsterisk
            data-testid="absence-last-day"
            {...dateProps}
          />
        </Group>
        <Textarea
          label={t('absences.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={500}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="absence-save">
            {t('absences.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
