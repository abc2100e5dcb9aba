import { Anchor, Button, Card, Group, Stack } from '@mantine/core';
import { IconArrowRight, IconMessages, IconMoodSad, IconPlus, IconSend } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../../app/session';
import { CardTitle } from '../../ui/CardTitle';
import { Empty } from '../../ui/Empty';
import { TableFooter } from '../../ui/TableFooter';
import type { Account } from '../accounts/accountsApi';
import { InteractionDrawer } from '../interactions/InteractionDrawer';
import { InteractionsTable } from '../interactions/InteractionsTable';
import { useInteractions } from '../interactions/interactionsApi';
import { ComplaintDrawer } from './ComplaintDrawer';
import { ComplaintsTable } from './ComplaintsTable';
import { useComplaints } from './complaintsApi';
import { NewComplaintDrawer } from './NewComplaintDrawer';
import { SendSurveyModal } from './SendSurveyModal';

const LIMIT = 5;

/** The account's service tab: its complaints and its recent interactions, each with a way to the full list. */
export function AccountServiceTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = can(me, 'complaints.write');
  const [surveying, setSurveying] = useState(false);
  const [creating, setCreating] = useState(false);
  const [complaintOffset, setComplaintOffset] = useState(0);
  const [interactionOffset, setInteractionOffset] = useState(0);
  const [complaint, setComplaint] = useState<string | null>(null);
  const [interaction, setInteraction] = useState<string | null>(null);
  const complaints = useComplaints({ accountId: account.id }, LIMIT, complaintOffset);
  const interactions = useInteractions({ accountId: account.id }, LIMIT, interactionOffset);

  return (
    <Stack gap="md" data-testid="service-tab">
      {canWrite && (
        <Group justify="flex-end" gap="xs">
          <Link to="/acts" search={{ account: account.id }} data-testid="account-acts">
            <Button variant="default" component="span">
              {t('nav.acts')}
            </Button>
          </Link>
          <Button variant="default" leftSection={<IconSend size={15} />} onClick={() => setSurveying(true)} data-testid="send-survey">
            {t('service.surveys.send')}
          </Button>
          <Button leftSection={<IconPlus size={15} />} onClick={() => setCreating(true)}>
            {t('service.list.newComplaint')}
          </Button>
        </Group>
      )}
      <ListCard
        title={t('service.account.complaints')}
        subtitle={t('service.account.complaintsSubtitle')}
        all={
          <AllLink to="/service" account={account.id}>
            {t('service.account.allComplaints')}
          </AllLink>
        }
        total={complaints.data?.total}
        empty={<Empty icon={<IconMoodSad size={26} />} title={t('service.emptyTitle')} text={t('service.emptyText')} />}
        offset={complaintOffset}
        onOffset={setComplaintOffset}
      >
        <ComplaintsTable items={complaints.data?.items} onOpen={setComplaint} withAccount={false} />
      </ListCard>
      <ListCard
        title={t('service.account.interactions')}
        subtitle={t('interactions.accountSubtitle')}
        all={
          <AllLink to="/interactions" account={account.id}>
            {t('interactions.allForAccount')}
          </AllLink>
        }
        total={interactions.data?.total}
        empty={<Empty icon={<IconMessages size={26} />} title={t('interactions.emptyTitle')} text={t('interactions.emptyText')} />}
        offset={interactionOffset}
        onOffset={setInteractionOffset}
      >
        <InteractionsTable items={interactions.data?.items} onOpen={setInteraction} withAccount={false} />
      </ListCard>
      <ComplaintDrawer id={complaint} onClose={() => setComplaint(null)} />
      <SendSurveyModal accountId={account.id} opened={surveying} onClose={() => setSurveying(false)} />
      <NewComplaintDrawer
        opened={creating}
        onClose={() => setCreating(false)}
        accountId={account.id}
        onCreated={(c) => {
          setCreating(false);
          setComplaint(c.id);
        }}
      />
      <InteractionDrawer id={interaction} onClose={() => setInteraction(null)} />
    </Stack>
  );
}

/** One short list of the account's records: a page of them, or what to say when there are none. */
function ListCard({
  title,
  subtitle,
  all,
  total,
  empty,
  offset,
  onOffset,
  children,
}: {
  title: string;
  subtitle: string;
  all: ReactNode;
  /** undefined while loading */
  total: number | undefined;
  empty: ReactNode;
  offset: number;
  onOffset: (offset: number) => void;
  children: ReactNode;
}) {
  return (
    <Card padding="lg" withBorder radius="md">
      <CardTitle title={title} subtitle={subtitle} aside={total ? all : undefined} />
      {total === 0 ? (
        empty
      ) : (
        <>
          {children}
          <TableFooter offset={offset} limit={LIMIT} total={total ?? 0} onOffset={onOffset} />
        </>
      )}
    </Card>
  );
}

/** "All complaints →": the full list, filtered to the account. */
function AllLink({ to, account, children }: { to: '/service' | '/interactions'; account: string; children: ReactNode }) {
  return (
    <Anchor size="sm" renderRoot={(props) => <Link {...props} to={to} search={{ account }} />}>
      <Group gap={4}>
        {children}
        <IconArrowRight size={14} />
      </Group>
    </Anchor>
  );
}
