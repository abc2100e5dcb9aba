import { ActionIcon, Avatar, Badge, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconDots, IconMail, IconPencil, IconPhone } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { formatDate } from '../../i18n/format';
import { initials } from '../../ui/initials';
import { TableSkeletonRows } from '../../ui/PageSkeleton';
import { PlainTh, SortableTh } from '../../ui/SortableTh';
import { AttitudeBadge, BuyingRoleBadge, Dots } from './contactOptions';
import type { Contact } from './contactsApi';

type SortField = 'name' | 'buyingRole' | 'influence' | 'attitude' | 'strength' | 'lastContact';
const roleRank = ['decision_maker', 'economic_buyer', 'champion', 'influencer', 'user', 'gatekeeper'];
const attitudeRank = ['supporter', 'neutral', 'opponent'];

/** Sort key: nulls always last, whatever the direction. */
function keyOf(c: Contact, field: SortField): string | number | null {
  switch (field) {
    case 'name':
      return c.fullName.toLowerCase();
    case 'buyingRole':
      return c.buyingRole ? roleRank.indexOf(c.buyingRole) : null;
    case 'influence':
      return c.influence;
    case 'attitude':
      return c.attitude ? attitudeRank.indexOf(c.attitude) : null;
    case 'strength':
      return c.relationshipStrength;
    case 'lastContact':
      return c.lastContactOn;
  }
}

interface Props {
  items: Contact[] | undefined;
  canEdit: boolean;
  onOpen: (c: Contact) => void;
  onArchive: (c: Contact) => void;
}

export function StakeholdersTable({ items, canEdit, onOpen, onArchive }: Props) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [sort, setSort] = useState<{ field: SortField; order: 'asc' | 'desc' }>({ field: 'influence', order: 'desc' });
  const sorted = useMemo(() => {
    if (!items) return undefined;
    const dir = sort.order === 'asc' ? 1 : -1;
    return [...items].sort((a, b) => {
      const ka = keyOf(a, sort.field);
      const kb = keyOf(b, sort.field);
      if (ka === kb) return a.fullName.localeCompare(b.fullName, lang);
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * dir;
    });
  }, [items, sort, lang]);
  const th = (field: SortField, label: string, width?: number) => (
    <SortableTh
      active={sort.field === field}
      order={sort.order}
      width={width}
      onSort={() =>
        setSort((s) => ({ field, order: s.field === field ? (s.order === 'asc' ? 'desc' : 'asc') : field === 'name' ? 'asc' : 'desc' }))
      }
    >
      {label}
    </SortableTh>
  );

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover stickyHeader horizontalSpacing="xs" data-testid="stakeholders-table">
        <Table.Thead>
          <Table.Tr>
            {th('name', t('contacts.columns.name'))}
            {th('buyingRole', t('contacts.columns.buyingRole'))}
            {th('influence', t('contacts.columns.influence'))}
            {th('attitude', t('contacts.columns.attitude'))}
            {th('strength', t('contacts.columns.strength'))}
            <PlainTh>{t('contacts.columns.owner')}</PlainTh>
            <PlainTh>{t('contacts.columns.reportsTo')}</PlainTh>
            {th('lastContact', t('contacts.columns.lastContact'))}
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!sorted ? (
            <TableSkeletonRows columns={9} rows={4} />
          ) : (
            sorted.map((c) => (
              <Table.Tr
                key={c.id}
                className="grove-row-clickable"
                onClick={() => onOpen(c)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(c);
                }}
                tabIndex={0}
                data-testid="stakeholder-row"
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap" maw={230}>
                    <Text size="sm" fw={600} lh={1.3}>
                      {c.fullName}
                    </Text>
                    {c.archived && (
                      <Badge size="xs" color="gray">
                        {t('contacts.archivedBadge')}
                      </Badge>
                    )}
                  </Group>
                  {c.title && (
                    <Text size="xs" c="dimmed" truncate maw={230} title={c.title}>
                      {c.title}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{c.buyingRole ? <BuyingRoleBadge role={c.buyingRole} /> : <None />}</Table.Td>
                <Table.Td>{c.influence ? <Dots value={c.influence} kind="influence" /> : <None />}</Table.Td>
                <Table.Td>{c.attitude ? <AttitudeBadge attitude={c.attitude} /> : <None />}</Table.Td>
                <Table.Td>{c.relationshipStrength ? <Dots value={c.relationshipStrength} kind="strength" /> : <None />}</Table.Td>
                <Table.Td>
                  {c.relationOwner ? (
                    <Group gap={6} wrap="nowrap">
                      <Avatar size={22} radius="xl" color="teal">
                        {initials(c.relationOwner.name)}
                      </Avatar>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }} fw={c.relationOwner.id === me.id ? 500 : undefined}>
                        {c.relationOwner.name}
                      </Text>
                    </Group>
                  ) : (
                    <None />
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.reportsTo ? undefined : 'dimmed'} maw={170} lh={1.3}>
                    {c.reportsTo?.name ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm" c={c.lastContactOn ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                      {c.lastContactOn ? formatDate(`${c.lastContactOn}T12:00:00`, lang) : '—'}
                    </Text>
                    <ContactLinks contact={c} />
                  </Group>
                </Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  {canEdit && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('contacts.actions.menu', { name: c.fullName })}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onOpen(c)}>
                          {t('contacts.actions.edit')}
                        </Menu.Item>
                        <Menu.Item
                          leftSection={c.archived ? <IconArchiveOff size={14} /> : <IconArchive size={14} />}
                          color={c.archived ? undefined : 'red'}
                          onClick={() => onArchive(c)}
                        >
                          {c.archived ? t('contacts.actions.restore') : t('contacts.actions.archive')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function None() {
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

/** E-mail and phone as icon links; the address shows on hover and is the link's name. */
function ContactLinks({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!contact.email && !contact.phone) return null;
  return (
    <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
      {contact.email && (
        <Tooltip label={contact.email} openDelay={200}>
          <ActionIcon
            component="a"
            href={`mailto:${contact.email}`}
            variant="light"
            size="sm"
            aria-label={t('contacts.actions.email', { email: contact.email })}
          >
            <IconMail size={14} />
          </ActionIcon>
        </Tooltip>
      )}
      {contact.phone && (
        <Tooltip label={contact.phone} openDelay={200}>
          <ActionIcon
            component="a"
            href={`tel:${telOf(contact.phone)}`}
            variant="light"
            size="sm"
            aria-label={t('contacts.actions.call', { phone: contact.phone })}
          >
            <IconPhone size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** The number to dial: digits and a leading +, without an extension. */
function telOf(phone: string): string {
  return (phone.split(/\s*(?:ext|доб|x)\.?\s*\d/i)[0] ?? phone).replace(/[^\d+]/g, '');
}
