import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needStatuses, solutionStatuses } from '../../../../src/modules/plans/plans.contracts';
import { itemPath, type Plan, usePlanChange } from './planApi';
import { type ChipOption, ItemActions, SectionCard, StatusChip } from './planUi';

const colors: Record<string, string> = {
  open: 'blue',
  in_progress: 'yellow',
  met: 'teal',
  dropped: 'gray',
  proposed: 'blue',
  agreed: 'violet',
  delivered: 'teal',
};

type Section = 'needs' | 'solutions';
/** Needs and individual solutions share a shape: a title, a text and a status. */
const config = {
  needs: { text: 'detail', statuses: needStatuses },
  solutions: { text: 'description', statuses: solutionStatuses },
} as const;

interface Item {
  id: string;
  title: string;
  text: string | null;
  status: string;
  version: number;
}

export function StatusItemsCard({ plan, section }: { plan: Plan; section: Section }) {
  const { t } = useTranslation();
  const change = usePlanChange(plan.accountId);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const cfg = config[section];
  const items: Item[] = (section === 'needs' ? plan.needs : plan.solutions).map((i) => ({
    id: i.id,
    title: i.title,
    text: 'detail' in i ? i.detail : i.description,
    status: i.status,
    version: i.version,
  }));
  const options: ChipOption<string>[] = cfg.statuses.map((s) => ({
    value: s,
    label: t(`plans.${section}.statuses.${s}` as 'plans.needs.statuses.open'),
    color: colors[s] ?? 'gray',
  }));

  return (
    <SectionCard
      title={t(`plans.${section}.title`)}
      hint={t(`plans.${section}.hint`)}
      testId={`plan-${section}`}
      aside={
        plan.can.edit &&
        editing !== 'new' && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid={`add-${section}`}
          >
            {t(`plans.${section}.add`)}
          </Button>
        )
      }
    >
      <Stack gap={0}>
        {items.length === 0 && editing !== 'new' && (
          <Text size="sm" c="dimmed">
            {t(`plans.${section}.empty`)}
          </Text>
        )}
        {items.map((item) =>
          editing === item.id ? (
            <ItemForm
              key={item.id}
              section={section}
              item={item}
              options={options}
              accountId={plan.accountId}
              onDone={() => setEditing(null)}
            />
          ) : (
            <Group
              key={item.id}
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              py={8}
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-testid={`${section}-item`}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} td={item.status === 'dropped' ? 'line-through' : undefined}>
                  {item.title}
                </Text>
                {item.text && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.text}
                  </Text>
                )}
              </Stack>
              <Group gap={6} wrap="nowrap">
                <StatusChip
                  value={item.status}
                  options={options}
                  testId={`${section}-status`}
                  onChange={
                    plan.can.edit
                      ? (status) =>
                          change.mutate({ method: 'patch', path: itemPath(section, item.id), body: { status, version: item.version } })
                      : undefined
                  }
                />
                {plan.can.edit && (
                  <ItemActions
                    title={item.title}
                    onEdit={() => setEditing(item.id)}
                    onRemove={() => change.mutate({ method: 'delete', path: itemPath(section, item.id) })}
                  />
                )}
              </Group>
            </Group>
          ),
        )}
        {editing === 'new' && <ItemForm section={section} options={options} accountId={plan.accountId} onDone={() => setEditing(null)} />}
      </Stack>
      {items.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {options
            .map((o) => ({ ...o, n: items.filter((i) => i.status === o.value).length }))
            .filter((o) => o.n > 0)
            .map((o) => `${o.label}: ${o.n}`)
            .join(' · ')}
        </Text>
      )}
    </SectionCard>
  );
}

function ItemForm({
  section,
  item,
  options,
  accountId,
  onDone,
}: {
  section: Section;
  item?: Item;
  options: ChipOption<string>[];
  accountId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = usePlanChange(accountId);
  const [title, setTitle] = useState(item?.title ?? '');
  const [text, setText] = useState(item?.text ?? '');
  const [status, setStatus] = useState(item?.status ?? options[0]!.value);
  const [showText, setShowText] = useState(!!item?.text);
  const [error, setError] = useState<string | null>(null);
  const textField = config[section].text;
  const submit = () => {
    if (!title.trim()) return setError(t('validation.required'));
    const body = { title: title.trim(), [textField]: text.trim() || null, status };
    change.mutate(
      item
        ? {
            method: 'patch',
            path: itemPath(section, item.id),
            body: { ...body, version: item.version },
            form: { setFieldError: (_p, m) => setError(m) },
          }
        : { method: 'post', path: itemPath(section), body, form: { setFieldError: (_p, m) => setError(m) } },
      { onSuccess: onDone },
    );
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onDone();
  };
  return (
    <Stack gap="xs" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} data-testid={`${section}-form`}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          aria-label={t(`plans.${section}.titleLabel`)}
          placeholder={t(`plans.${section}.titlePlaceholder`)}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            keys(e);
            if (e.key === 'Enter') submit();
          }}
          error={error}
          maxLength={300}
          autoFocus
          style={{ flex: 1 }}
          data-testid={`${section}-title`}
        />
        <Select
          aria-label={t('plans.changeStatus')}
          data={options.map((o) => ({ value: o.value, label: o.label }))}
          value={status}
          onChange={(v) => v && setStatus(v)}
          allowDeselect={false}
          w={150}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {showText ? (
        <Textarea
          aria-label={t(`plans.${section}.detailLabel`)}
          placeholder={t(`plans.${section}.detailLabel`)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            keys(e);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
        />
      ) : null}
      <Group justify="space-between" gap="xs">
        {!showText ? (
          <Button size="xs" variant="subtle" color="gray" onClick={() => setShowText(true)}>
            {t('plans.moreDetails')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" loading={change.isPending} onClick={submit} data-testid={`${section}-save`}>
            {item ? t('common.save') : t('plans.add')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
