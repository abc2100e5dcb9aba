import { Alert, Button, Group, SegmentedControl, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconFileImport, IconHierarchy2, IconList, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import { can, useCurrentUser } from '../../app/session';
import { Empty } from '../../ui/Empty';
import { ArchiveConfirm, useToggleArchived } from './ArchiveConfirm';
import { ContactDrawer } from './ContactDrawer';
import { type Contact, useContacts, useRelationshipMap } from './contactsApi';
import { MapWarnings } from './MapWarnings';
import { RelationshipMap } from './RelationshipMap';
import { StakeholdersTable } from './StakeholdersTable';

type View = 'list' | 'map';

/** The account's stakeholders (A3): a list and the relationship map, with the risks they show. */
export function StakeholdersTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [view, setView] = useLocalStorage<View>({ key: 'grove.stakeholders.view', defaultValue: 'list' });
  const [archived, setArchived] = useState(false);
  const [drawer, setDrawer] = useState<{ contact: Contact | null } | null>(null);
  const [archiving, setArchiving] = useState<Contact | null>(null);
  const restore = useToggleArchived(account.id);
  const map = useRelationshipMap(account.id);
  const list = useContacts(account.id, archived ? 'true' : 'false');
  const canEdit = account.can.edit;
  const people = map.data?.nodes ?? [];

  if (map.isError) return <Alert color="red">{map.error.message}</Alert>;
  if (!map.data) return <Skeleton h={320} />;

  const open = (contact: Contact | null) => setDrawer({ contact });
  const addButton = canEdit && (
    <Button leftSection={<IconUserPlus size={16} />} onClick={() => open(null)} data-testid="add-stakeholder">
      {t('contacts.add')}
    </Button>
  );
  const drawers = (
    <>
      <ContactDrawer
        account={account}
        contact={drawer?.contact ?? null}
        opened={!!drawer}
        onClose={() => setDrawer(null)}
        people={people}
      />
      <ArchiveConfirm accountId={account.id} contact={archiving} onClose={() => setArchiving(null)} />
    </>
  );

  if (people.length === 0 && !archived) {
    return (
      <>
        <Empty
          icon={<IconUsersGroup size={22} />}
          title={t('contacts.empty.title')}
          text={
            canEdit
              ? `${t('contacts.empty.text', { account: account.name })} ${t('contacts.empty.importHint')}`
              : t('contacts.empty.readOnly', { account: account.name })
          }
          action={
            canEdit && (
              <Group gap="xs">
                {addButton}
                {can(me, 'imports.run') && (
                  <Button component={Link} to="/settings/imports" variant="default" leftSection={<IconFileImport size={16} />}>
                    {t('contacts.empty.import')}
                  </Button>
                )}
              </Group>
            )
          }
        />
        <Group justify="center">
          <Switch size="xs" label={t('contacts.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        </Group>
        {drawers}
      </>
    );
  }

  const viewSwitch = (
    <Group gap="md" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={view}
        onChange={(v) => setView(v as View)}
        data={[
          {
            value: 'list',
            label: (
              <Group gap={6} wrap="nowrap">
                <IconList size={14} />
                {t('contacts.views.list')}
              </Group>
            ),
          },
          {
            value: 'map',
            label: (
              <Group gap={6} wrap="nowrap">
                <IconHierarchy2 size={14} />
                {t('contacts.views.map')}
              </Group>
            ),
          },
        ]}
        data-testid="stakeholders-view"
      />
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('contacts.count', { count: people.length })}
      </Text>
    </Group>
  );

  if (view === 'map')
    return (
      <div data-testid="stakeholders">
        <RelationshipMap
          account={account}
          map={map.data}
          onOpen={open}
          leading={viewSwitch}
          trailing={addButton}
          above={<MapWarnings warnings={map.data.warnings} people={people} compact />}
        />
        {drawers}
      </div>
    );

  return (
    <Stack gap="sm" data-testid="stakeholders">
      <Group justify="space-between" wrap="nowrap">
        {viewSwitch}
        <Group gap="md" wrap="nowrap">
          <Switch size="xs" label={t('contacts.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
          {addButton}
        </Group>
      </Group>
      <MapWarnings warnings={map.data.warnings} people={people} />
      {archived && list.data?.items.length === 0 ? (
        <Empty icon={<IconUsersGroup size={22} />} title={t('contacts.empty.archivedTitle')} text={t('contacts.empty.archivedText')} />
      ) : (
        <StakeholdersTable
          items={list.data?.items}
          canEdit={canEdit}
          onOpen={open}
          onArchive={(c) => (c.archived ? restore.mutate(c) : setArchiving(c))}
        />
      )}
      {drawers}
    </Stack>
  );
}
