import { ActionIcon, Badge, Button, Card, Grid, Group, NumberInput, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { notifySuccess, showServerError } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import { NotFoundPage } from '../errors/NotFoundPage';
import { type ChecklistKind, type ChecklistTemplate, useChecklists } from '../interactions/logApi';
import { type AccountTier, type Cadence, useCadences, useSaveCadences, useSaveChecklist } from './planApi';

const tiers: AccountTier[] = ['key', 'potential', 'regular'];
const kinds: ChecklistKind[] = ['training', 'merchandising'];

/** Settings: how often each tier is visited and called, and the training and merchandising checklists (C2, C4). */
export function CadencesPage() {
  const me = useCurrentUser();
  if (!can(me, 'plan.configure')) return <NotFoundPage />;
  return <Cadences />;
}

function Cadences() {
  const { t } = useTranslation();
  const checklists = useChecklists();
  return (
    <>
      <PageHeader title={t('weekPlan.settings.title')} subtitle={t('weekPlan.settings.subtitle')} />
      <Stack gap="lg">
        <CadenceCard />
        <div>
          <Title order={4} fz="md">
            {t('weekPlan.settings.checklists')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('weekPlan.settings.checklistsHint')}
          </Text>
          <Grid>
            {kinds.map((kind) => (
              <Grid.Col key={kind} span={{ base: 12, md: 6 }}>
                {checklists.data ? (
                  <ChecklistCard kind={kind} template={checklists.data.items.find((c) => c.kind === kind)} />
                ) : (
                  <Skeleton h={240} />
                )}
              </Grid.Col>
            ))}
          </Grid>
        </div>
      </Stack>
    </>
  );
}

type Row = { visit: number | string; call: number | string };

function CadenceCard() {
  const { t } = useTranslation();
  const cadences = useCadences();
  const save = useSaveCadences();
  const [rows, setRows] = useState<Record<AccountTier, Row> | null>(null);
  useEffect(() => {
    if (!cadences.data) return;
    const byTier = Object.fromEntries(
      tiers.map((tier) => {
        const c = cadences.data.items.find((x) => x.tier === tier);
        return [tier, { visit: c?.visitEveryDays ?? '', call: c?.callEveryDays ?? '' }];
      }),
    ) as Record<AccountTier, Row>;
    setRows(byTier);
  }, [cadences.data]);
  const value = (v: number | string) => (typeof v === 'number' && v >= 1 ? v : null);
  const submit = () => {
    if (!rows) return;
    const items: Cadence[] = tiers.map((tier) => ({
      tier,
      visitEveryDays: value(rows[tier].visit),
      callEveryDays: value(rows[tier].call),
    }));
    save.mutate(items, { onSuccess: () => notifySuccess(t('weekPlan.settings.saved')), onError: (e) => showServerError(e) });
  };
  return (
    <Card withBorder radius="md" data-testid="cadences-card">
      <Title order={4} fz="md">
        {t('weekPlan.settings.cadences')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('weekPlan.settings.cadencesHint')}
      </Text>
      {!rows ? (
        <Skeleton h={140} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Table verticalSpacing="xs" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('weekPlan.settings.tier')}</Table.Th>
                <Table.Th>{t('weekPlan.settings.visitEvery')}</Table.Th>
                <Table.Th>{t('weekPlan.settings.callEvery')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tiers.map((tier) => (
                <Table.Tr key={tier}>
                  <Table.Td fw={500}>{t(`weekPlan.coverage.tiers.${tier}`)}</Table.Td>
                  {(['visit', 'call'] as const).map((k) => (
                    <Table.Td key={k}>
                      <NumberInput
                        value={rows[tier][k]}
                        onChange={(v) => setRows({ ...rows, [tier]: { ...rows[tier], [k]: v } })}
                        min={1}
                        max={365}
                        allowDecimal={false}
                        placeholder={t('weekPlan.settings.none')}
                        aria-label={`${t(`weekPlan.coverage.tiers.${tier}`)}: ${t(k === 'visit' ? 'weekPlan.settings.visitEvery' : 'weekPlan.settings.callEvery')}`}
                        w={140}
                        size="xs"
                        data-testid={`cadence-${tier}-${k}`}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="sm">
            <Button type="submit" loading={save.isPending} data-testid="cadences-save">
              {t('weekPlan.settings.save')}
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

function ChecklistCard({ kind, template }: { kind: ChecklistKind; template: ChecklistTemplate | undefined }) {
  const { t } = useTranslation();
  const save = useSaveChecklist();
  const [items, setItems] = useState<string[]>(template?.items ?? ['']);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setItems(template?.items ?? ['']), [template]);
  const submit = () => {
    const clean = items.map((i) => i.trim()).filter(Boolean);
    if (!clean.length) return setError(t('weekPlan.settings.needItem'));
    setError(null);
    save.mutate(
      { kind, items: clean },
      { onSuccess: () => notifySuccess(t('weekPlan.settings.saved')), onError: (e) => showServerError(e) },
    );
  };
  return (
    <Card withBorder radius="md" h="100%" data-testid={`checklist-${kind}`}>
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t(`weekPlan.settings.kinds.${kind}`)}</Title>
        <Badge variant="light" color={template?.custom ? 'teal' : 'gray'}>
          {template?.custom ? t('weekPlan.settings.custom') : t('weekPlan.settings.builtIn')}
        </Badge>
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap={6}>
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in an editable list
            <Group key={index} gap={4} wrap="nowrap">
              <TextInput
                value={item}
                onChange={(e) => {
                  const next = [...items];
                  next[index] = e.currentTarget.value;
                  setItems(next);
                }}
                aria-label={t('weekPlan.settings.item', { n: index + 1 })}
                maxLength={200}
                size="xs"
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('weekPlan.settings.removeItem')}
                onClick={() => setItems(items.filter((_, i) => i !== index))}
                disabled={items.length <= 1}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
          {error && (
            <Text size="xs" c="red">
              {error}
            </Text>
          )}
          <Group justify="space-between" mt="xs">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setItems([...items, ''])}
              disabled={items.length >= 30}
            >
              {t('weekPlan.settings.addItem')}
            </Button>
            <Button type="submit" size="xs" loading={save.isPending} data-testid={`checklist-${kind}-save`}>
              {t('weekPlan.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
