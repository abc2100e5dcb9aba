import { Badge, Button, Divider, Drawer, Group, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateCompetitorRequest } from '../../../../src/modules/competitors/competitors.contracts';
import { notifySuccess, showServerError, zodValidate } from '../../ui/formErrors';
import { useFormat } from '../plans/planUi';
import { type CompetitorDetail, useCompetitor, useSaveCompetitor } from './competitorsApi';
import { AccountLink, ThreatBadge } from './competitorsUi';

interface Values {
  name: string;
  website: string;
  strengths: string;
  weaknesses: string;
  notes: string;
}
const empty: Values = { name: '', website: '', strengths: '', weaknesses: '', notes: '' };
const toRequest = (v: Values) => ({
  name: v.name.trim(),
  website: v.website.trim() || null,
  strengths: v.strengths.trim() || null,
  weaknesses: v.weaknesses.trim() || null,
  notes: v.notes.trim() || null,
});
const fromDetail = (c: CompetitorDetail): Values => ({
  name: c.name,
  website: c.website ?? '',
  strengths: c.strengths ?? '',
  weaknesses: c.weaknesses ?? '',
  notes: c.notes ?? '',
});

/** A competitor: its card in the catalogue (editable by writers) and where it is present. */
export function CompetitorDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: string | 'new' | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = open && open !== 'new' ? open : null;
  const detail = useCompetitor(id);
  const save = useSaveCompetitor();
  const form = useForm<Values>({ initialValues: empty, validate: zodValidate<Values>(CreateCompetitorRequest, toRequest) });
  const c = detail.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record opens or it is saved
  useEffect(() => {
    const values = open === 'new' || !c ? empty : fromDetail(c);
    form.setValues(values);
    form.resetDirty(values);
  }, [open, c?.id, c?.version]);
  const editable = open === 'new' || !!c?.can.edit;

  const submit = (v: Values) =>
    save.mutate(id && c ? { id, body: { ...toRequest(v), version: c.version } } : { body: toRequest(v) }, {
      onSuccess: (saved) => {
        notifySuccess(id ? t('competitors.saved') : t('competitors.created', { name: saved.name }));
        if (!id) onCreated(saved.id);
      },
      onError: (error) => showServerError(error, form),
    });
  const toggleArchive = () =>
    c &&
    save.mutate(
      { id: c.id, body: { archived: !c.archived, version: c.version } },
      {
        onSuccess: (saved) =>
          notifySuccess(t(saved.archived ? 'competitors.archivedToast' : 'competitors.restoredToast', { name: saved.name })),
        onError: (error) => showServerError(error),
      },
    );

  return (
    <Drawer
      opened={!!open}
      onClose={onClose}
      position="right"
      size={520}
      title={open === 'new' ? t('competitors.newTitle') : (c?.name ?? '')}
      data-testid="competitor-drawer"
    >
      {id && !c ? (
        <Stack>
          <Skeleton h={36} />
          <Skeleton h={120} />
        </Stack>
      ) : (
        <Stack gap="md">
          {c?.archived && (
            <Badge color="gray" variant="outline" leftSection={<IconArchive size={12} />}>
              {t('competitors.archivedBadge')}
            </Badge>
          )}
          <form onSubmit={form.onSubmit(submit)} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('competitors.fields.name')}
                required
                readOnly={!editable}
                maxLength={200}
                data-autofocus
                {...form.getInputProps('name')}
                data-testid="competitor-name"
              />
              <TextInput
                label={t('competitors.fields.website')}
                placeholder={t('competitors.fields.websitePlaceholder')}
                readOnly={!editable}
                maxLength={300}
                {...form.getInputProps('website')}
              />
              <Textarea
                label={t('competitors.fields.strengths')}
                autosize
                minRows={2}
                maxRows={8}
                readOnly={!editable}
                {...form.getInputProps('strengths')}
              />
              <Textarea
                label={t('competitors.fields.weaknesses')}
                autosize
                minRows={2}
                maxRows={8}
                readOnly={!editable}
                {...form.getInputProps('weaknesses')}
              />
              <Textarea
                label={t('competitors.fields.notes')}
                autosize
                minRows={2}
                maxRows={8}
                readOnly={!editable}
                {...form.getInputProps('notes')}
              />
              {editable && (
                <Group justify="space-between">
                  {c ? (
                    <Button
                      variant="subtle"
                      color={c.archived ? 'teal' : 'gray'}
                      leftSection={c.archived ? <IconRestore size={16} /> : <IconArchive size={16} />}
                      onClick={toggleArchive}
                      title={t('competitors.archiveHint')}
                    >
                      {c.archived ? t('competitors.restore') : t('competitors.archive')}
                    </Button>
                  ) : (
                    <span />
                  )}
                  <Button type="submit" loading={save.isPending} disabled={!!c && !form.isDirty()} data-testid="competitor-save">
                    {c ? t('common.save') : t('competitors.create')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
          {c && <Presence competitor={c} />}
        </Stack>
      )}
    </Drawer>
  );
}

function Presence({ competitor }: { competitor: CompetitorDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <Divider label={`${t('competitors.detail.presence')} · ${competitor.accountCount}`} labelPosition="left" />
      {competitor.presence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('competitors.detail.noPresence')}
        </Text>
      ) : (
        <Stack gap={6}>
          {competitor.presence.map((p) => (
            <Group key={p.id} justify="space-between" wrap="nowrap">
              <AccountLink accountId={p.account.id} size="sm">
                {p.account.name}
              </AccountLink>
              <Group gap={6} wrap="nowrap">
                {p.shareOfWallet !== null && (
                  <Text size="xs" c="dimmed">
                    {p.shareOfWallet} %
                  </Text>
                )}
                <ThreatBadge threat={p.threat} size="sm" />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {competitor.lostAccounts.length > 0 && (
        <>
          <Divider label={t('competitors.detail.lost')} labelPosition="left" />
          <Stack gap={4}>
            {competitor.lostAccounts.map((a) => (
              <Group key={a.id} justify="space-between" wrap="nowrap">
                <AccountLink accountId={a.id} tab="overview" size="sm">
                  {a.name}
                </AccountLink>
                {a.lostDate && (
                  <Text size="xs" c="dimmed">
                    {t('competitors.detail.lostOn', { date: f.day(a.lostDate) })}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </>
      )}
    </>
  );
}
