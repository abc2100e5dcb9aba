import { Badge, Button, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { PageHeader } from '../../ui/PageHeader';
import { NotFoundPage } from '../errors/NotFoundPage';
import { CatalogueTab } from './CatalogueTab';
import { CompetitorDrawer } from './CompetitorDrawer';
import { useThreats } from './competitorsApi';
import { ThreatsTab } from './ThreatsTab';

/** The competitor catalogue and where competitors threaten our accounts (A6, JD 2.12). */
export function CompetitorsPage() {
  const me = useCurrentUser();
  if (!can(me, 'competitors.read')) return <NotFoundPage />;
  return <Competitors />;
}

function Competitors() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [tab, setTab] = useState<string | null>('catalogue');
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const threats = useThreats({ limit: 1, offset: 0 });
  const threatCount = threats.data ? threats.data.counts.high + threats.data.counts.medium : 0;
  return (
    <>
      <PageHeader
        title={t('competitors.title')}
        subtitle={t('competitors.subtitle')}
        actions={
          can(me, 'competitors.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')} data-testid="new-competitor">
              {t('competitors.newCompetitor')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="catalogue" data-testid="tab-catalogue">
            {t('competitors.tabs.catalogue')}
          </Tabs.Tab>
          <Tabs.Tab
            value="threats"
            data-testid="tab-threats"
            rightSection={
              threatCount > 0 ? (
                <Badge size="xs" color={threats.data?.counts.high ? 'red' : 'orange'} variant="filled" circle={threatCount < 10}>
                  {threatCount}
                </Badge>
              ) : undefined
            }
          >
            {t('competitors.tabs.threats')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="catalogue">
          <CatalogueTab onOpen={setOpen} onNew={() => setOpen('new')} />
        </Tabs.Panel>
        <Tabs.Panel value="threats">
          <ThreatsTab />
        </Tabs.Panel>
      </Tabs>
      <CompetitorDrawer open={open} onClose={() => setOpen(null)} onCreated={(id) => setOpen(id)} />
    </>
  );
}
