import { Button, Group, Paper, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconListSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { can, useCurrentUser } from '../../app/session';
import type { AuditListT } from '../../app/types';
import { Empty } from '../../ui/Empty';
import { PageHeader } from '../../ui/PageHeader';
import { TableFooter } from '../../ui/TableFooter';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ManagerSelect } from '../users/ManagerSelect';
import { AuditTable } from './AuditTable';

const LIMIT = 50;

/** yyyy-mm-dd (local day) to an ISO instant at the start or the end of that day. */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function AuditPage() {
  const me = useCurrentUser();
  if (!can(me, 'audit.read')) return <NotFoundPage />;
  return <AuditLog />;
}

function AuditLog() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [entity, setEntity] = useState('');
  const [actorId, setActorId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const [debouncedEntity] = useDebouncedValue(entity.trim(), 300);
  const [pickerKey, setPickerKey] = useState(0);

  const query = {
    action: debouncedAction,
    entity: debouncedEntity,
    actorId,
    from: dayBound(from, false),
    to: dayBound(to, true),
    limit: LIMIT,
    offset,
  };
  const audit = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<AuditListT>('/api/audit', query),
    placeholderData: keepPreviousData,
  });
  const filtered = !!(action || entity || actorId || from || to);
  const clear = () => {
    setAction('');
    setEntity('');
    setActorId(null);
    setFrom('');
    setTo('');
    setOffset(0);
    setPickerKey((k) => k + 1);
  };
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Paper withBorder radius="md">
        <Group gap="sm" p="sm" align="flex-end" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <TextInput
            label={t('audit.action')}
            placeholder={t('audit.actionPlaceholder')}
            value={action}
            onChange={(e) => reset(setAction)(e.currentTarget.value)}
            w={190}
          />
          <TextInput
            label={t('audit.entity')}
            placeholder={t('audit.entityPlaceholder')}
            value={entity}
            onChange={(e) => reset(setEntity)(e.currentTarget.value)}
            w={160}
          />
          <div style={{ width: 230 }}>
            <ManagerSelect key={pickerKey} label={t('audit.actor')} value={actorId} onChange={reset(setActorId)} />
          </div>
          <TextInput type="date" label={t('audit.from')} value={from} onChange={(e) => reset(setFrom)(e.currentTarget.value)} w={150} />
          <TextInput type="date" label={t('audit.to')} value={to} onChange={(e) => reset(setTo)(e.currentTarget.value)} w={150} />
          {filtered && (
            <Button variant="subtle" color="gray" onClick={clear} leftSection={<IconFilterOff size={14} />}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>
        {audit.isError ? (
          <Empty icon={<IconListSearch size={28} />} title={t('common.somethingWrong')} text={audit.error.message} />
        ) : audit.data && audit.data.items.length === 0 ? (
          filtered ? (
            <Empty
              icon={<IconListSearch size={28} />}
              title={t('audit.emptyTitle')}
              text={t('audit.emptyText')}
              action={
                <Button variant="light" onClick={clear}>
                  {t('common.clearFilters')}
                </Button>
              }
            />
          ) : (
            <Empty icon={<IconListSearch size={28} />} title={t('audit.emptyAllTitle')} text={t('audit.emptyAllText')} />
          )
        ) : (
          <AuditTable items={audit.data?.items} />
        )}
        <TableFooter offset={offset} limit={LIMIT} total={audit.data?.total ?? 0} onOffset={setOffset} />
      </Paper>
    </>
  );
}
