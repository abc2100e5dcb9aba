import { Alert, Anchor, Avatar, Badge, Breadcrumbs, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconMessagePlus, IconPencil } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AccountTab } from '../../app/router';
import { can, useCurrentUser } from '../../app/session';
import { PageSkeleton } from '../../ui/PageSkeleton';
import { initials } from '../../ui/initials';
import { CommercialTab } from '../commercial/CommercialTab';
import { AccountServiceTab } from '../complaints/AccountServiceTab';
import { CompetitorsTab } from '../competitors/CompetitorsTab';
import { StakeholdersTab } from '../contacts/StakeholdersTab';
import { NotFoundPage } from '../errors/NotFoundPage';
import { openLogDrawer } from '../interactions/logApi';
import { PlanTab } from '../plans/PlanTab';
import { AccountTasksTab } from '../tasks/AccountTasksTab';
import { AccountRequestButton } from '../requests/AccountRequestButton';
import { AccountActions, RestoreButton } from './AccountActions';
import { AccountOverview } from './AccountOverview';
import { type Account, useAccount } from './accountsApi';
import { StatusBadge, TierBadge } from './badges';
import { EditAccountDrawer } from './EditAccountDrawer';
import { TimelineTab } from './TimelineTab';

const fullTabs: AccountTab[] = ['overview', 'stakeholders', 'plan', 'commercial', 'service', 'tasks', 'competitors', 'timeline'];
/** tabs whose label lives with their own feature */
const tabLabels: Partial<Record<AccountTab, string>> = { commercial: 'commercial.tab', service: 'service.tab', tasks: 'tasks.account.tab' };
/** sales support and departments see the basic data only */
const basicTabs: AccountTab[] = ['overview', 'timeline'];

export function AccountPage() {
  const { accountId } = useParams({ from: '/app/accounts/$accountId' });
  const account = useAccount(accountId);
  if (account.isPending) return <PageSkeleton />;
  if (account.isError) throw account.error;
  if (!account.data) return <NotFoundPage />;
  return <AccountView account={account.data} />;
}

function AccountView({ account }: { account: Account }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/accounts/$accountId' });
  const [editing, editDrawer] = useDisclosure(false);
  const tabs = account.access === 'full' ? fullTabs : basicTabs;
  const mayLog = can(useCurrentUser(), 'interactions.write') && account.access === 'full' && !account.archived;
  const tab = search.tab && tabs.includes(search.tab) ? search.tab : 'overview';
  const setTab = (next: string | null) =>
    navigate({
      to: '/accounts/$accountId',
      params: { accountId: account.id },
      search: next && next !== 'overview' ? { tab: next as AccountTab } : {},
      replace: true,
    });

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to="/accounts" size="sm" c="dimmed">
          {t('accounts.title')}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={400}>
          {account.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} fz={24} data-testid="account-name">
              {account.name}
            </Title>
            <TierBadge tier={account.tier} size="lg" />
            <StatusBadge status={account.status} size="lg" />
            {account.archived && (
              <Badge size="lg" color="gray" variant="outline" leftSection={<IconArchive size={12} />}>
                {t('accounts.archivedBadge')}
              </Badge>
            )}
          </Group>
          <Group gap="md" wrap="wrap">
            <Group gap={6} wrap="nowrap">
              {account.owner && (
                <Avatar size={22} radius="xl" color="initials" name={account.owner.name}>
                  {initials(account.owner.name)}
                </Avatar>
              )}
              <Text size="sm" c="dimmed">
                {account.owner ? t('accounts.ownedBy', { name: account.owner.name }) : t('accounts.noOwner')}
              </Text>
            </Group>
            {account.legalName && (
              <Text size="sm" c="dimmed">
                {account.legalName}
              </Text>
            )}
            {account.registrationNo && (
              <Text size="sm" c="dimmed">
                {t('accounts.fields.registrationNo')}: {account.registrationNo}
              </Text>
            )}
            {account.city && (
              <Text size="sm" c="dimmed">
                {account.city}
              </Text>
            )}
          </Group>
        </Stack>
        {(account.can.edit || mayLog) && (
          <Group gap="xs" wrap="nowrap">
            {mayLog && (
              <Button
                leftSection={<IconMessagePlus size={16} />}
                onClick={() => openLogDrawer({ mode: 'new', status: 'done', kind: 'call', accountId: account.id, lockAccount: true })}
                data-testid="log-interaction"
              >
                {t('interactions.log.button')}
              </Button>
            )}
            {mayLog && <AccountRequestButton account={account} />}
            {account.can.edit && (
              <Button leftSection={<IconPencil size={16} />} variant="default" onClick={editDrawer.open} data-testid="edit-account">
                {t('common.edit')}
              </Button>
            )}
            {account.can.edit && <AccountActions account={account} />}
          </Group>
        )}
      </Group>
      {account.archived && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} data-testid="archived-alert">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('accounts.archivedText')}</Text>
            {account.can.edit && <RestoreButton account={account} />}
          </Group>
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} data-testid={`tab-${name}`}>
              {tabLabels[name] ? t(tabLabels[name] as 'commercial.tab') : t(`accounts.tabs.${name as 'overview'}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <AccountOverview account={account} onOpenTab={setTab} />
        </Tabs.Panel>
        {account.access === 'full' && (
          <>
            <Tabs.Panel value="stakeholders" pt="md">
              <StakeholdersTab account={account} />
            </Tabs.Panel>
            <Tabs.Panel value="plan" pt="md">
              <PlanTab account={account} />
            </Tabs.Panel>
            <Tabs.Panel value="commercial" pt="md">
              <CommercialTab account={account} />
            </Tabs.Panel>
            <Tabs.Panel value="service" pt="md">
              <AccountServiceTab account={account} />
            </Tabs.Panel>
            <Tabs.Panel value="tasks" pt="md">
              <AccountTasksTab account={account} />
            </Tabs.Panel>
            <Tabs.Panel value="competitors" pt="md">
              <CompetitorsTab account={account} />
            </Tabs.Panel>
          </>
        )}
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab account={account} />
        </Tabs.Panel>
      </Tabs>
      {account.can.edit && <EditAccountDrawer account={account} opened={editing} onClose={editDrawer.close} />}
    </Stack>
  );
}
