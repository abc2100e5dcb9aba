import { Badge, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconBeach, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCurrentUser } from '../../app/session';
import { formatDay } from '../../i18n/format';
import { Empty } from '../../ui/Empty';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PlainTh } from '../../ui/SortableTh';
import { Section } from '../profile/Section';
import { AbsenceModal } from './AbsenceModal';
import { type AbsenceScope, type AbsenceT, afterAbsenceChange, useAbsences } from './absencesApi';

const statusColor = { upcoming: 'blue', active: 'green', over: 'gray' } as const;

/** The profile's absences: record one with a deputy, change it, end it early or delete one not started (B3). */
export function AbsencesSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const me = useCurrentUser();
  const client = useQueryClient();
  const scopes: AbsenceScope[] = ['mine', 'covering', 'team', ...(['admin', 'head', 'hr'].includes(me.role) ? (['all'] as const) : [])];
  const [scope, setScope] = useState<AbsenceScope>('mine');
  const [past, setPast] = useState(false);
  const [editing, setEditing] = useState<AbsenceT | 'new' | null>(null);
  const [confirm, setConfirm] = useState<{ absence: AbsenceT; action: 'end' | 'remove' } | null>(null);
  const list = useAbsences(scope, past);
  const act = useMutation({
    mutationFn: ({ absence, action }: { absence: AbsenceT; action: 'end' | 'remove' }) =>
      action === 'end' ? api.post(`/api/absences/${absence.id}/end`) : api.delete(`/api/absences/${absence.id}`),
    onSuccess: (_, { action }) => {
      notifySuccess(t(action === 'end' ? 'absences.ended' : 'absences.removed'));
      setConfirm(null);
      afterAbsenceChange(client);
    },
    onError: (error) => showServerError(error),
  });
  const mayChange = (a: AbsenceT) => me.role !== 'hr' || a.user.id === me.id;

  return (
    <Section
      title={t('absences.title')}
      text={t('absences.text')}
      aside={
        <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="absence-new">
          {t('absences.newAbsence')}
        </Button>
      }
    >
      <Stack>
        <Group justify="space-between">
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as AbsenceScope)}
            data={scopes.map((s) => ({ value: s, label: t(`absences.scope.${s}`) }))}
          />
          <Checkbox label={t('absences.showPast')} checked={past} onChange={(e) => setPast(e.currentTarget.checked)} />
        </Group>
        {list.data && list.data.items.length === 0 ? (
          <Empty icon={<IconBeach size={26} />} title={t('absences.emptyTitle')} text={t('absences.emptyText')} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="absences-table">
              <Table.Thead>
                <Table.Tr>
                  <PlainTh>{t('absences.columns.person')}</PlainTh>
                  <PlainTh>{t('absences.columns.deputy')}</PlainTh>
                  <PlainTh>{t('absences.columns.kind')}</PlainTh>
                  <PlainTh>{t('absences.columns.dates')}</PlainTh>
                  <PlainTh>{t('absences.columns.status')}</PlainTh>
                  <PlainTh>{''}</PlainTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.items ?? []).map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.user.name}</Table.Td>
                    <Table.Td>{a.deputy.name}</Table.Td>
                    <Table.Td>{t(`absences.kinds.${a.kind}`)}</Table.Td>
                    <Table.Td>{t('absences.dates', { from: formatDay(a.firstDay, lang), to: formatDay(a.lastDay, lang) })}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[a.status]} variant="light">
                        {t(`absences.status.${a.status}`)}
                      </Badge>
                      {a.endedAt && (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {t('absences.endedEarly')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {mayChange(a) && a.status !== 'over' && (
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="xs" variant="subtle" onClick={() => setEditing(a)}>
                            {t('common.edit')}
                          </Button>
                          {a.status === 'active' ? (
                            <Button size="xs" variant="light" color="orange" onClick={() => setConfirm({ absence: a, action: 'end' })}>
                              {t('absences.end')}
                            </Button>
                          ) : (
                            <Button size="xs" variant="subtle" color="red" onClick={() => setConfirm({ absence: a, action: 'remove' })}>
                              {t('absences.remove')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing && <AbsenceModal absence={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <Modal
        opened={!!confirm}
        onClose={() => setConfirm(null)}
        title={confirm ? t(confirm.action === 'end' ? 'absences.endTitle' : 'absences.removeTitle') : ''}
      >
        {confirm && (
          <Stack>
            <Text size="sm">
              {confirm.action === 'end'
                ? t('absences.endText', { deputy: confirm.absence.deputy.name, name: confirm.absence.user.name })
                : t('absences.removeText')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('common.cancel')}
              </Button>
              <Button color={confirm.action === 'end' ? 'orange' : 'red'} loading={act.isPending} onClick={() => act.mutate(confirm)}>
                {t(confirm.action === 'end' ? 'absences.end' : 'absences.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Section>
  );
}
