import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconMessages, IconMoodSad } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../ui/Empty';
import { TableFooter } from '../../ui/TableFooter';
import type { Account } from '../accounts/accountsApi';
import { InteractionDrawer } from '../interactions/InteractionDrawer';
import { InteractionsTable } from '../interactions/InteractionsTable';
import { useInteractions } from '../interactions/interactionsApi';
import { ComplaintDrawer } from './ComplaintDrawer';
import { ComplaintsTable } from './ComplaintsTable';
import { useComplaints } from './complaintsApi';

const LIMIT = 5;

/** The account's service tab: its complaints and its recent interactions, each with a way to the full list. */
export function AccountServiceTab({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [complaintOffset, setComplaintOffset] = useState(0);
  const [interactionOffset, setInteractionOffset] = useState(0);
  const [complaint, setComplaint] = useState<string | null>(null);
  const [interaction, setInteraction] = useState<string | null>(null);
  const complaints = useComplaints({ accountId: account.id }, LIMIT, complaintOffset);
  const interactions = useInteractions({ accountId: account.id }, LIMIT, interactionOffset);

  return (
    <Stack gap="md" data-testid="service-tab">
      <Card padding="lg" withBorder radius="md">
        <Group justify="space-between" mb="sm">
          <Stack gap={0}>
            <Title order={4} fz="md">
              {t('service.account.complaints')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('service.account.complaintsSubtitle')}
            </Text>
          </Stack>
          {!!complaints.data?.total && (
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/service" search={{ account: account.id }} />}>
              <Group gap={4}>
                {t('service.account.allComplaints')}
                <IconArrowRight size={14} />
              </Group>
            </Anchor>
          )}
        </Group>
        {complaints.data?.total === 0 ? (
          <Empty icon={<IconMoodSad size={26} />} title={t('service.emptyTitle')} text={t('service.emptyText')} />
        ) : (
          <>
            <ComplaintsTable items={complaints.data?.items} onOpen={setComplaint} withAccount={false} />
            <TableFooter offset={complaintOffset} limit={LIMIT} total={complaints.data?.total ?? 0} onOffset={setComplaintOffset} />
          </>
        )}
      </Card>
      <Card padding="lg" withBorder radius="md">
        <Group justify="space-between" mb="sm">
          <Stack gap={0}>
            <Title order={4} fz="md">
              {t('service.account.interactions')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('interactions.accountSubtitle')}
            </Text>
          </Stack>
          {!!interactions.data?.total && (
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/interactions" search={{ account: account.id }} />}>
              <Group gap={4}>
                {t('interactions.allForAccount')}
                <IconArrowRight size={14} />
              </Group>
            </Anchor>
          )}
        </Group>
        {interactions.data?.total === 0 ? (
          <Empty icon={<IconMessages size={26} />} title={t('interactions.emptyTitle')} text={t('interactions.emptyText')} />
        ) : (
          <>
            <InteractionsTable items={interactions.data?.items} onOpen={setInteraction} withAccount={false} />
            <TableFooter offset={interactionOffset} limit={LIMIT} total={interactions.data?.total ?? 0} onOffset={setInteractionOffset} />
          </>
        )}
      </Card>
      <ComplaintDrawer id={complaint} onClose={() => setComplaint(null)} />
      <InteractionDrawer id={interaction} onClose={() => setInteraction(null)} />
    </Stack>
  );
}
